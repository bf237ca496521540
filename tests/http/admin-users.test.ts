import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '../../common/dto.js';
import type { Role } from '../../common/model.js';
import type { AdminUser, UserWithPassword } from '../../common/user-schemas.js';
import { connect, ConnectRefused, emitAck } from '../helpers/socket-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { withUserIds } from '../helpers/actors.js';
import { expectError, request, type HttpReply } from './support.js';

/**
 * #15 staff accounts on a real server (SQLite file, port 0, real sockets): one-time
 * passwords and the forced change, the own password change, the admin API with its
 * versions, the last admin, deactivation ending the sockets, and the log.
 */

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
});
afterAll(() => server.close());

const api = (method: string, path: string, cookie?: string, json?: unknown) =>
  request(server.url, method, path, { ...(cookie ? { cookie } : {}), ...(json !== undefined ? { json } : {}), device: null });

async function login(username: string, password: string): Promise<{ res: HttpReply; cookie: string }> {
  const res = await api('POST', '/api/auth/login', undefined, { username, password });
  const set = res.headers.get('set-cookie') ?? '';
  return { res, cookie: set.split(';')[0] ?? '' };
}

let serial = 0;
/** A new user through the API: the answer with its one-time password. */
async function create(role: Role, cookie = admin): Promise<UserWithPassword> {
  serial += 1;
  const res = await api('POST', '/api/admin/users', cookie, { username: `u${serial}-${role}`, displayName: `Test ${role} ${serial}`, role, languages: ['de'] });
  expect(res.status, res.text).toBe(201);
  return res.body as UserWithPassword;
}

/** A user who has logged in with the one-time password and chosen their own: their session cookie. */
async function ready(role: Role): Promise<{ user: AdminUser; cookie: string; password: string }> {
  const { user, oneTimePassword } = await create(role);
  const { cookie } = await login(user.username, oneTimePassword);
  const password = `${user.username}-chosen-password`;
  const changed = await api('POST', '/api/auth/password', cookie, { currentPassword: oneTimePassword, newPassword: password });
  expect(changed.status, changed.text).toBe(204);
  const me = await api('GET', '/api/auth/me', cookie);
  return { user: { ...user, ...(me.body as SessionUser), version: user.version + 1 }, cookie, password };
}

async function configEvents(recordId: string) {
  const { office } = server.app;
  const events = await office.store.read(office.siteId, (r) => r.events.after(0, 100_000, ['config.changed']));
  return withUserIds(office, events.filter((e) => e.data.recordId === recordId));
}

describe('one-time passwords', () => {
  test('a created user gets a one-time password once, logs in with it and must change it first', async () => {
    const { user, oneTimePassword } = await create('staff');
    expect(user).toMatchObject({ role: 'staff', active: true, mustChangePassword: true, version: 1 });
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    const list = await api('GET', '/api/admin/users', admin);
    expect((list.body as { users: AdminUser[] }).users.find((u) => u.id === user.id)).toEqual(user);
    expect(JSON.stringify(list.body)).not.toContain(oneTimePassword);

    const { res, cookie } = await login(user.username, oneTimePassword);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: user.username, mustChangePassword: true });
    expect((await api('GET', '/api/auth/me', cookie)).body).toMatchObject({ mustChangePassword: true });
    // Everything else is refused on the server until the password is changed.
    expectError(await api('GET', '/api/printers', cookie), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await api('POST', '/api/counters/schalter-2/open', cookie, {}), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await api('GET', '/api/services', cookie), 403, 'PASSWORD_CHANGE_REQUIRED');
    // The staff socket too: refused at the handshake.
    const refused = await connect(server.url, '/counter', { cookie }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(ConnectRefused);
    expect((refused as ConnectRefused).data).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

    const changed = await api('POST', '/api/auth/password', cookie, { currentPassword: oneTimePassword, newPassword: 'a brand new secret' });
    expect(changed.status).toBe(204);
    expect((await api('GET', '/api/auth/me', cookie)).body).toMatchObject({ mustChangePassword: false });
    expect((await api('GET', '/api/printers', cookie)).status).toBe(200);
    const socket = await connect(server.url, '/counter', { cookie });
    expect((await emitAck(socket, 'snapshot')).ok).toBe(true);
    socket.close();
  });

  test('a socket event answers PASSWORD_CHANGE_REQUIRED when the session holds a one-time password', async () => {
    const { user, cookie } = await ready('staff');
    const socket = await connect(server.url, '/counter', { cookie });
    // As if the flag had been set while the socket was open (a reset also ends the sessions).
    const { office } = server.app;
    await office.store.shared(async (p) => {
      const u = await p.user(user.id);
      if (u) await p.putUser({ ...u, mustChangePassword: true });
    });
    const reply = await emitAck(socket, 'counter:open', { counterId: 'schalter-3' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await emitAck(socket, 'snapshot')).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    socket.close();
  });

  test('the seeded accounts need no change (README Quick start)', async () => {
    expect((await api('GET', '/api/auth/me', admin)).body).toMatchObject({ username: 'admin', mustChangePassword: false });
    const staff = await server.login('jschulte');
    expect((await api('GET', '/api/auth/me', staff)).body).toMatchObject({ mustChangePassword: false });
  });
});

describe('own password change', () => {
  test('the rules: at least 12 characters, not the username, the current one right', async () => {
    const { user, cookie, password } = await ready('staff');
    const short = await api('POST', '/api/auth/password', cookie, { currentPassword: password, newPassword: 'elevenchars' });
    expectError(short, 400, 'WEAK_PASSWORD');
    expect(short.body).toMatchObject({ error: { field: 'newPassword' } });
    const named = await api('POST', '/api/auth/password', cookie, { currentPassword: password, newPassword: user.username.toUpperCase() });
    expectError(named, 400, 'WEAK_PASSWORD');
    const wrong = await api('POST', '/api/auth/password', cookie, { currentPassword: 'not the password', newPassword: 'long enough new one' });
    expectError(wrong, 400, 'CURRENT_PASSWORD_WRONG');
    expect(wrong.body).toMatchObject({ error: { field: 'currentPassword' } });
    expectError(await api('POST', '/api/auth/password', undefined, { currentPassword: password, newPassword: 'long enough new one' }), 401, 'UNAUTHENTICATED');
    // Nothing changed: the old password still logs in.
    expect((await login(user.username, password)).res.status).toBe(200);
  });

  test('a change ends the other sessions of the user (and their sockets), keeps this one, and is logged', async () => {
    const { user, cookie, password } = await ready('staff');
    const other = (await login(user.username, password)).cookie;
    const socket = await connect(server.url, '/counter', { cookie: other });
    const gone = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
    const changed = await api('POST', '/api/auth/password', cookie, { currentPassword: password, newPassword: 'the next good password' });
    expect(changed.status).toBe(204);
    await gone;
    expectError(await api('GET', '/api/auth/me', other), 401, 'UNAUTHENTICATED');
    expect((await api('GET', '/api/auth/me', cookie)).status).toBe(200);
    expect((await login(user.username, password)).res.status).toBe(401);
    expect((await login(user.username, 'the next good password')).res.status).toBe(200);
    const logged = await configEvents(user.id);
    expect(logged.at(-1)).toMatchObject({ userId: user.id, data: { record: 'user', action: 'updated', changes: { password: { redacted: true } } } });
    expect(JSON.stringify(logged)).not.toContain('the next good password');
  });

  test('wrong current passwords count against the login limits of the address', async () => {
    const limited = await startTestServer({ loginFailuresPerAddress: 2 });
    try {
      const cookie = await limited.login('jschulte');
      const change = (currentPassword: string) =>
        request(limited.url, 'POST', '/api/auth/password', { cookie, json: { currentPassword, newPassword: 'long enough new one' } });
      expectError(await change('wrong one'), 400, 'CURRENT_PASSWORD_WRONG');
      expectError(await change('wrong two'), 400, 'CURRENT_PASSWORD_WRONG');
      expectError(await change(limited.passwords.jschulte ?? ''), 429, 'TOO_MANY_LOGINS');
      const loginAgain = await request(limited.url, 'POST', '/api/auth/login', { json: { username: 'admin', password: 'admin-test-password' } });
      expectError(loginAgain, 429, 'TOO_MANY_LOGINS');
    } finally {
      await limited.close();
    }
  });
});

describe('/api/admin/users', () => {
  test('USERNAME_TAKEN, whatever the case; bad input names its field', async () => {
    const taken = await api('POST', '/api/admin/users', admin, { username: 'JSchulte', displayName: 'Noch eine', role: 'staff' });
    expectError(taken, 409, 'USERNAME_TAKEN');
    expect(taken.body).toMatchObject({ error: { field: 'username' } });
    const bad = await api('POST', '/api/admin/users', admin, { username: 'ok-name', displayName: 'X', role: 'boss' });
    expectError(bad, 400, 'INVALID_INPUT');
    expect(bad.body).toMatchObject({ error: { field: 'role' } });
  });

  test('PATCH with a stale version is refused and writes nothing; the current one bumps it', async () => {
    const { user } = await create('staff');
    const ok = await api('PATCH', `/api/admin/users/${user.id}`, admin, { version: 1, displayName: 'Neu', languages: ['de', 'tr'], role: 'supervisor' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ displayName: 'Neu', languages: ['de', 'tr'], role: 'supervisor', version: 2 });
    const stale = await api('PATCH', `/api/admin/users/${user.id}`, admin, { version: 1, displayName: 'Verloren' });
    expectError(stale, 409, 'STALE');
    const list = (await api('GET', '/api/admin/users', admin)).body as { users: AdminUser[] };
    expect(list.users.find((u) => u.id === user.id)).toMatchObject({ displayName: 'Neu', version: 2 });
    expectError(await api('PATCH', '/api/admin/users/usr_nobody', admin, { version: 1, active: false }), 404, 'USER_NOT_FOUND');
    expectError(await api('POST', `/api/admin/users/${user.id}/reset-password`, admin, { version: 1 }), 409, 'STALE');

    // The log: created and updated, with the admin, the changed fields, names redacted.
    const logged = await configEvents(user.id);
    const adminId = (await api('GET', '/api/auth/me', admin)).body as SessionUser;
    expect(logged.map((e) => [e.data.action, e.data.version, e.userId])).toEqual([
      ['created', 1, adminId.id],
      ['updated', 2, adminId.id],
    ]);
    expect(logged[0]?.data.changes).toMatchObject({ username: { redacted: true }, displayName: { redacted: true }, role: { before: null, after: 'staff' } });
    expect(logged[1]?.data.changes).toEqual({
      displayName: { redacted: true },
      role: { before: 'staff', after: 'supervisor' },
      languages: { before: ['de'], after: ['de', 'tr'] },
    });
    expect(JSON.stringify(logged)).not.toContain(user.username);
    expect(JSON.stringify(logged)).not.toContain('Neu');
  });

  test('the last active admin can be neither deactivated nor demoted', async () => {
    const users = ((await api('GET', '/api/admin/users', admin)).body as { users: AdminUser[] }).users;
    const me = users.find((u) => u.username === 'admin');
    const others = users.filter((u) => u.role === 'admin' && u.active && u.username !== 'admin');
    // The demo seed has a second admin: demote them first (allowed while another admin is left).
    for (const o of others) expect((await api('PATCH', `/api/admin/users/${o.id}`, admin, { version: o.version, role: 'staff' })).status).toBe(200);
    if (!me) throw new Error('no admin');
    const demote = await api('PATCH', `/api/admin/users/${me.id}`, admin, { version: me.version, role: 'supervisor' });
    expectError(demote, 409, 'LAST_ADMIN');
    expectError(await api('PATCH', `/api/admin/users/${me.id}`, admin, { version: me.version, active: false }), 409, 'LAST_ADMIN');
    expect((await api('GET', '/api/auth/me', admin)).body).toMatchObject({ role: 'admin' });
    // With a second admin again, the first may step down.
    const second = await create('admin');
    const stepDown = await api('PATCH', `/api/admin/users/${me.id}`, admin, { version: me.version, role: 'supervisor' });
    expect(stepDown.status).toBe(200);
    // Restore for the other tests (as the new admin).
    const { cookie } = await login(second.user.username, second.oneTimePassword);
    await api('POST', '/api/auth/password', cookie, { currentPassword: second.oneTimePassword, newPassword: 'second admin password' });
    const back = await api('PATCH', `/api/admin/users/${me.id}`, cookie, { version: me.version + 1, role: 'admin' });
    expect(back.status, back.text).toBe(200);
  });

  test('deactivating a user ends their sessions and their open socket at once', async () => {
    const { user, cookie } = await ready('staff');
    const socket = await connect(server.url, '/counter', { cookie });
    const opened = await emitAck(socket, 'counter:open', { counterId: 'schalter-4' });
    expect(opened.ok).toBe(true);
    const gone = new Promise<number>((resolve) => socket.on('disconnect', () => resolve(Date.now())));
    const sent = Date.now();
    const res = await api('PATCH', `/api/admin/users/${user.id}`, admin, { version: user.version, active: false });
    expect(res.status, res.text).toBe(200);
    expect((await gone) - sent).toBeLessThan(1000);
    expectError(await api('GET', '/api/auth/me', cookie), 401, 'UNAUTHENTICATED');
    expect((await login(user.username, `${user.username}-chosen-password`)).res.status).toBe(401);
    // Their counter closed with them.
    const counters = (await api('GET', '/api/counters')).body as Array<{ id: string; open: boolean }>;
    expect(counters.find((c) => c.id === 'schalter-4')?.open).toBe(false);
  });

  test('reset password: a new one-time password, sessions end; a supervisor resets staff only', async () => {
    const lead = await ready('supervisor');
    const staff = await ready('staff');
    const otherLead = await create('supervisor');
    expectError(await api('POST', `/api/admin/users/${otherLead.user.id}/reset-password`, lead.cookie, { version: 1 }), 403, 'FORBIDDEN');
    const reset = await api('POST', `/api/admin/users/${staff.user.id}/reset-password`, lead.cookie, { version: staff.user.version });
    expect(reset.status, reset.text).toBe(200);
    const { user, oneTimePassword } = reset.body as UserWithPassword;
    expect(user).toMatchObject({ mustChangePassword: true, version: staff.user.version + 1 });
    expectError(await api('GET', '/api/auth/me', staff.cookie), 401, 'UNAUTHENTICATED');
    const again = await login(staff.user.username, oneTimePassword);
    expect(again.res.body).toMatchObject({ mustChangePassword: true });
    // A supervisor reads the users but changes nothing else.
    expect((await api('GET', '/api/admin/users', lead.cookie)).status).toBe(200);
    expectError(await api('PATCH', `/api/admin/users/${staff.user.id}`, lead.cookie, { version: user.version, active: false }), 403, 'FORBIDDEN');
    expectError(await api('POST', '/api/admin/users', lead.cookie, { username: 'by-lead', displayName: 'X', role: 'staff' }), 403, 'FORBIDDEN');
    // An admin resets anyone's.
    expect((await api('POST', `/api/admin/users/${otherLead.user.id}/reset-password`, admin, { version: 1 })).status).toBe(200);
  });
});
