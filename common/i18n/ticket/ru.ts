import type { TicketCatalog } from './keys.js';

export const ru: TicketCatalog = {
  yourNumber: "Ваш номер",
  service: "Услуга",
  drawnAt: "Выдан в {time}",
  ahead: "{ahead, plural, =0 {Вы следующий.} one {Перед вами # человек.} few {Перед вами # человека.} many {Перед вами # человек.} other {Перед вами # человека.}}",
  estimate: "Время ожидания около {low}–{high} минут",
  estimateUnknown: "Время ожидания пока неизвестно",
  pleaseWait: "Пожалуйста, ждите, пока ваш номер не появится на экране.",
  scanQr: "Отсканируйте код, чтобы видеть время ожидания на телефоне.",
  appointmentAt: "Запись на {time}",
};
