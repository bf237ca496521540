import type { DisplayCatalog } from './keys.js';

export const tr: DisplayCatalog = {
  title: "Çağrılar",
  current: "Şimdi çağrılan",
  recent: "Son çağrılar",
  callLabel: "{number} numara, lütfen şuraya gidin: {counter}",
  recall: "Tekrar çağrı",
  noCalls: "Henüz çağrı yok",
  waiting: "Bekleyenler",
  waitingCount: "{count, plural, other {# kişi bekliyor}}",
  closed: "kapalı",
  offline: "Bağlantı yok – yeniden bağlanıyor",
  enableSound: "Sesi açmak için buraya dokunun",
  tickerLabel: "Bilgiler",
  tickerWatch: "Lütfen numaranızı takip edin: burada görünür ve anons edilir.",
  tickerPhone: "Bekleme sürenizi telefonunuzdan da takip edebilirsiniz: biletinizdeki QR kodunu tarayın.",
  tickerPrivacy: "Bu ekranda yalnızca numaralar gösterilir, isimler asla.",
};
