import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEndedDays } from '../../server/app/day-close.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** 2026-06-10 10:00 Europe/Berlin */
const MORNING = Date.UTC(2026, 5, 10, 8, 0, 0);

describe('end of the office day', () => {
  let server: TestServer;
  let cookie: string;
  const post = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: body === undefined ? { cookie, origin: server.url } : { cookie, origin: server.url, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer({}, MORNING);
    cookie = await server.login('ayilmaz');
  });
  afterAll(() => server.close());

  it('expires the tickets left open and frees the counter for the next day', async () => {
    expect((await post('/api/counters/schalter-3/open')).status).toBe(200);
    const issued: Array<{ id: string; number: string }> = [];
    for (let i = 0; i < 3; i++) {
      const res = await post('/api/tickets', { serviceId: 'residence', language: 'tr' });
      issued.push((await res.json()) as { id: string; number: string });
    }
    const called = (await (await post('/api/counters/schalter-3/call-next')).json()) as { number: string };
    expect(called.number).toBe(issued[0]?.number);

    expect(await closeEndedDays(server.app.office)).toBe(0);

    server.clock.advance(16 * 60 * 60 * 1000); // 02:00 the next morning; yesterday's session has expired
    cookie = await server.login('ayilmaz');
    expect(await closeEndedDays(server.app.office)).toBe(3);
    expect(await closeEndedDays(server.app.office)).toBe(0);

    const state = await server.app.office.store.read(server.app.office.siteId, async (r) => ({
      tickets: await Promise.all(issued.map(async (t) => (await r.tickets.get(t.id))?.status)),
      counter: await r.catalog.counter('schalter-3'),
      expired: (await r.events.after(0, 1000, ['ticket.expired'])).map((e) => [e.ticketId, e.data.from]),
    }));
    expect(state.tickets).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(state.counter?.currentTicketId).toBeNull();
    expect(state.expired).toEqual([
      [issued[0]?.id, 'called'],
      [issued[1]?.id, 'waiting'],
      [issued[2]?.id, 'waiting'],
    ]);

    const today = await post('/api/tickets', { serviceId: 'residence', language: 'de' });
    expect(((await today.json()) as { number: string }).number).toBe('A001');
    const next = await post('/api/counters/schalter-3/call-next');
    expect(next.status).toBe(200);
    expect((await fetch(`${server.url}/api/tickets/${issued[1]?.id}`)).status).toBe(404);
  });
});
