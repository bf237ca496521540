import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { verifyPassword } from '../auth/password.js';
import { event } from '../domain/events.js';
import type { SharedTx, UserRecord } from '../store/store.js';
import { actorKey } from './actors.js';
import { closeCountersOf } from './counter-desk.js';
import type { Office } from './office.js';

export const SESSION_COOKIE = 'amtsqueue_session';
/** A working day plus overtime; staff log in again the next morning. */
export const SESSION_TTL_MS = 14 * 60 * 60 * 1000;

/** Compared against when the user does not exist, so timing does not reveal which usernames exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Only the hash of a session token is stored, so a copied database file opens no sessions. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Checks the password and opens a session; the token goes into the cookie and is never stored.
 * #17 audit: the session and `auth.signed_in` commit together in one unit of work of the site;
 * a refused sign-in records `auth.sign_in_failed` (the account's actor key when the username
 * exists, never what was typed) and then answers INVALID_CREDENTIALS as before.
 */
export async function signIn(office: Office, username: string, password: string): Promise<{ token: string; user: SessionUser }> {
  const user = await office.store.shared((p) => p.userByUsername(username));
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !worksAt(user, office.siteId) || !valid) {
    const failedId = user?.id ?? null;
    const reason = valid ? 'inactive' : 'credentials';
    await office.command(async (tx, now) => ({
      result: null,
      events: [event('auth.sign_in_failed', now, { userId: failedId === null ? null : await actorKey(tx, failedId, now), data: { reason } })],
    }));
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  await office.command(async (tx, now) => {
    await tx.shared.deleteExpiredSessions(now);
    await tx.shared.putSession({ id: hashToken(token), userId: user.id, createdAt: now, expiresAt: now + SESSION_TTL_MS });
    return { result: null, events: [event('auth.signed_in', now, { userId: await actorKey(tx, user.id, now) })] };
  });
  return { token, user: toSessionUser(user) };
}

/**
 * Ends a session; its open sockets are dropped by whoever listens for
 * `sessionEnded`. The user's open counters close with it (closeCountersOf):
 * nobody is at them any more, and their called visitors go back to the queue.
 * #17 audit: the deletion and `auth.signed_out` commit together (an unknown
 * token logs nothing).
 */
export async function signOut(office: Office, token: string): Promise<void> {
  const user = await office.command(async (tx, now) => {
    const session = await tx.shared.session(hashToken(token));
    await tx.shared.deleteSession(hashToken(token));
    const u = session ? await tx.shared.user(session.userId) : null;
    return { result: u, events: u ? [event('auth.signed_out', now, { userId: await actorKey(tx, u.id, now) })] : [] };
  });
  office.events.emit('sessionEnded', token);
  if (user) await closeCountersOf(office, toSessionUser(user));
}

export async function resolveSession(office: Office, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const now = office.now();
  return office.store.shared((p) => sessionUser(p, token, now, office.siteId));
}

async function sessionUser(p: SharedTx, token: string, now: number, siteId: string): Promise<SessionUser | null> {
  const session = await p.session(hashToken(token));
  if (!session || session.expiresAt <= now) return null;
  const user = await p.user(session.userId);
  return user && worksAt(user, siteId) ? toSessionUser(user) : null;
}

/** Of these session tokens, the ones that still open a session here: one unit of work for all of them. */
export async function liveSessions(office: Office, tokens: readonly string[]): Promise<Set<string>> {
  const now = office.now();
  return office.store.shared(async (p) => {
    const live = new Set<string>();
    for (const token of tokens) if (token.length <= 200 && (await sessionUser(p, token, now, office.siteId))) live.add(token);
    return live;
  });
}

/** An active user assigned to the office's site; elsewhere their session opens nothing. */
function worksAt(u: UserRecord, siteId: string): boolean {
  return u.active && u.siteIds.includes(siteId);
}

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, languages: u.languages, mustChangePassword: u.mustChangePassword };
}
