import type { AnnounceCatalog } from './keys.js';

// A lone "A" is read as the article; "eh" makes the voice say the letter's name.
export const en: AnnounceCatalog = {
  call: "Number {number}, please go to {place, select, counter {counter {n}} room {room {n}} other {{name}}}.",
  recall: "Calling again.",
  letter: "{letter, select, A {eh} other {{letter}}}",
};
