import type { TicketCatalog } from './keys.js';

export const ro: TicketCatalog = {
  yourNumber: "Numărul dvs.",
  service: "Serviciu",
  drawnAt: "Luat la ora {time}",
  ahead: "{ahead, plural, =0 {Nimeni nu așteaptă înaintea dvs.} one {O persoană așteaptă înaintea dvs.} few {# persoane așteaptă înaintea dvs.} other {# de persoane așteaptă înaintea dvs.}}",
  estimate: "Timp de așteptare aproximativ {low}–{high} minute",
  estimateUnknown: "Timp de așteptare: încă necunoscut",
  pleaseWait: "Vă rugăm să așteptați până când numărul dvs. apare pe ecran.",
  scanQr: "Scanați codul ca să vedeți timpul de așteptare pe telefon.",
  appointmentAt: "Programare la ora {time}",
};
