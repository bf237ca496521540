import { performance } from 'node:perf_hooks';
import { connectMany } from './clients.js';

/**
 * Scenario 4's idle clients, in a process of their own (forked by the bench):
 * thousands of sockets that each decode every push they get would otherwise
 * sit in the same event loop that times the calls. One IPC message
 * {url, count, budgetMs} → {connected, seconds}; the bench ends the process to
 * drop them all at once.
 */
process.once('message', (m: { url: string; count: number; budgetMs: number }) => {
  const t0 = performance.now();
  connectMany(m.url, m.count, (i) => (i % 2 === 0 ? '/display' : '/kiosk'), { deadline: t0 + m.budgetMs }).then(
    (sockets) => process.send?.({ connected: sockets.length, seconds: (performance.now() - t0) / 1000 }),
    (err: unknown) => process.send?.({ error: err instanceof Error ? err.message : String(err) }),
  );
});

// The bench holds the IPC channel; when it goes away, so do the sockets.
process.on('disconnect', () => process.exit(0));
