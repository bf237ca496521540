import type { DomainEvent } from '../domain/events.js';
import type { Ticket } from '../../common/model.js';
import { actorPeriod } from '../domain/retention.js';
import type { SiteReader, SiteTx, TicketWriter } from '../store/store.js';
import { newId } from './ids.js';

/**
 * #17: the reference events and tickets hold for the staff member who acted (their `userId`).
 * Data protection asks that this link to the person end after a retention period while the log
 * stays as written: events and ticket rows name an actor key, one per person, site and calendar
 * month of the office (`ak_…`, table `actor_keys`), and the purge deletes the key's row
 * `actorLinkDays` after the month ended (server/app/purge.ts). Statistics never name staff.
 *
 * The mapping happens at one choke point, `Office.command` (`keyedEvents`, `keyedTickets`): a
 * command names the user id as before. A value that already is a key is left as it is.
 * Events and tickets written before migration 12 hold the user id itself ("legacy"): they
 * resolve to the user while the account exists (README "Data protection").
 */

/** The user behind an actor key, while the link is kept. */
export interface ActorUser {
  userId: string;
  username: string;
  displayName: string;
}

const KEY_PREFIX = 'ak_';

export function isActorKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX);
}

/** The key a command writes into its events and ticket rows for `userId` acting at `now`. */
export async function actorKey(tx: SiteTx, userId: string, now: number): Promise<string> {
  if (isActorKey(userId)) return userId;
  const period = actorPeriod(now, (await tx.catalog.settings()).timeZone);
  const kept = await tx.privacy.actorKeyOf(userId, period);
  if (kept) return kept.key;
  const key = newId('ak');
  await tx.privacy.putActorKey({ key, userId, period, createdAt: now });
  return key;
}

/** The users behind these keys; a key whose link was purged (or never existed) is absent. */
export async function actorUsers(r: SiteReader, keys: readonly string[]): Promise<Map<string, ActorUser>> {
  const out = new Map<string, ActorUser>();
  const unique = [...new Set(keys)];
  const linked = new Map((await r.privacy.actorKeys(unique.filter(isActorKey))).map((k) => [k.key, k.userId]));
  for (const key of unique) {
    // A legacy value (written before actor keys) is the user id itself.
    const userId = isActorKey(key) ? linked.get(key) : key;
    if (userId === undefined) continue;
    const user = await r.staff.user(userId);
    if (user) out.set(key, { userId: user.id, username: user.username, displayName: user.displayName });
  }
  return out;
}

/** Every key of one user still linked to them (to filter the audit by person), the legacy user id included. */
export async function actorKeysOf(r: SiteReader, userId: string): Promise<string[]> {
  return [userId, ...(await r.privacy.actorKeysOfUser(userId)).map((k) => k.key)];
}

/** The choke point for events: every user id in an envelope (and a counter takeover's) becomes its key. */
export async function keyedEvents(tx: SiteTx, events: readonly DomainEvent[], now: number): Promise<DomainEvent[]> {
  const out: DomainEvent[] = [];
  for (const e of events) {
    let keyed = e.userId ? { ...e, userId: await actorKey(tx, e.userId, now) } : e;
    if (keyed.type === 'counter.opened' && keyed.data.takenOverFrom) {
      keyed = { ...keyed, data: { ...keyed.data, takenOverFrom: await actorKey(tx, keyed.data.takenOverFrom, now) } };
    }
    out.push(keyed);
  }
  return out;
}

/** A ticket as it is stored: its staff reference is a key. */
export async function keyedTicket(tx: SiteTx, t: Ticket, now: number): Promise<Ticket> {
  return t.userId && !isActorKey(t.userId) ? { ...t, userId: await actorKey(tx, t.userId, now) } : t;
}

/** The choke point for ticket rows: the unit's ticket writer, writing keys (every other call passes through). */
export function keyedTickets(tx: SiteTx, now: number): TicketWriter {
  const tickets = tx.tickets;
  const keyed = Object.create(tickets) as TicketWriter;
  keyed.insert = async (t, seqNo) => tickets.insert(await keyedTicket(tx, t, now), seqNo);
  keyed.update = async (t) => tickets.update(await keyedTicket(tx, t, now));
  return keyed;
}
