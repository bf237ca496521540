import type { TicketCatalog } from './keys.js';

export const ti: TicketCatalog = {
  yourNumber: "ቁጽርኹም",
  service: "ኣገልግሎት",
  drawnAt: "ዝተወሰደሉ ሰዓት፡ {time}",
  ahead: "{ahead, plural, =0 {ቅድሚኹም ዝጽበ ሰብ የለን።} =1 {ቅድሚኹም ሓደ ሰብ ይጽበ ኣሎ።} other {ቅድሚኹም # ሰባት ይጽበዩ ኣለዉ።}}",
  estimate: "ግምታዊ ግዜ ምጽባይ {low}–{high} ደቒቕ",
  estimateUnknown: "ግዜ ምጽባይ ገና ኣይተፈለጠን",
  pleaseWait: "በጃኹም ቁጽርኹም ኣብ ስክሪን ክሳብ ዝርአ ተጸበዩ።",
  scanQr: "ግዜ ምጽባይኩም ኣብ ተሌፎንኩም ንምርኣይ ነዚ ኮድ ስካን ግበሩ።",
  appointmentAt: "ቆጸራ ሰዓት {time}",
};
