import type { DisplayCatalog } from './keys.js';

export const fr: DisplayCatalog = {
  title: "Appels",
  current: "Appel en cours",
  recent: "Derniers appels",
  callLabel: "Numéro {number}, veuillez vous présenter : {counter}",
  recall: "Nouvel appel",
  noCalls: "Aucun appel pour l’instant",
  waiting: "En attente",
  waitingCount: "{count, plural, one {# personne attend} other {# personnes attendent}}",
  closed: "fermé",
  offline: "Pas de connexion – reconnexion en cours",
  enableSound: "Activer le son : touchez ici",
  tickerLabel: "Informations",
  tickerWatch: "Surveillez votre numéro : il s’affiche ici et il est annoncé.",
  tickerPhone: "Suivez aussi votre attente sur votre téléphone : scannez le code QR de votre ticket.",
  tickerPrivacy: "Cet écran n’affiche que des numéros, jamais de noms.",
};
