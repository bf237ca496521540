import type { AnnounceCatalog } from './keys.js';

export const bg: AnnounceCatalog = {
  call: "Номер {number}, моля, заповядайте {place, select, counter {на гише {n}} room {в стая {n}} other {на {name}}}.",
  recall: "Повторно повикване.",
  letter: "{letter, select, A {а} B {бе} C {це} D {де} E {е} F {еф} G {ге} H {хаш} I {и} J {йот} K {ка} L {ел} M {ем} N {ен} O {о} P {пе} Q {кю} R {ер} S {ес} T {те} U {у} V {ве} W {дубъл-ве} X {икс} Y {ипсилон} Z {зет} other {{letter}}}",
};
