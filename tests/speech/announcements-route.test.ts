import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const path = `/api/announcements/${german.number}.wav?lang=tr`;
    const many = await Promise.all(Array.from({ length: 5 }, () => getWav(path)));
    const first = Buffer.from(many[0]?.body ?? []);
    expect(first.length).toBeGreaterThan(44);
    for (const res of many) expect(Buffer.from(res.body).equals(first)).toBe(true);
  });
});
