import type { DisplayCatalog } from './keys.js';

export const fa: DisplayCatalog = {
  title: "فراخوان‌ها",
  current: "فراخوان فعلی",
  recent: "فراخوان‌های اخیر",
  callLabel: "شماره {number}، لطفاً به {counter} مراجعه کنید",
  recall: "فراخوان دوباره",
  noCalls: "هنوز فراخوانی نیست",
  waiting: "در انتظار",
  waitingCount: "{count, plural, other {# نفر در انتظار}}",
  closed: "بسته",
  offline: "اتصال قطع است – در حال اتصال دوباره",
  enableSound: "برای روشن کردن صدا اینجا را لمس کنید",
  tickerLabel: "اطلاعات",
  tickerWatch: "لطفاً به شماره خود توجه کنید: اینجا نمایش داده و اعلام می‌شود.",
  tickerPhone: "زمان انتظار را روی گوشی هم می‌بینید: کد QR روی برگه نوبت را اسکن کنید.",
  tickerPrivacy: "این صفحه فقط شماره‌ها را نشان می‌دهد، هرگز نام‌ها را.",
};
