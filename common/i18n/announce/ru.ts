import type { AnnounceCatalog } from './keys.js';

export const ru: AnnounceCatalog = {
  call: "Номер {number}, пройдите, пожалуйста, {place, select, counter {к окну номер {n}} room {в кабинет номер {n}} other {к {name}}}.",
  recall: "Повторный вызов.",
  letter: "{letter, select, A {а} B {бэ} C {цэ} D {дэ} E {э} F {эф} G {гэ} H {аш} I {и} J {йот} K {ка} L {эль} M {эм} N {эн} O {о} P {пэ} Q {ку} R {эр} S {эс} T {тэ} U {у} V {вэ} W {дубль-вэ} X {икс} Y {игрек} Z {зэт} other {{letter}}}",
};
