import type { TicketCatalog } from './keys.js';

export const pl: TicketCatalog = {
  yourNumber: "Twój numer",
  service: "Sprawa",
  drawnAt: "Pobrano o {time}",
  ahead: "{ahead, plural, =0 {Nikt nie czeka przed Tobą.} one {Przed Tobą czeka 1 osoba.} few {Przed Tobą czekają # osoby.} many {Przed Tobą czeka # osób.} other {Przed Tobą czeka # osoby.}}",
  estimate: "Czas oczekiwania około {low}–{high} minut",
  estimateUnknown: "Czas oczekiwania: jeszcze nieznany",
  pleaseWait: "Proszę czekać, aż Twój numer pojawi się na ekranie.",
  scanQr: "Zeskanuj kod, aby widzieć czas oczekiwania w telefonie.",
  appointmentAt: "Wizyta o {time}",
};
