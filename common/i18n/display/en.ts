import type { DisplayCatalog } from './keys.js';

export const en: DisplayCatalog = {
  title: "Calls",
  current: "Now calling",
  recent: "Recent calls",
  callLabel: "Number {number}, please go to {counter}",
  recall: "Called again",
  noCalls: "No calls yet",
  waiting: "Waiting",
  waitingCount: "{count, plural, one {# person waiting} other {# people waiting}}",
  closed: "closed",
  offline: "No connection – reconnecting",
  enableSound: "Turn on sound: tap here",
  tickerLabel: "Information",
  tickerWatch: "Please watch for your number: it appears here and is announced.",
  tickerPhone: "You can also follow your wait on your phone: scan the QR code on your ticket.",
  tickerPrivacy: "This screen shows numbers only, never names.",
};
