import { describe, expect, it } from 'vitest';
import { ByteLru } from '../../server/speech/byte-lru.js';

const buf = (n: number) => Buffer.alloc(n);

describe('ByteLru', () => {
  it('evicts the least recently used entries once over the byte bound', () => {
    const cache = new ByteLru(100, 10);
    cache.set('a', buf(40));
    cache.set('b', buf(40));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('c', buf(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.bytes).toBe(80);
  });

  it('is bounded by entry count too', () => {
    const cache = new ByteLru(1_000_000, 3);
    for (let i = 0; i < 50; i++) cache.set(`k${i}`, buf(1));
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(3);
    expect(cache.get('k49')).toBeDefined();
    expect(cache.get('k46')).toBeUndefined();
  });

  it('replaces an entry without counting it twice, and never stores one larger than the bound', () => {
    const cache = new ByteLru(100, 10);
    cache.set('a', buf(30));
    cache.set('a', buf(50));
    expect(cache.bytes).toBe(50);
    cache.set('huge', buf(101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBe(50);
  });
});
