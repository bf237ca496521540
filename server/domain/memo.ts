/**
 * A bounded memo for pure functions of strings. Time-zone arithmetic through
 * the Temporal polyfill costs microseconds per call, and opening hours are
 * resolved for every service on every queue change, always for the same few
 * dates: remembering them keeps a command cheap. Oldest entries go first.
 */
export function memoize<R>(fn: (...args: string[]) => R, limit = 2048): (...args: string[]) => R {
  const cache = new Map<string, R>();
  return (...args) => {
    const key = args.join('\u0000');
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as R;
    const value = fn(...args);
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
