import { officeDirectory } from '../../app/directory.js';
import type { Api, RouteDeps } from '../api.js';
import { binaryReply, NoContent, replies } from '../replies.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The start page of a fresh install: where each app lives. */
export function landingRoutes(app: Api, { office }: RouteDeps): void {
  // Browsers ask for it on every page; an empty answer keeps logs and consoles free of 404s.
  app.get('/favicon.ico', { schema: { hide: true, response: replies({ 204: NoContent }) }, config: { access: 'public.page' } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').status(204).send(null),
  );

  const page = replies({ 200: binaryReply<string>('text/html', 'The start page') });
  app.get('/', { schema: { hide: true, response: page }, config: { access: 'public.page' } }, async (_request, reply) => {
    const { name, areas } = await officeDirectory(office);
    const displays = areas
      .map((a) => `<li><a href="/display/?area=${encodeURIComponent(a.id)}">Anzeige ${escapeHtml(a.name.de ?? a.id)}</a></li>`)
      .join('');
    const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)}</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57d0}</style>
</head><body>
<h1>${escapeHtml(name)}</h1>
<ul>
<li><a href="/kiosk/">Kiosk (Ticketausgabe / ticket kiosk)</a></li>
<li><a href="/display/">Anzeige, alle Bereiche (waiting-room screen)</a></li>${displays}
<li><a href="/counter/">Sachbearbeitung (counter app for staff)</a></li>
<li><a href="/api/docs">API</a></li>
</ul>
</body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
