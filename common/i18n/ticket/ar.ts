import type { TicketCatalog } from './keys.js';

export const ar: TicketCatalog = {
  yourNumber: "رقمك",
  service: "الخدمة",
  drawnAt: "وقت السحب: {time}",
  ahead: "{ahead, plural, =0 {دورك هو التالي.} one {ينتظر شخص واحد قبلك.} two {ينتظر شخصان قبلك.} few {ينتظر # أشخاص قبلك.} many {ينتظر # شخصًا قبلك.} other {ينتظر # شخص قبلك.}}",
  estimate: "مدة الانتظار حوالي {low}–{high} دقيقة",
  estimateUnknown: "مدة الانتظار: غير معروفة بعد",
  pleaseWait: "يرجى الانتظار حتى يظهر رقمك على الشاشة.",
  scanQr: "امسح الرمز لترى مدة انتظارك على هاتفك.",
  appointmentAt: "الموعد الساعة {time}",
};
