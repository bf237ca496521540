import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionUserSchema } from '../../common/dto-schemas.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../server/app/sessions.js';
import { anyOf } from '../helpers/matchers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  bodyOf,
  client,
  counterAction,
  expectError,
  expectStatus,
  issueTicket,
  officeTime,
  request,
  restartOnSameFile,
  WEDNESDAY,
  type HttpReply,
} from './support.js';

// Each test logs in as its own user: the login limit counts per user and client.

const login = (server: { url: string }, username: string, password: string) =>
  request(server.url, 'POST', '/api/auth/login', { json: { username, password } });

/** The `name=value` part of the session Set-Cookie, as a browser would send it back. */
function sessionCookie(res: HttpReply): string {
  const header = res.headers.get('set-cookie') ?? '';
  expect(header).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+`));
  return header.split(';')[0] ?? '';
}

function cookieAttributes(res: HttpReply): string[] {
  return (res.headers.get('set-cookie') ?? '').split(';').slice(1).map((a) => a.trim().toLowerCase());
}

describe('staff sessions', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({}, officeTime(WEDNESDAY, '08:00'));
  });
  afterAll(() => server.close());

  const me = (cookie?: string) => client(server, cookie).get('/api/auth/me');

  test('login sets an HttpOnly, SameSite session cookie and answers with the user', async () => {
    const res = await login(server, 'jschulte', server.passwords.jschulte!);
    expectStatus(res, 200);
    expect(res.body).toEqual({
      id: anyOf(String),
      username: 'jschulte',
      displayName: 'Julia Schulte',
      role: 'staff',
      languages: ['de', 'en', 'fr'],
      mustChangePassword: false,
    });
    const attributes = cookieAttributes(res);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    // PUBLIC_URL is plain http here, so the cookie cannot be Secure.
    expect(attributes).not.toContain('secure');

    const whoami = await me(sessionCookie(res));
    expectStatus(whoami, 200);
    expect(whoami.body).toEqual(res.body);
  });

  test('a wrong password and an unknown user get the same 401 INVALID_CREDENTIALS, and no cookie', async () => {
    const wrong = await login(server, 'twerner', 'not-the-password');
    const unknown = await login(server, 'nobody-here', 'whatever');
    for (const res of [wrong, unknown]) {
      expectError(res, 401, 'INVALID_CREDENTIALS');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(unknown.body).toEqual(wrong.body);
  });

  test('/api/auth/me without a session, or with a made-up one, is 401 UNAUTHENTICATED', async () => {
    expectError(await me(), 401, 'UNAUTHENTICATED');
    expectError(await me(`${SESSION_COOKIE}=made-up-token`), 401, 'UNAUTHENTICATED');
  });

  test('the 6th login attempt within a minute for one user and client is 429, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expectError(await login(server, 'mhosseini', `guess-${i}`), 401, 'INVALID_CREDENTIALS');

    const sixth = await login(server, 'mhosseini', server.passwords.mhosseini!);
    expectError(sixth, 429, 'RATE_LIMITED');
    expect(sixth.headers.get('set-cookie')).toBeNull();
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Changing the case of the name is the same user.
    expectError(await login(server, 'MHosseini', server.passwords.mhosseini!), 429, 'RATE_LIMITED');

    // Another user from the same client is not locked out.
    expectStatus(await login(server, 'ipetrova', server.passwords.ipetrova!), 200);
  });

  test('logout ends that session only; the cookie is cleared and staff calls are 401 afterwards', async () => {
    const desk = sessionCookie(await login(server, 'okovalenko', server.passwords.okovalenko!));
    const phone = sessionCookie(await login(server, 'okovalenko', server.passwords.okovalenko!));
    expectStatus(await me(desk), 200);

    const out = await client(server, desk).post('/api/auth/logout');
    expectStatus(out, 200);
    const cleared = out.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(cleared.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);

    expectError(await me(desk), 401, 'UNAUTHENTICATED');
    expectError(await counterAction(client(server, desk), 'schalter-5', 'open'), 401, 'UNAUTHENTICATED');
    expectStatus(await me(phone), 200);
  });

  test('a session ends after its lifetime (server clock)', async () => {
    const saved = server.clock.now;
    try {
      const cookie = sessionCookie(await login(server, 'kmansour', server.passwords.kmansour!));
      server.clock.advance(SESSION_TTL_MS - 60_000);
      expectStatus(await me(cookie), 200);
      server.clock.advance(60_000);
      expectError(await me(cookie), 401, 'UNAUTHENTICATED');
    } finally {
      server.clock.now = saved;
    }
  });
});

describe('session cookie over https', () => {
  test('the cookie is Secure when PUBLIC_URL is https', async () => {
    const server = await startTestServer({ seed: 'none', publicUrl: 'https://warteschlange.example.org' });
    try {
      const res = await login(server, 'admin', server.passwords.admin!);
      expectStatus(res, 200);
      expect(cookieAttributes(res)).toEqual(expect.arrayContaining(['secure', 'httponly']));
    } finally {
      await server.close();
    }
  });
});

describe('server restart', () => {
  test('a session and the queue survive a restart on the same SQLite file', async () => {
    const before = await startTestServer({}, officeTime(WEDNESDAY, '10:00'));
    const cookie = await before.login('ayilmaz');
    const ticket = await issueTicket(client(before), 'residence');

    const after = await restartOnSameFile(before);
    try {
      expect(after.url).not.toBe(before.url);
      expect(after.app.seed.seeded).toBe(false);
      const staff = client(after, cookie);
      const whoami = await staff.get('/api/auth/me');
      expectStatus(whoami, 200);
      expect(bodyOf(SessionUserSchema, whoami).username).toBe('ayilmaz');

      expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
      const called = await counterAction(staff, 'schalter-3', 'call-next');
      expectStatus(called, 200);
      expect(called.body).toMatchObject({ number: ticket.number, status: 'called' });
    } finally {
      await after.close();
    }
  });
});
