import type { TicketCatalog } from './keys.js';

export const en: TicketCatalog = {
  yourNumber: "Your number",
  service: "Service",
  drawnAt: "Taken at {time}",
  ahead: "{ahead, plural, =0 {You are next.} one {1 person is ahead of you.} other {# people are ahead of you.}}",
  estimate: "Waiting time about {low}–{high} minutes",
  estimateUnknown: "Waiting time: not known yet",
  pleaseWait: "Please wait until your number appears on the screen.",
  scanQr: "Scan the code to see your waiting time on your phone.",
  appointmentAt: "Appointment at {time}",
};
