import type { DisplayCatalog } from './keys.js';

export const ro: DisplayCatalog = {
  title: "Apeluri",
  current: "Apel curent",
  recent: "Apeluri recente",
  callLabel: "Numărul {number}, vă rugăm la {counter}",
  recall: "Apel repetat",
  noCalls: "Încă nu sunt apeluri",
  waiting: "În așteptare",
  waitingCount: "{count, plural, one {# persoană așteaptă} few {# persoane așteaptă} other {# de persoane așteaptă}}",
  closed: "închis",
  offline: "Fără conexiune – se reconectează",
  enableSound: "Porniți sunetul: atingeți aici",
  tickerLabel: "Informații",
  tickerWatch: "Vă rugăm să urmăriți numărul dumneavoastră: apare aici și este anunțat.",
  tickerPhone: "Puteți urmări timpul de așteptare și pe telefon: scanați codul QR de pe bilet.",
  tickerPrivacy: "Acest ecran arată doar numere, niciodată nume.",
};
