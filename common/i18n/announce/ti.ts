import type { AnnounceCatalog } from './keys.js';

export const ti: AnnounceCatalog = {
  call: "ቁጽሪ {number}፣ በጃኹም ናብ {place, select, counter {መስኮት {n}} room {ክፍሊ {n}} other {{name}}} ኪዱ።",
  recall: "ድጋሚ ጻውዒት።",
  letter: "{letter, select, A {ኤ} B {ቢ} C {ሲ} D {ዲ} E {ኢ} F {ኤፍ} G {ጂ} H {ኤች} I {ኣይ} J {ጄ} K {ኬ} L {ኤል} M {ኤም} N {ኤን} O {ኦ} P {ፒ} Q {ኪው} R {ኣር} S {ኤስ} T {ቲ} U {ዩ} V {ቪ} W {ደብሊው} X {ኤክስ} Y {ዋይ} Z {ዜድ} other {{letter}}}",
};
