import { performance } from 'node:perf_hooks';
import { connectMany } from './clients.js';

/** One kind of idle socket: its namespace and handshake fields (a display's area, a phone's ticket). */
export interface IdleKind {
  ns: string;
  auth?: Record<string, string>;
  /** A socket counts once this event (its first snapshot) has come. */
  ready?: string;
}

/**
 * Scenario 4's and 7's idle clients, in a process of their own (forked by the
 * bench): thousands of sockets that each decode every push they get would
 * otherwise sit in the same event loop that times the calls. One IPC message
 * {url, count, budgetMs, kinds?} → {connected, seconds}: socket i is of
 * kinds[i % kinds.length] (default: /display and /kiosk by turns); the bench
 * ends the process to drop them all at once.
 */
const DEFAULT_KINDS: IdleKind[] = [{ ns: '/display' }, { ns: '/kiosk' }];

process.once('message', (m: { url: string; count: number; budgetMs: number; kinds?: IdleKind[] }) => {
  const t0 = performance.now();
  const kinds = m.kinds && m.kinds.length > 0 ? m.kinds : DEFAULT_KINDS;
  const kind = (i: number) => kinds[i % kinds.length] as IdleKind;
  const ready = kinds.every((k) => k.ready === kinds[0]?.ready) ? kinds[0]?.ready : undefined;
  connectMany(m.url, m.count, (i) => kind(i).ns, { deadline: t0 + m.budgetMs, authFor: (i) => kind(i).auth ?? {}, ...(ready ? { ready } : {}) }).then(
    (sockets) => process.send?.({ connected: sockets.length, seconds: (performance.now() - t0) / 1000 }),
    (err: unknown) => process.send?.({ error: err instanceof Error ? err.message : String(err) }),
  );
});

// The bench holds the IPC channel; when it goes away, so do the sockets.
process.on('disconnect', () => process.exit(0));
