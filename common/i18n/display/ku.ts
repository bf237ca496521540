import type { DisplayCatalog } from './keys.js';

export const ku: DisplayCatalog = {
  title: "Bang",
  current: "Banga niha",
  recent: "Bangên dawî",
  callLabel: "Hejmar {number}, ji kerema xwe herin {counter}",
  recall: "Banga dubare",
  noCalls: "Hêj bang tune ne",
  waiting: "Li bendê",
  waitingCount: "{count, plural, one {# kes li bendê ye} other {# kes li bendê ne}}",
  closed: "girtî",
  offline: "Girêdan tune – dîsa tê girêdan",
  enableSound: "Ji bo dengê vekin li vir bitikînin",
  tickerLabel: "Agahî",
  tickerWatch: "Ji kerema xwe hay ji hejmara xwe hebin: ew li vir xuya dibe û tê ragihandin.",
  tickerPhone: "Hûn dikarin dema li bendê li ser telefona xwe jî bibînin: koda QR ya li ser bilêta xwe bixwînin.",
  tickerPrivacy: "Ev ekran tenê hejmaran nîşan dide, qet navan nîşan nade.",
};
