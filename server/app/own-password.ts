import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { PASSWORD_MIN_LENGTH, type ChangePasswordInput } from '../../common/user-schemas.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { userChangedEvent } from './admin-users.js';
import type { Office } from './office.js';
import { hashToken, toSessionUser } from './sessions.js';

/** Why a new password is refused (WEAK_PASSWORD, field `newPassword`), or null when it will do. */
export function weakPassword(password: string, username: string, current?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `A password has at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'A password must not be the username.';
  if (current !== undefined && password === current) return 'The new password must differ from the current one.';
  return null;
}

/**
 * #15: a user changes their own password; the current one is required (a wrong one is
 * CURRENT_PASSWORD_WRONG and counts against the login limits, see the route). A one-time
 * password is done with; every other session of the user ends (their sockets with the push
 * that follows the `config.changed` event), the one that asked stays.
 */
export async function changeOwnPassword(office: Office, token: string, user: SessionUser, input: ChangePasswordInput): Promise<SessionUser> {
  const weak = weakPassword(input.newPassword, user.username, input.currentPassword);
  if (weak) throw new AppError('WEAK_PASSWORD', weak, { field: 'newPassword' });
  const stored = await office.store.shared((p) => p.user(user.id));
  if (!stored) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(input.currentPassword, stored.passwordHash))) {
    throw new AppError('CURRENT_PASSWORD_WRONG', 'The current password is wrong.', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await office.command(async (tx, now) => {
    const before = await tx.shared.user(user.id);
    // Changed meanwhile (another session, an admin's reset): the password checked is no longer the current one.
    if (!before || before.passwordHash !== stored.passwordHash) throw new AppError('CURRENT_PASSWORD_WRONG', 'The current password is wrong.', { field: 'currentPassword' });
    const after = { ...before, passwordHash, mustChangePassword: false, version: before.version + 1 };
    await tx.shared.putUser(after);
    await tx.shared.deleteSessionsOf(user.id, hashToken(token));
    return { result: after, events: [userChangedEvent(now, user, before, after)] };
  });
  return toSessionUser(changed);
}
