import type { AnnounceCatalog } from './keys.js';

export const ro: AnnounceCatalog = {
  call: "Numărul {number}, vă rugăm să mergeți la {place, select, counter {ghișeul {n}} room {biroul {n}} other {{name}}}.",
  recall: "Apel repetat.",
  letter: "{letter}",
};
