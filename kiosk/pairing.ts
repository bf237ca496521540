/**
 * #13 part 1: a kiosk is a paired device. An admin's pairing link,
 * `/kiosk/?pair=<token>`, is opened once on the kiosk: the token goes into
 * localStorage and out of the address bar (and so out of the history, the
 * screen and any bookmark). Every later start reads it from storage.
 */

export const DEVICE_TOKEN_KEY = 'amtsqueue.kiosk.deviceToken';

/** What a device token may look like (as the server issues them, or KIOSK_TOKEN allows). */
const TOKEN = /^[A-Za-z0-9_-]{32,200}$/;

export interface PairingEnv {
  /** The page's address, e.g. location.href. */
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** history.replaceState: swaps the address without a reload or a history entry. */
  replaceUrl(url: string): void;
}

/** Takes a `?pair=` token from the address into storage (dropping it from the address) and returns the stored token, or null. */
export function takePairing(env: PairingEnv): string | null {
  const url = new URL(env.href);
  const offered = url.searchParams.get('pair');
  if (offered !== null) {
    if (TOKEN.test(offered)) env.storage.setItem(DEVICE_TOKEN_KEY, offered);
    url.searchParams.delete('pair');
    env.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
  }
  const stored = env.storage.getItem(DEVICE_TOKEN_KEY);
  return stored !== null && TOKEN.test(stored) ? stored : null;
}

/** The page's own pairing: read once at start-up. */
export function pageDeviceToken(): string | null {
  try {
    return takePairing({ href: location.href, storage: localStorage, replaceUrl: (u) => history.replaceState(history.state, '', u) });
  } catch {
    // Storage switched off: the kiosk cannot keep a pairing and shows that it is not registered.
    return null;
  }
}

/** The header that shows the server this kiosk's token. */
export function deviceHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Device ${token}` } : {};
}
