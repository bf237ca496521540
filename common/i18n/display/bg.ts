import type { DisplayCatalog } from './keys.js';

export const bg: DisplayCatalog = {
  title: "Повиквания",
  current: "Текущо повикване",
  recent: "Последни повиквания",
  callLabel: "Номер {number}, моля, заповядайте: {counter}",
  recall: "Повторно повикване",
  noCalls: "Все още няма повиквания",
  waiting: "Чакащи",
  waitingCount: "{count, plural, one {# човек чака} other {# души чакат}}",
  closed: "затворено",
  offline: "Няма връзка – свързване отново",
  enableSound: "Включете звука: докоснете тук",
  tickerLabel: "Информация",
  tickerWatch: "Моля, следете своя номер: той се появява тук и се обявява.",
  tickerPhone: "Времето за чакане виждате и на телефона си: сканирайте QR кода на билета.",
  tickerPrivacy: "На този екран има само номера, никога имена.",
};
