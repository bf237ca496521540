import type { DisplayCatalog } from './keys.js';

export const ar: DisplayCatalog = {
  title: "النداءات",
  current: "النداء الحالي",
  recent: "النداءات الأخيرة",
  callLabel: "الرقم {number}، يرجى التوجه إلى {counter}",
  recall: "نداء متكرر",
  noCalls: "لا توجد نداءات بعد",
  waiting: "المنتظرون",
  waitingCount: "{count, plural, zero {لا أحد ينتظر} one {شخص واحد ينتظر} two {شخصان ينتظران} few {# أشخاص ينتظرون} many {# شخصًا ينتظرون} other {# شخص ينتظرون}}",
  closed: "مغلق",
  offline: "لا يوجد اتصال – جارٍ إعادة الاتصال",
  enableSound: "لتشغيل الصوت: اضغط هنا",
  tickerLabel: "معلومات",
  tickerWatch: "يرجى الانتباه إلى رقمك: سيظهر هنا وسيتم الإعلان عنه.",
  tickerPhone: "يمكنك أيضًا متابعة مدة انتظارك على هاتفك: امسح رمز QR الموجود على تذكرتك.",
  tickerPrivacy: "تعرض هذه الشاشة الأرقام فقط، ولا تعرض الأسماء أبدًا.",
};
