import type { TestServer } from '../helpers/test-server.js';

/** The demo office's staff at their own counters, for the race tests (each its own session and socket). */
export const DEMO_DESKS: ReadonlyArray<{ username: string; counterId: string }> = [
  { username: 'admin', counterId: 'schalter-1' },
  { username: 'jschulte', counterId: 'schalter-2' },
  { username: 'ayilmaz', counterId: 'schalter-3' },
  { username: 'kmansour', counterId: 'schalter-4' },
  { username: 'okovalenko', counterId: 'schalter-5' },
  { username: 'twerner', counterId: 'raum-1-14' },
  { username: 'skrueger', counterId: 'raum-1-15' },
  { username: 'mhosseini', counterId: 'raum-1-16' },
  { username: 'ftesfaye', counterId: 'raum-1-17' },
  { username: 'ipetrova', counterId: 'raum-1-18' },
];

/** Every counter serves every service: its own primaries first, all others as secondary. */
export async function everyCounterServesAll(server: TestServer, serviceIds: readonly string[]): Promise<void> {
  await server.app.office.store.transaction(server.app.office.siteId, async (tx) => {
    for (const c of await tx.catalog.counters()) {
      await tx.catalog.putCounter({ ...c, secondaryServiceIds: serviceIds.filter((id) => !c.primaryServiceIds.includes(id)) });
    }
  });
}
