import { api } from './api.js';

/**
 * Which kiosk this is, so its printer prints. `settled` is false while the
 * server could not be asked (try again after the next reconnect).
 */
export interface KioskIdentity {
  settled: boolean;
  /** The device the server prints for; null = no printing. */
  id: string | null;
  /** A set-up error staff must see, in German: the address names a kiosk the server does not know. */
  problem: string | null;
}

/** With `?kiosk=<id>`: that id, checked with the server. Without: the office's only kiosk, if it has just one. */
export async function identifyKiosk(wanted: string | null): Promise<KioskIdentity> {
  if (wanted) {
    const res = await api.kiosk(wanted);
    if (res.ok) return { settled: true, id: wanted, problem: null };
    if (res.code === 'NOT_FOUND') {
      return { settled: false, id: null, problem: `Kiosk „${wanted}“ ist auf dem Server nicht eingerichtet. Bitte die Adresse prüfen (?kiosk=…).` };
    }
    return { settled: false, id: null, problem: null };
  }
  const res = await api.kiosks();
  if (!res.ok) return { settled: false, id: null, problem: null };
  return { settled: true, id: res.value.length === 1 ? (res.value[0]?.id ?? null) : null, problem: null };
}
