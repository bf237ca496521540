import type { AnnounceCatalog } from './keys.js';

export const uk: AnnounceCatalog = {
  call: "Номер {number}, пройдіть, будь ласка, {place, select, counter {до віконця номер {n}} room {до кабінету номер {n}} other {до {name}}}.",
  recall: "Повторний виклик.",
  letter: "{letter, select, A {а} B {бе} C {це} D {де} E {е} F {еф} G {ге} H {аш} I {і} J {йот} K {ка} L {ель} M {ем} N {ен} O {о} P {пе} Q {ку} R {ер} S {ес} T {те} U {у} V {ве} W {дубль-ве} X {ікс} Y {ігрек} Z {зет} other {{letter}}}",
};
