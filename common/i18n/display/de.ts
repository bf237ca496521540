/** Waiting-room screen, German: the source language. The ticker texts rotate through every language. */
export const de = {
  title: "Aufrufe",
  current: "Aktueller Aufruf",
  recent: "Letzte Aufrufe",
  callLabel: "Nummer {number}, bitte zu {counter}",
  recall: "Erneuter Aufruf",
  noCalls: "Noch keine Aufrufe",
  waiting: "Wartende",
  waitingCount: "{count, plural, one {# Person wartet} other {# Personen warten}}",
  closed: "geschlossen",
  offline: "Keine Verbindung – die Anzeige verbindet sich neu",
  enableSound: "Ton einschalten: bitte hier tippen",
  tickerLabel: "Hinweise",
  tickerWatch: "Bitte achten Sie auf Ihre Nummer: Sie erscheint hier und wird angesagt.",
  tickerPhone: "Ihre Wartezeit sehen Sie auch auf dem Handy: Scannen Sie den QR-Code auf Ihrem Ticket.",
  tickerPrivacy: "Auf diesem Bildschirm stehen nur Nummern, keine Namen.",
};
