import type { DisplayCatalog } from './keys.js';

export const ru: DisplayCatalog = {
  title: "Вызовы",
  current: "Сейчас вызывается",
  recent: "Последние вызовы",
  callLabel: "Номер {number}, пройдите, пожалуйста: {counter}",
  recall: "Повторный вызов",
  noCalls: "Вызовов пока нет",
  waiting: "Ожидают",
  waitingCount: "{count, plural, one {# человек ждёт} few {# человека ждут} many {# человек ждут} other {# человека ждут}}",
  closed: "закрыто",
  offline: "Нет связи – переподключение",
  enableSound: "Включить звук: нажмите здесь",
  tickerLabel: "Информация",
  tickerWatch: "Следите за своим номером: он появится здесь и будет объявлен.",
  tickerPhone: "Время ожидания можно смотреть и на телефоне: отсканируйте QR-код на талоне.",
  tickerPrivacy: "На этом экране только номера, никаких имён.",
};
