import type { TicketCatalog } from './keys.js';

export const bg: TicketCatalog = {
  yourNumber: "Вашият номер",
  service: "Услуга",
  drawnAt: "Издаден в {time} ч.",
  ahead: "{ahead, plural, =0 {Никой не чака пред вас.} one {Пред вас чака 1 човек.} other {Пред вас чакат # души.}}",
  estimate: "Време за чакане около {low}–{high} минути",
  estimateUnknown: "Време за чакане: все още неизвестно",
  pleaseWait: "Моля, изчакайте, докато номерът ви се появи на екрана.",
  scanQr: "Сканирайте кода, за да виждате времето за чакане на телефона си.",
  appointmentAt: "Час за среща: {time} ч.",
};
