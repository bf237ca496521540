import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../common/dto.js';
import type { QueueStore, UserRecord } from '../store/store.js';

export const SESSION_COOKIE = 'amtsqueue_session';
/** A working day plus overtime; staff log in again the next morning. */
export const SESSION_TTL_MS = 14 * 60 * 60 * 1000;

/** Only the hash of a session token is stored, so a copied database file opens no sessions. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(store: QueueStore, userId: string, now: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.transaction((tx) => {
    tx.deleteExpiredSessions(now);
    tx.putSession({ id: hashToken(token), userId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
  });
  return token;
}

export async function destroySession(store: QueueStore, token: string): Promise<void> {
  await store.transaction((tx) => tx.deleteSession(hashToken(token)));
}

export async function resolveSession(store: QueueStore, token: string | undefined, now: number): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  return store.read((r) => {
    const session = r.session(hashToken(token));
    if (!session || session.expiresAt <= now) return null;
    const user = r.user(session.userId);
    return user && user.active ? toSessionUser(user) : null;
  });
}

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, languages: u.languages };
}
