import { actorUsers } from '../../server/app/actors.js';
import type { Office } from '../../server/app/office.js';

/**
 * #17: events and ticket rows name staff by an actor key (server/app/actors.ts); tests that check
 * who acted compare the user behind it. Each item comes back with `userId` resolved (a key
 * whose link is gone stays as it was).
 */
export async function withUserIds<T extends { userId: string | null }>(office: Office, items: readonly T[]): Promise<T[]> {
  const keys = items.map((i) => i.userId).filter((k): k is string => k !== null);
  const users = await office.store.read(office.siteId, (r) => actorUsers(r, keys));
  return items.map((i) => (i.userId === null ? i : { ...i, userId: users.get(i.userId)?.userId ?? i.userId }));
}
