import type { TicketCatalog } from './keys.js';

export const fa: TicketCatalog = {
  yourNumber: "شماره شما",
  service: "خدمت",
  drawnAt: "زمان دریافت: {time}",
  ahead: "{ahead, plural, =0 {نوبت بعدی مال شماست.} other {# نفر پیش از شما منتظرند.}}",
  estimate: "زمان انتظار حدود {low} تا {high} دقیقه",
  estimateUnknown: "زمان انتظار: هنوز معلوم نیست",
  pleaseWait: "لطفاً صبر کنید تا شماره شما روی صفحه نمایش داده شود.",
  scanQr: "کد را اسکن کنید تا زمان انتظار را روی گوشی خود ببینید.",
  appointmentAt: "وقت ملاقات: ساعت {time}",
};
