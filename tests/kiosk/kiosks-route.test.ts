import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** GET /api/kiosks(/:id): what the kiosk page learns about itself at start-up, and nothing more. */
describe('kiosk set-up over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ printer: 'tcp://10.0.0.99:9100' });
  });
  afterAll(() => server?.close());

  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('lists the kiosks with id, name and area only: no printer address', async () => {
    const res = await get('/api/kiosks');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: 'kiosk-eingang', name: 'Kiosk Eingang', area: 'eg' }]);
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.99');
  });

  it('answers one kiosk by id', async () => {
    expect(await get('/api/kiosks/kiosk-eingang')).toEqual({
      status: 200,
      body: { id: 'kiosk-eingang', name: 'Kiosk Eingang', area: 'eg' },
    });
  });

  it('404 NOT_FOUND for an unknown id and for a device that is a screen, not a kiosk', async () => {
    for (const id of ['no-such-kiosk', 'anzeige-eg']) {
      const res = await get(`/api/kiosks/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('400 for an id that cannot be a device id', async () => {
    const res = await get('/api/kiosks/bad%20id!');
    expect(res.status).toBe(400);
  });
});
