import type { AnnounceCatalog } from './keys.js';

export const ar: AnnounceCatalog = {
  call: "الرقم {number}، يرجى التوجه إلى {place, select, counter {الشباك {n}} room {الغرفة {n}} other {{name}}}.",
  recall: "نداء متكرر.",
  letter: "{letter, select, A {إيه} B {بي} C {سي} D {دي} E {إي} F {إف} G {جي} H {إتش} I {آي} J {جيه} K {كيه} L {إل} M {إم} N {إن} O {أو} P {پي} Q {كيو} R {آر} S {إس} T {تي} U {يو} V {في} W {دبليو} X {إكس} Y {وَايْ} Z {زِد} other {{letter}}}",
};
