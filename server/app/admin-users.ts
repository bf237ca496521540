import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { ConfigFieldChange } from '../../common/events.js';
import type { AdminUser, CreateUserInput, UpdateUserInput, UserWithPassword } from '../../common/user-schemas.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { event, type DomainEvent } from '../domain/events.js';
import type { SiteTx, UserRecord } from '../store/store.js';
import { can } from './access.js';
import { closeCountersOf } from './counter-desk.js';
import { newId } from './ids.js';
import type { Office } from './office.js';

/**
 * #15 staff accounts (`/api/admin/users`): who may run each function is the route's
 * use case in server/app/access.ts; what depends on the record (a supervisor resets
 * staff passwords only, the last active admin stays) is decided here. Users are
 * shared between sites; each change is written with its `config.changed` event in
 * the acting admin's site log, in one unit of work, and bumps the user's version.
 */

/** Fields that name a person: the log records only that they changed. */
const PERSONAL = new Set(['username', 'displayName']);
type Tracked = 'username' | 'displayName' | 'role' | 'languages' | 'active' | 'mustChangePassword';
const TRACKED: readonly Tracked[] = ['username', 'displayName', 'role', 'languages', 'active', 'mustChangePassword'];

export function toAdminUser(u: UserRecord): AdminUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    languages: u.languages,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
  };
}

/** The changed fields of a user record, personal ones redacted; `password` when the hash changed. */
export function userChanges(before: UserRecord | null, after: UserRecord | null): Record<string, ConfigFieldChange> {
  const changes: Record<string, ConfigFieldChange> = {};
  for (const key of TRACKED) {
    const b = before ? before[key] : null;
    const a = after ? after[key] : null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = PERSONAL.has(key) ? { redacted: true } : { before: b, after: a };
  }
  if (before && after && before.passwordHash !== after.passwordHash) changes.password = { redacted: true };
  return changes;
}

/** The `config.changed` event of a user change (record `user`), by `actor`. */
export function userChangedEvent(now: number, actor: SessionUser, before: UserRecord | null, after: UserRecord): DomainEvent {
  return event('config.changed', now, {
    userId: actor.id,
    data: { record: 'user', recordId: after.id, action: before ? 'updated' : 'created', version: after.version, changes: userChanges(before, after) },
  });
}

export async function listUsers(office: Office): Promise<AdminUser[]> {
  const users = await office.store.read(office.siteId, (r) => r.staff.users());
  return users.map(toAdminUser);
}

/** A new user of this office with a one-time password, shown once. */
export async function createUser(office: Office, input: CreateUserInput, actor: SessionUser): Promise<UserWithPassword> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await office.command(async (tx, now) => {
    if (await tx.shared.userByUsername(input.username)) {
      throw new AppError('USERNAME_TAKEN', `The username ${input.username} is taken.`, { field: 'username' });
    }
    const created: UserRecord = {
      id: newId('usr'),
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
      languages: input.languages ?? ['de'],
      passwordHash,
      active: true,
      mustChangePassword: true,
      version: 1,
      siteIds: [office.siteId],
    };
    await tx.shared.putUser(created);
    return { result: created, events: [userChangedEvent(now, actor, null, created)] };
  });
  return { user: toAdminUser(user), oneTimePassword };
}

/** Display name, role, languages, active; deactivating ends the user's sessions and sockets. */
export async function updateUser(office: Office, id: string, input: UpdateUserInput, actor: SessionUser): Promise<AdminUser> {
  const { version, ...fields } = input;
  const { user, deactivated } = await office.command(async (tx, now) => {
    const before = await current(tx, id, version);
    const after: UserRecord = {
      ...before,
      ...(fields.displayName !== undefined ? { displayName: fields.displayName.trim() } : {}),
      ...(fields.role !== undefined ? { role: fields.role } : {}),
      ...(fields.languages !== undefined ? { languages: fields.languages } : {}),
      ...(fields.active !== undefined ? { active: fields.active } : {}),
    };
    if (Object.keys(userChanges(before, after)).length === 0) return { result: { user: before, deactivated: false }, events: [] };
    const stillAdmin = after.role === 'admin' && after.active;
    if (before.role === 'admin' && before.active && !stillAdmin) await keepAnAdmin(tx, before.id, fields.active === false ? 'active' : 'role');
    const written = { ...after, version: before.version + 1 };
    await tx.shared.putUser(written);
    const deactivated = before.active && !written.active;
    // Nobody may work on with the account: its sessions end now; the push that follows the event drops their sockets.
    if (deactivated) await tx.shared.deleteSessionsOf(id);
    return { result: { user: written, deactivated }, events: [userChangedEvent(now, actor, before, written)] };
  });
  if (deactivated) await closeCountersOf(office, { ...toAdminUser(user), mustChangePassword: false });
  return toAdminUser(user);
}

/**
 * A new one-time password for a user, shown once; their sessions end. Admins reset anyone's,
 * supervisors only staff passwords (FORBIDDEN otherwise).
 */
export async function resetUserPassword(office: Office, id: string, version: number, actor: SessionUser): Promise<UserWithPassword> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await office.command(async (tx, now) => {
    const before = await current(tx, id, version);
    if (before.role !== 'staff' && !can(actor, 'users.resetAnyPassword')) {
      throw new AppError('FORBIDDEN', 'A supervisor resets the passwords of staff users only.');
    }
    const written: UserRecord = { ...before, passwordHash, mustChangePassword: true, version: before.version + 1 };
    await tx.shared.putUser(written);
    await tx.shared.deleteSessionsOf(id);
    return { result: written, events: [userChangedEvent(now, actor, before, written)] };
  });
  return { user: toAdminUser(user), oneTimePassword };
}

/** The user of this office as stored, if the client read this version (else USER_NOT_FOUND / STALE). */
async function current(tx: SiteTx, id: string, version: number): Promise<UserRecord> {
  const user = await tx.staff.user(id);
  if (!user) throw new AppError('USER_NOT_FOUND', 'No such user.');
  if (user.version !== version) {
    throw new AppError('STALE', `This user was changed meanwhile (version ${user.version}, you sent ${version}); reload it.`, { field: 'version' });
  }
  return user;
}

/** Refuses the change when `userId` is the office's last active admin. */
async function keepAnAdmin(tx: SiteTx, userId: string, field: 'active' | 'role'): Promise<void> {
  const others = (await tx.staff.users()).filter((u) => u.id !== userId && u.role === 'admin' && u.active);
  if (others.length === 0) throw new AppError('LAST_ADMIN', 'The last active admin cannot be deactivated or demoted.', { field });
}
