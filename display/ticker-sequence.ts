import type { TickerMessage } from './settings.js';

/** Every this many built-in messages, one of the office's own messages is shown. */
export const OWN_MESSAGE_EVERY = 3;

/**
 * The order the ticker shows its messages in: each built-in text through all
 * languages in turn (so every language comes round every couple of minutes),
 * with the office's own messages woven in often enough to be seen.
 */
export function tickerSequence(own: readonly TickerMessage[], builtIn: readonly TickerMessage[]): TickerMessage[] {
  if (builtIn.length === 0) return [...own];
  if (own.length === 0) return [...builtIn];
  const out: TickerMessage[] = [];
  let next = 0;
  builtIn.forEach((message, i) => {
    if (i % OWN_MESSAGE_EVERY === 0) out.push(own[next++ % own.length] as TickerMessage);
    out.push(message);
  });
  return out;
}
