import type { AnnounceCatalog } from './keys.js';

export const fa: AnnounceCatalog = {
  call: "شماره {number}، لطفاً به {place, select, counter {باجه {n}} room {اتاق {n}} other {{name}}} مراجعه کنید.",
  recall: "اعلام دوباره.",
  letter: "{letter, select, A {اِی} B {بی} C {سی} D {دی} E {ایی} F {اف} G {جی} H {اچ} I {آی} J {جی} K {کی} L {اِل} M {اِم} N {اِن} O {اُو} P {پی} Q {کیو} R {آر} S {اِس} T {تی} U {یو} V {وی} W {دبلیو} X {ایکس} Y {وای} Z {زد} other {{letter}}}",
};
