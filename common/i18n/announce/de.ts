/**
 * Spoken announcements, German: the source language. `letter` spells a ticket
 * prefix letter so the voice of each language reads it (a bare Latin letter
 * makes eSpeak switch to its English voice in Arabic, Persian, Cyrillic and
 * Ethiopic text). `place` is `counter` for "Schalter N", `room` for "Raum N",
 * else `name`, the counter's own (German) name.
 */
export const de = {
  call: "Nummer {number}, bitte zu {place, select, counter {Schalter {n}} room {Raum {n}} other {{name}}}.",
  recall: "Erneuter Aufruf.",
  letter: "{letter}",
};
