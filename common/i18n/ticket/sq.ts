import type { TicketCatalog } from './keys.js';

export const sq: TicketCatalog = {
  yourNumber: "Numri juaj",
  service: "Shërbimi",
  drawnAt: "Marrë në orën {time}",
  ahead: "{ahead, plural, =0 {Askush nuk pret para jush.} one {1 person pret para jush.} other {# persona presin para jush.}}",
  estimate: "Koha e pritjes rreth {low}–{high} minuta",
  estimateUnknown: "Koha e pritjes: ende e panjohur",
  pleaseWait: "Ju lutemi prisni derisa numri juaj të shfaqet në ekran.",
  scanQr: "Skanoni kodin për të parë kohën e pritjes në telefon.",
  appointmentAt: "Takimi në orën {time}",
};
