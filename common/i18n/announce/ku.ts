import type { AnnounceCatalog } from './keys.js';

// The Kurmanji voice reads a lone P and Q as bare consonants; spell their names.
export const ku: AnnounceCatalog = {
  call: "Hejmar {number}, ji kerema xwe herin {place, select, counter {gîşeya {n}} room {odeya {n}} other {{name}}}.",
  recall: "Banga dubare.",
  letter: "{letter, select, P {pe} Q {qe} other {{letter}}}",
};
