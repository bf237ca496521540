import type { DisplayCatalog } from './keys.js';

export const uk: DisplayCatalog = {
  title: "Виклики",
  current: "Зараз викликається",
  recent: "Останні виклики",
  callLabel: "Номер {number}, пройдіть, будь ласка: {counter}",
  recall: "Повторний виклик",
  noCalls: "Викликів поки немає",
  waiting: "Очікують",
  waitingCount: "{count, plural, one {# людина чекає} few {# людини чекають} many {# людей чекають} other {# людини чекають}}",
  closed: "зачинено",
  offline: "Немає зв’язку – перепідключення",
  enableSound: "Увімкнути звук: торкніться тут",
  tickerLabel: "Інформація",
  tickerWatch: "Стежте за своїм номером: він з’явиться тут і буде оголошений.",
  tickerPhone: "Час очікування можна бачити й на телефоні: відскануйте QR-код на талоні.",
  tickerPrivacy: "На цьому екрані лише номери, жодних імен.",
};
