/** Printed ticket and ticket screens, German: the source language. */
export const de = {
  yourNumber: "Ihre Nummer",
  service: "Anliegen",
  drawnAt: "Gezogen um {time} Uhr",
  ahead: "{ahead, plural, =0 {Sie sind als Nächstes dran.} one {Vor Ihnen wartet 1 Person.} other {Vor Ihnen warten # Personen.}}",
  estimate: "Wartezeit etwa {low}–{high} Minuten",
  estimateUnknown: "Wartezeit: noch nicht bekannt",
  pleaseWait: "Bitte warten Sie, bis Ihre Nummer auf dem Bildschirm erscheint.",
  scanQr: "Scannen Sie den Code: So sehen Sie Ihre Wartezeit auf dem Handy.",
  appointmentAt: "Termin um {time} Uhr",
};
