import type { AnnounceCatalog } from './keys.js';

// The Polish voice reads a lone W and Z as bare consonants; spell their names.
export const pl: AnnounceCatalog = {
  call: "Numer {number}, zapraszamy do {place, select, counter {stanowiska {n}} room {pokoju {n}} other {{name}}}.",
  recall: "Ponowne wezwanie.",
  letter: "{letter, select, W {wu} Z {zet} other {{letter}}}",
};
