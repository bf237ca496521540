import type { SiteReader, SiteTx } from '../store/store.js';

/**
 * #17: the reference events and tickets hold for the staff member who acted (their `userId`).
 * Data protection asks that this link to the person end after a retention period while the log
 * stays as written: events name an actor key, and the key's link to the user is what the purge
 * removes. Until that lands (part D of #17), the key is the user id itself.
 */

/** The user behind an actor key, while the link is kept. */
export interface ActorUser {
  userId: string;
  username: string;
  displayName: string;
}

/** The key a command writes into its events and ticket rows for `userId` acting at `now`. */
export function actorKey(_tx: SiteTx, userId: string, _now: number): Promise<string> {
  return Promise.resolve(userId);
}

/** The users behind these keys; a key whose link was purged (or never existed) is absent. */
export async function actorUsers(r: SiteReader, keys: readonly string[]): Promise<Map<string, ActorUser>> {
  const out = new Map<string, ActorUser>();
  for (const key of new Set(keys)) {
    const user = await r.staff.user(key);
    if (user) out.set(key, { userId: user.id, username: user.username, displayName: user.displayName });
  }
  return out;
}

/** Every key of one user still linked to them (to filter the audit by person). */
export function actorKeysOf(_r: SiteReader, userId: string): Promise<string[]> {
  return Promise.resolve([userId]);
}
