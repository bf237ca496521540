import { api, deviceToken } from './api.js';

/**
 * Whether this browser is a paired kiosk (#13 part 1). `settled` is false
 * while the server could not be asked (try again after the next reconnect).
 * The server knows the kiosk by its device token, so the page needs no id:
 * its tickets print on the kiosk the token belongs to.
 */
export interface KioskIdentity {
  settled: boolean;
  /** null while unknown; false: no token, or the server refused it (never paired, rotated or revoked). */
  paired: boolean | null;
  /** The kiosk's id, once the server confirmed the token. */
  id: string | null;
}

export async function identifyKiosk(token: string | null = deviceToken): Promise<KioskIdentity> {
  if (!token) return { settled: true, paired: false, id: null };
  const res = await api.me();
  if (res.ok) return { settled: true, paired: true, id: res.value.id };
  if (res.code === 'DEVICE_REQUIRED') return { settled: true, paired: false, id: null };
  return { settled: false, paired: null, id: null };
}
