import type { AnnounceCatalog } from './keys.js';

export const sq: AnnounceCatalog = {
  call: "Numri {number}, ju lutemi shkoni te {place, select, counter {sporteli {n}} room {dhoma {n}} other {{name}}}.",
  recall: "Thirrje e përsëritur.",
  letter: "{letter}",
};
