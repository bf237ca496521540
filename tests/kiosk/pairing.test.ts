import { describe, expect, it } from 'vitest';
import { DEVICE_TOKEN_KEY, deviceHeaders, takePairing } from '../../kiosk/pairing.js';

/** #13 part 1: `/kiosk/?pair=<token>` stores the token and drops it from the address. */

const TOKEN = 'a'.repeat(43);

function env(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    storage,
    replaced,
    env: {
      href,
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      replaceUrl: (u: string) => void replaced.push(u),
    },
  };
}

describe('kiosk pairing', () => {
  it('stores the token from ?pair= and removes it from the address, keeping the other options', () => {
    const e = env(`http://office:3000/kiosk/?idle=30&pair=${TOKEN}#x`);
    expect(takePairing(e.env)).toBe(TOKEN);
    expect(e.storage.get(DEVICE_TOKEN_KEY)).toBe(TOKEN);
    expect(e.replaced).toEqual(['/kiosk/?idle=30#x']);
  });

  it('reads a stored token on later starts and leaves the address alone', () => {
    const e = env('http://office:3000/kiosk/', { [DEVICE_TOKEN_KEY]: TOKEN });
    expect(takePairing(e.env)).toBe(TOKEN);
    expect(e.replaced).toEqual([]);
  });

  it('a new pairing link replaces the stored token', () => {
    const e = env(`http://office:3000/kiosk/?pair=${'b'.repeat(43)}`, { [DEVICE_TOKEN_KEY]: TOKEN });
    expect(takePairing(e.env)).toBe('b'.repeat(43));
  });

  it('no token: unpaired; a malformed one is dropped from the address but not stored', () => {
    expect(takePairing(env('http://office:3000/kiosk/').env)).toBeNull();
    const e = env('http://office:3000/kiosk/?pair=short');
    expect(takePairing(e.env)).toBeNull();
    expect(e.replaced).toEqual(['/kiosk/']);
    expect(e.storage.size).toBe(0);
  });

  it('sends the token as `Authorization: Device <token>`', () => {
    expect(deviceHeaders(TOKEN)).toEqual({ authorization: `Device ${TOKEN}` });
    expect(deviceHeaders(null)).toEqual({});
  });
});
