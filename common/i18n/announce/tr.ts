import type { AnnounceCatalog } from './keys.js';

export const tr: AnnounceCatalog = {
  call: "Sıra numarası {number}, lütfen {place, select, counter {{n} numaralı gişeye} room {{n} numaralı odaya} other {{name} bölümüne}} gidin.",
  recall: "Tekrar çağrı.",
  letter: "{letter}",
};
