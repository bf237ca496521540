import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { testConfig, TEST_KIOSK_TOKEN } from '../../server/config.js';
import { officeTime, SETUP_TIMEOUT_MS, WEDNESDAY } from './support.js';

/**
 * Issue #13, part 4: a ticket's id is the visitor's secret (it opens the phone
 * page and cancels the ticket), and it appeared in the default request log.
 * The log is captured here as the server writes it, line by line.
 */

let app: App;
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
    done();
  },
});

beforeAll(async () => {
  app = await createApp(testConfig({ logLevel: 'info' }), { now: () => officeTime(WEDNESDAY, '09:00'), logStream: sink });
}, SETUP_TIMEOUT_MS);
afterAll(() => app.close());

describe('the request log', () => {
  test('never holds a visitor’s ticket id, for any route that carries one; other URLs stay as they are', async () => {
    const issued = await app.fastify.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: `Device ${TEST_KIOSK_TOKEN}` },
      payload: { serviceId: 'residence', language: 'de' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const id = issued.json<{ id: string }>().id;
    expect(id.length).toBeGreaterThan(10);
    const urls = [
      `/api/tickets/${id}`,
      `/api/tickets/${id}/feedback`,
      `/api/tickets/${id}/receipt.png?width=384`,
      `/t/${id}`,
      `/t/${id}?lang=ar`,
      `//api//tickets/${id}`,
      `/API/Tickets/${id}`,
    ];
    for (const url of urls) await app.fastify.inject({ method: 'GET', url });
    await app.fastify.inject({ method: 'DELETE', url: `/api/tickets/${id}` });
    await app.fastify.inject({ method: 'GET', url: '/api/services?x=1' });

    const logged = lines.map((l) => JSON.parse(l) as { req?: { url?: string } });
    const loggedUrls = logged.flatMap((l) => (l.req?.url ? [l.req.url] : []));
    // Every request was logged (with its URL), and none of them with the id.
    expect(loggedUrls).toEqual(expect.arrayContaining(['/api/tickets/[ticket]', '/t/[ticket]', '/t/[ticket]?lang=ar', '/api/services?x=1']));
    expect(loggedUrls.filter((u) => u.includes('[ticket]'))).toHaveLength(urls.length + 1);
    expect(lines.filter((l) => l.includes(id))).toEqual([]);
  });
});
