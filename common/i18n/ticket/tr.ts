import type { TicketCatalog } from './keys.js';

export const tr: TicketCatalog = {
  yourNumber: "Numaranız",
  service: "İşlem",
  drawnAt: "Alış saati: {time}",
  ahead: "{ahead, plural, =0 {Sıradaki sizsiniz.} other {Önünüzde # kişi var.}}",
  estimate: "Bekleme süresi yaklaşık {low}–{high} dakika",
  estimateUnknown: "Bekleme süresi: henüz belli değil",
  pleaseWait: "Lütfen numaranız ekranda görünene kadar bekleyin.",
  scanQr: "Bekleme sürenizi telefonunuzda görmek için kodu okutun.",
  appointmentAt: "Randevu saati: {time}",
};
