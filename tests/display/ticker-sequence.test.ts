import { describe, expect, it } from 'vitest';
import { OWN_MESSAGE_EVERY, tickerSequence } from '../../display/ticker-sequence.js';

const m = (text: string, lang = 'de') => ({ lang, text });

describe('ticker sequence', () => {
  it('weaves the office’s own messages in between the built-in ones', () => {
    const builtIn = Array.from({ length: 7 }, (_, i) => m(`b${i}`));
    const seq = tickerSequence([m('own1'), m('own2', 'ar')], builtIn).map((x) => x.text);
    expect(seq).toEqual(['own1', 'b0', 'b1', 'b2', 'own2', 'b3', 'b4', 'b5', 'own1', 'b6']);
    expect(OWN_MESSAGE_EVERY).toBe(3);
  });

  it('shows only what there is', () => {
    expect(tickerSequence([], [m('b')]).map((x) => x.text)).toEqual(['b']);
    expect(tickerSequence([m('o')], []).map((x) => x.text)).toEqual(['o']);
    expect(tickerSequence([], [])).toEqual([]);
  });
});
