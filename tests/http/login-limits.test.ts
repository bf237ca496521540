import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * #13 part 3: a login flood with made-up usernames from one client address
 * runs only a bounded number of password checks, and logins from other
 * addresses still succeed. The client is bound to 127.0.0.2 so the server
 * sees another address than the 127.0.0.1 of the real staff member.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Answer {
  status: number;
  code: string | null;
}

/** POST /api/auth/login from a chosen local address (Node's http.request `localAddress`). */
function login(url: string, username: string, password: string, localAddress = '127.0.0.1'): Promise<Answer> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/auth/login`,
      { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const parsed = text ? (JSON.parse(text) as { error?: { code?: string } }) : {};
          resolve({ status: res.statusCode ?? 0, code: parsed.error?.code ?? null });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const madeUp = (i: number) => `nobody-${i}-${Math.random().toString(36).slice(2, 8)}`;

describe('login limits per client address', () => {
  test('40 logins with made-up usernames from one address: 401 until 20 failed, then 429 TOO_MANY_LOGINS; 127.0.0.1 still logs in', { timeout: 120_000 }, async () => {
    server = await startTestServer();
    const answers: Answer[] = [];
    for (let i = 0; i < 40; i++) answers.push(await login(server.url, madeUp(i), 'guess', '127.0.0.2'));
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array<number>(20).fill(401));
    expect(answers.slice(20)).toEqual(Array<Answer>(20).fill({ status: 429, code: 'TOO_MANY_LOGINS' }));
    // The limit is the address's, whatever the username: the right password from there is refused too…
    expect(await login(server.url, 'admin', server.passwords.admin!, '127.0.0.2')).toEqual({ status: 429, code: 'TOO_MANY_LOGINS' });
    // …while another address logs in.
    expect((await login(server.url, 'admin', server.passwords.admin!, '127.0.0.1')).status).toBe(200);
    // The window passes: the address may try again.
    server.clock.advance(10 * 60_000 + 1);
    expect((await login(server.url, 'admin', server.passwords.admin!, '127.0.0.2')).status).toBe(200);
  });

  test('successful logins do not count towards the limit', { timeout: 60_000 }, async () => {
    server = await startTestServer({ loginFailuresPerAddress: 3 });
    for (let i = 0; i < 4; i++) expect((await login(server.url, 'admin', server.passwords.admin!, '127.0.0.2')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login(server.url, madeUp(i), 'guess', '127.0.0.2')).status).toBe(401);
    expect((await login(server.url, madeUp(9), 'guess', '127.0.0.2')).code).toBe('TOO_MANY_LOGINS');
  });

  test('40 parallel logins from one address: at most 2 checks run and 8 wait, the rest get 429 at once; a login from 127.0.0.1 meanwhile succeeds', { timeout: 60_000 }, async () => {
    server = await startTestServer();
    const flood = Array.from({ length: 40 }, (_, i) => login(server!.url, madeUp(i), 'guess', '127.0.0.2'));
    const real = login(server.url, 'admin', server.passwords.admin!, '127.0.0.1');
    const answers = await Promise.all(flood);
    for (const a of answers) expect([401, 429]).toContain(a.status);
    const checked = answers.filter((a) => a.status === 401).length;
    // 2 running + 8 waiting; the real login may have taken one waiting place.
    expect(checked).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === 429).every((a) => a.code === 'TOO_MANY_LOGINS')).toBe(true);
    expect((await real).status).toBe(200);
  });
});
