import type { TicketCatalog } from './keys.js';

export const fr: TicketCatalog = {
  yourNumber: "Votre numéro",
  service: "Service",
  drawnAt: "Pris à {time}",
  ahead: "{ahead, plural, =0 {Personne n’attend avant vous.} one {1 personne attend avant vous.} other {# personnes attendent avant vous.}}",
  estimate: "Attente d’environ {low} à {high} minutes",
  estimateUnknown: "Attente : pas encore connue",
  pleaseWait: "Veuillez patienter jusqu’à ce que votre numéro s’affiche à l’écran.",
  scanQr: "Scannez le code pour suivre votre attente sur votre téléphone.",
  appointmentAt: "Rendez-vous à {time}",
};
