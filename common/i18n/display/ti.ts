import type { DisplayCatalog } from './keys.js';

export const ti: DisplayCatalog = {
  title: "ጻውዒታት",
  current: "ሕጂ ዝተጸውዐ",
  recent: "ናይ ቀረባ ጻውዒታት",
  callLabel: "ቁጽሪ {number}፣ በጃኹም ናብ {counter} ኪዱ",
  recall: "ድጋሚ ጻውዒት",
  noCalls: "ክሳብ ሕጂ ጻውዒት የለን",
  waiting: "ዝጽበዩ ዘለዉ",
  waitingCount: "{count, plural, one {# ሰብ ይጽበ ኣሎ} other {# ሰባት ይጽበዩ ኣለዉ}}",
  closed: "ዕጹው",
  offline: "ርክብ የለን – ዳግማይ ይራኸብ ኣሎ",
  enableSound: "ድምጺ ንምኽፋት ኣብዚ ጠውቑ",
  tickerLabel: "ሓበሬታ",
  tickerWatch: "በጃኹም ቁጽርኹም ተኸታተሉ፣ ኣብዚ ይርአን ይእወጅን።",
  tickerPhone: "ግዜ ምጽባይኩም ኣብ ተሌፎንኩም እውን ትርእዩ ኢኹም፣ ኣብ ትኬትኩም ዘሎ QR ኮድ ስካን ግበሩ።",
  tickerPrivacy: "እዚ ስክሪን ቁጽሪ ጥራይ የርኢ፣ ኣስማት ፈጺሙ ኣየርእን።",
};
