import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, test } from 'vitest';
import { registerStatic } from '../server/static.js';

const dir = mkdtempSync(join(tmpdir(), 'amtsqueue-static-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('registerStatic', () => {
  test('serves page index files and assets, leaves other routes alone', async () => {
    for (const page of ['kiosk', 'display', 'counter']) {
      mkdirSync(join(dir, page), { recursive: true });
      writeFileSync(join(dir, page, 'index.html'), `<!doctype html><title>${page}</title>`);
    }
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'kiosk-abc123.js'), 'console.log(1);');

    const app = Fastify({ logger: false });
    app.get('/api/health', () => ({ ok: true }));
    await registerStatic(app, dir);
    await app.ready();
    try {
      for (const page of ['kiosk', 'display', 'counter']) {
        const res = await app.inject({ url: `/${page}/` });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.body).toContain(`<title>${page}</title>`);
      }
      const noSlash = await app.inject({ url: '/kiosk?kiosk=1' });
      if (noSlash.statusCode >= 300 && noSlash.statusCode < 400) {
        expect(noSlash.headers.location).toBe('/kiosk/?kiosk=1');
      } else {
        expect(noSlash.statusCode).toBe(200);
        expect(noSlash.body).toContain('<title>kiosk</title>');
      }
      const asset = await app.inject({ url: '/assets/kiosk-abc123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await app.inject({ url: '/api/health' })).json()).toEqual({ ok: true });
      expect((await app.inject({ url: '/api/nope' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/kiosk/../../etc/passwd' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  test('registers nothing when the build is missing', async () => {
    const app = Fastify({ logger: false });
    await registerStatic(app, join(dir, 'does-not-exist'));
    await app.ready();
    expect((await app.inject({ url: '/kiosk/' })).statusCode).toBe(404);
    await app.close();
  });
});
