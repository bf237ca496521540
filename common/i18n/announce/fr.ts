import type { AnnounceCatalog } from './keys.js';

// The French voice reads a lone Y as "i"; its name is "i grec".
export const fr: AnnounceCatalog = {
  call: "Numéro {number}, veuillez vous présenter {place, select, counter {au guichet {n}} room {au bureau {n}} other {à {name}}}.",
  recall: "Nouvel appel.",
  letter: "{letter, select, Y {i grec} other {{letter}}}",
};
