import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOUNCEMENT_LOOKBACK_CALLS } from '../../server/app/calls.js';
import { sharedAnnouncer } from '../../server/speech/announcer.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { callTicket, counterAction, drawTicket, serve, type Called } from './calls.js';
import { parseWav, rms } from './wav-reader.js';

/** GET /api/announcements/:number.wav against a real server and the real speech engine. */

let server: TestServer;
let admin: string;
let arabic: Called;
let german: Called;

async function getWav(path: string): Promise<{ status: number; type: string | null; cache: string | null; body: Uint8Array }> {
  const res = await fetch(`${server.url}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    cache: res.headers.get('cache-control'),
    body: new Uint8Array(await res.arrayBuffer()),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  await counterAction(server.url, admin, 'schalter-3', 'open');
  arabic = await drawTicket(server.url, 'residence', 'ar');
  german = await drawTicket(server.url, 'residence', 'de');
  await callTicket(server.url, admin, 'schalter-3', arabic.id);
});

afterAll(async () => {
  await server?.close();
});

describe('announcement WAV endpoint', () => {
  it('speaks German then Arabic for an Arabic visitor: a valid, audible WAV', async () => {
    const de = await getWav(`/api/announcements/${arabic.number}.wav`);
    const both = await getWav(`/api/announcements/${arabic.number}.wav?lang=ar`);
    for (const res of [de, both]) {
      expect(res.status).toBe(200);
      expect(res.type).toBe('audio/wav');
      expect(res.cache).toBe('no-store');
      const wav = parseWav(res.body);
      expect(wav).toMatchObject({ sampleRate: 22_050, channels: 1, bitsPerSample: 16 });
      expect(wav.durationSeconds).toBeGreaterThan(1.5);
      expect(rms(wav.samples)).toBeGreaterThan(300);
    }
    // The Arabic sentence comes on top of the German one.
    expect(parseWav(both.body).durationSeconds).toBeGreaterThan(parseWav(de.body).durationSeconds + 1.5);
  });

  it('answers 404 for a number that was drawn but not called, and for one that does not exist', async () => {
    for (const number of [german.number, 'Z999']) {
      const res = await fetch(`${server.url}/api/announcements/${number}.wav`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TICKET_NOT_FOUND');
    }
  });

  it('speaks only German and the called ticket\'s own language: a third language is refused with 400 LANGUAGE_NOT_ANNOUNCED', async () => {
    for (const lang of ['tr', 'en', 'fa']) {
      const res = await fetch(`${server.url}/api/announcements/${arabic.number}.wav?lang=${lang}`);
      expect(res.status, lang).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('LANGUAGE_NOT_ANNOUNCED');
    }
    for (const lang of ['ar', 'de']) expect((await getWav(`/api/announcements/${arabic.number}.wav?lang=${lang}`)).status, lang).toBe(200);
  });

  it('rejects languages it cannot speak and stray parameters', async () => {
    for (const query of ['lang=xx', 'lang=de-DE', 'foo=1', 'at=yesterday']) {
      const res = await fetch(`${server.url}/api/announcements/${arabic.number}.wav?${query}`);
      expect(res.status, query).toBe(400);
    }
  });

  it('picks the call given by `at` and marks a recall: the recall is longer than the first call', async () => {
    const events = await server.app.office.store.read(server.app.office.siteId, (r) => r.events.latest(['ticket.called'], 5));
    const first = events.find((e) => e.data.number === arabic.number);
    expect(first).toBeDefined();
    server.clock.advance(30_000);
    await counterAction(server.url, admin, 'schalter-3', 'recall');
    const original = await getWav(`/api/announcements/${arabic.number}.wav?at=${first?.at}`);
    const latest = await getWav(`/api/announcements/${arabic.number}.wav`);
    expect(original.status).toBe(200);
    expect(latest.status).toBe(200);
    // "Erneuter Aufruf." comes first in the recall.
    expect(parseWav(latest.body).durationSeconds).toBeGreaterThan(parseWav(original.body).durationSeconds + 0.5);
    const unknownAt = await fetch(`${server.url}/api/announcements/${arabic.number}.wav?at=${(first?.at ?? 0) + 1}`);
    expect(unknownAt.status).toBe(404);
  });

  it('serves every screen the same bytes from the cache, also for concurrent requests', async () => {
    await serve(server.url, admin, 'schalter-3');
    await callTicket(server.url, admin, 'schalter-3', german.id);
    const path = `/api/announcements/${german.number}.wav?lang=de`;
    const many = await Promise.all(Array.from({ length: 5 }, () => getWav(path)));
    const first = Buffer.from(many[0]?.body ?? []);
    expect(first.length).toBeGreaterThan(44);
    for (const res of many) expect(Buffer.from(res.body).equals(first)).toBe(true);
  });
});

describe('announcements are fair to every screen', () => {
  it(`only today's latest ${ANNOUNCEMENT_LOOKBACK_CALLS} calls are spoken`, { timeout: 60_000 }, async () => {
    await serve(server.url, admin, 'schalter-3'); // the German visitor called above
    const ticket = await drawTicket(server.url, 'residence', 'de');
    server.clock.advance(1000);
    await callTicket(server.url, admin, 'schalter-3', ticket.id);
    const events = await server.app.office.store.read(server.app.office.siteId, (r) => r.events.latest(['ticket.called'], 1));
    const at = events[0]?.at;
    expect(events[0]?.data.number).toBe(ticket.number);
    expect((await getWav(`/api/announcements/${ticket.number}.wav?at=${at}`)).status).toBe(200);
    for (let i = 0; i < ANNOUNCEMENT_LOOKBACK_CALLS; i++) {
      server.clock.advance(1000);
      await counterAction(server.url, admin, 'schalter-3', 'recall');
    }
    const res = await fetch(`${server.url}/api/announcements/${ticket.number}.wav?at=${at}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TICKET_NOT_FOUND');
    // The latest call of the same number is still spoken.
    expect((await getWav(`/api/announcements/${ticket.number}.wav`)).status).toBe(200);
    await serve(server.url, admin, 'schalter-3');
  });

  it('one client address gets one synthesis at a time: a screen elsewhere is not queued behind its flood', { timeout: 60_000 }, async () => {
    const languages = ['fr', 'tr', 'ru', 'pl', 'ro', 'uk'];
    const called: Called[] = [];
    await counterAction(server.url, admin, 'schalter-4', 'open');
    for (const lang of ['bg', ...languages]) {
      const t = await drawTicket(server.url, 'residence', lang);
      server.clock.advance(1000);
      await callTicket(server.url, admin, 'schalter-4', t.id);
      await serve(server.url, admin, 'schalter-4');
      called.push(t);
    }
    const announcer = sharedAnnouncer();
    const askedBefore = announcer.asked;
    const finished: string[] = [];
    const flood = called.slice(1).flatMap((t, i) =>
      [`/api/announcements/${t.number}.wav`, `/api/announcements/${t.number}.wav?lang=${languages[i]}`].map((path) =>
        getFrom(path, '127.0.0.2').then((status) => {
          finished.push('flood');
          return status;
        }),
      ),
    );
    // Every request of the flood has reached the server before the screen asks.
    while (announcer.asked - askedBefore < flood.length) await new Promise((resolve) => setImmediate(resolve));
    const doneBefore = finished.length;
    // The screen asks for an older call than the flood's, so only fairness between addresses puts it early.
    const screen = await getFrom(`/api/announcements/${called[0]?.number}.wav?lang=bg`, '127.0.0.1');
    finished.push('screen');
    expect(screen).toBe(200);
    // Only the flood's synthesis under way when the screen asked (and the next, had it started while the screen's
    // request was being read) went before it; the other ten waited in the flood's own lane.
    expect(finished.indexOf('screen') - doneBefore).toBeLessThanOrEqual(2);
    expect(await Promise.all(flood)).toEqual(Array<number>(flood.length).fill(200));
  });
});

/** GET from a chosen local address; resolves with the status once the body has arrived. */
function getFrom(path: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}
