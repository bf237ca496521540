import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../../common/client/http.js';
import { listen } from './listen.js';

/** The apps' one HTTP helper against a real HTTP server that answers like ours, like a proxy, or not at all. */
describe('http helper', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          const echo: unknown = JSON.parse(body || 'null');
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo }));
        });
      } else if (req.url === '/refused') {
        res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'SERVICE_CLOSED', message: 'closed' } }));
      } else if (req.url === '/proxy') {
        res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' }).end('<h1>502</h1>');
      } else if (req.url === '/empty') {
        res.writeHead(204).end();
      }
      // '/silent' never answers.
    });
    url = await listen(server);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives the answer as a value, the JSON body sent along', async () => {
    expect(await http<{ echo: unknown }>('POST', `${url}/ok`, { body: { a: 1 } })).toEqual({ ok: true, value: { echo: { a: 1 } } });
    expect(await http('DELETE', `${url}/empty`)).toEqual({ ok: true, value: null });
  });

  it('gives our error body as status, code and message', async () => {
    expect(await http('GET', `${url}/refused`)).toEqual({ ok: false, status: 409, code: 'SERVICE_CLOSED', message: 'closed' });
  });

  it('reads an error page without our body as INTERNAL, keeping its status', async () => {
    expect(await http('GET', `${url}/proxy`)).toEqual({ ok: false, status: 502, code: 'INTERNAL', message: '502 Bad Gateway' });
  });

  it('says NETWORK when no answer comes: nobody listening, or not within the timeout', async () => {
    const closed = createServer();
    const gone = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(await http('GET', `${gone}/ok`)).toMatchObject({ ok: false, status: 0, code: 'NETWORK' });
    expect(await http('GET', `${url}/silent`, { timeoutMs: 100 })).toMatchObject({ ok: false, status: 0, code: 'NETWORK' });
  });
});
