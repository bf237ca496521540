import type { TicketCatalog } from './keys.js';

export const ku: TicketCatalog = {
  yourNumber: "Hejmara we",
  service: "Karûbar",
  drawnAt: "Dema wergirtinê: {time}",
  ahead: "{ahead, plural, =0 {Kes li pêşiya we nîne.} one {1 kes li pêşiya we ye.} other {# kes li pêşiya we ne.}}",
  estimate: "Dema li bendê nêzîkî {low}–{high} deqe",
  estimateUnknown: "Dema li bendê: hê nayê zanîn",
  pleaseWait: "Ji kerema xwe li bendê bin heta ku hejmara we li ser ekranê xuya bibe.",
  scanQr: "Kodê bixwînin da ku dema li bendê li ser telefona xwe bibînin.",
  appointmentAt: "Randevû saet {time}",
};
