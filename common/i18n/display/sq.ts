import type { DisplayCatalog } from './keys.js';

export const sq: DisplayCatalog = {
  title: "Thirrjet",
  current: "Thirrja aktuale",
  recent: "Thirrjet e fundit",
  callLabel: "Numri {number}, ju lutemi shkoni te {counter}",
  recall: "Thirrje e përsëritur",
  noCalls: "Ende nuk ka thirrje",
  waiting: "Në pritje",
  waitingCount: "{count, plural, one {# person pret} other {# persona presin}}",
  closed: "mbyllur",
  offline: "Nuk ka lidhje – po rilidhet",
  enableSound: "Ndizni zërin: prekni këtu",
  tickerLabel: "Informacion",
  tickerWatch: "Ju lutemi ndiqni numrin tuaj: ai shfaqet këtu dhe njoftohet.",
  tickerPhone: "Kohën e pritjes mund ta shihni edhe në telefon: skanoni kodin QR në biletën tuaj.",
  tickerPrivacy: "Ky ekran tregon vetëm numra, kurrë emra.",
};
