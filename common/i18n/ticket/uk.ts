import type { TicketCatalog } from './keys.js';

export const uk: TicketCatalog = {
  yourNumber: "Ваш номер",
  service: "Послуга",
  drawnAt: "Видано о {time}",
  ahead: "{ahead, plural, =0 {Ви наступні.} one {Перед вами # людина.} few {Перед вами # людини.} many {Перед вами # людей.} other {Перед вами # людини.}}",
  estimate: "Час очікування приблизно {low}–{high} хвилин",
  estimateUnknown: "Час очікування поки невідомий",
  pleaseWait: "Будь ласка, зачекайте, доки ваш номер з’явиться на екрані.",
  scanQr: "Відскануйте код, щоб бачити час очікування на телефоні.",
  appointmentAt: "Запис на {time}",
};
