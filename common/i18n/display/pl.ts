import type { DisplayCatalog } from './keys.js';

export const pl: DisplayCatalog = {
  title: "Wywołania",
  current: "Teraz wzywany",
  recent: "Ostatnie wywołania",
  callLabel: "Numer {number}, zapraszamy: {counter}",
  recall: "Ponowne wezwanie",
  noCalls: "Brak wywołań",
  waiting: "Oczekujący",
  waitingCount: "{count, plural, one {# osoba czeka} few {# osoby czekają} many {# osób czeka} other {# osoby czeka}}",
  closed: "zamknięte",
  offline: "Brak połączenia – ponowne łączenie",
  enableSound: "Włącz dźwięk: dotknij tutaj",
  tickerLabel: "Informacje",
  tickerWatch: "Prosimy obserwować swój numer: pojawi się tutaj i zostanie wywołany.",
  tickerPhone: "Czas oczekiwania zobaczysz też w telefonie: zeskanuj kod QR z biletu.",
  tickerPrivacy: "Na tym ekranie są tylko numery, nigdy nazwiska.",
};
