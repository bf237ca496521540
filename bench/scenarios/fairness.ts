import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { VISITOR_LANGUAGES } from '../../common/i18n/languages.js';
import { CALL_COUNTER, CALL_SERVICE } from '../call-probe.js';
import { tempDir } from '../cleanup.js';
import { closeSockets, connectSocket } from '../clients.js';
import type { Plan } from '../plan.js';
import type { ScenarioResult } from '../report.js';
import { login, startServer } from '../server-process.js';
import { percentile, round } from '../stats.js';

/** The flooding client's address; the probes come from 127.0.0.1, like every other client. */
const FLOODER = '127.0.0.2';
/** During a flood the median of the probes may be this many times the idle one, plus the slack below. */
export const FAIRNESS_TARGET_RATIO = 2;
const SLACK_MS = 10;

const PROBES = { services: '/api/services', kioskPage: '/kiosk/' } as const;
type Probe = keyof typeof PROBES;
type Phase = 'idle' | 'snapshots' | 'logins' | 'announcements';

type Spread = {
  samples: number;
  p10Ms: number;
  p50Ms: number;
  p90Ms: number;
  maxMs: number;
};

function spread(samples: readonly number[]): Spread {
  const s = [...samples].sort((a, b) => a - b);
  return {
    samples: s.length,
    p10Ms: round(percentile(s, 10)),
    p50Ms: round(percentile(s, 50)),
    p90Ms: round(percentile(s, 90)),
    maxMs: round(s[s.length - 1] ?? Number.NaN),
  };
}

/** One HTTP request on its own connection (a new visitor's), from `localAddress`; resolves with the status. */
function hit(url: string, path: string, opts: { method?: string; body?: unknown; cookie?: string; localAddress?: string } = {}): Promise<number> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: opts.method ?? 'GET',
        agent: false,
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Probes both targets one after another until `until` (performance.now()), every `intervalMs`. */
async function probe(url: string, until: number, intervalMs: number): Promise<Record<Probe, number[]>> {
  const out: Record<Probe, number[]> = { services: [], kioskPage: [] };
  while (performance.now() < until) {
    for (const key of Object.keys(PROBES) as Probe[]) {
      const t0 = performance.now();
      await hit(url, PROBES[key]);
      out[key].push(performance.now() - t0);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return out;
}

/** Runs `workers` loops of `one` until `until`; counts the answers by status. */
async function flood(until: number, workers: number, one: (i: number) => Promise<number | string>): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  let n = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const status = await one(n++).catch((err: unknown) => (err instanceof Error ? err.message : 'error'));
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return statuses;
}

function ask(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.timeout(10_000).emit('snapshot', (err: Error | null, reply: { ok: boolean } | undefined) => resolve(err ? 'timeout' : reply?.ok ? 'ok' : 'refused'));
  });
}

/**
 * Scenario 6. The latency of GET /api/services and of the kiosk page while
 * one client (127.0.0.2) floods the server: snapshot requests on /display
 * sockets, logins with made-up usernames, announcement WAVs of the recent
 * calls in every language; against the same requests on the idle server
 * (the floor). Each flood runs for a fixed time and stops by itself.
 */
export async function fairness(plan: Plan): Promise<ScenarioResult> {
  const p = plan.fairness;
  const server = await startServer(tempDir('fairness'));
  const sockets: Socket[] = [];
  try {
    const cookie = await login(server.url, 'admin', server.adminPassword);
    // Calls to announce: every visitor language in turn, each ticket called and marked a no-show.
    if ((await hit(server.url, `/api/counters/${CALL_COUNTER.id}/open`, { method: 'POST', body: {}, cookie })) !== 200) {
      throw new Error('opening the counter failed');
    }
    const calls: Array<{ number: string; language: string }> = [];
    for (let i = 0; i < p.calls; i++) {
      const language = VISITOR_LANGUAGES[i % VISITOR_LANGUAGES.length] ?? 'de';
      const res = await fetch(`${server.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ serviceId: CALL_SERVICE, language }),
      });
      if (res.status !== 201) throw new Error(`issuing a ticket failed: ${res.status} ${await res.text()}`);
      const { number } = (await res.json()) as { number: string };
      for (const action of ['call-next', 'no-show']) {
        const status = await hit(server.url, `/api/counters/${CALL_COUNTER.id}/${action}`, { method: 'POST', body: {}, cookie });
        if (status !== 200) throw new Error(`${action} failed: ${status}`);
      }
      calls.push({ number, language });
    }

    const phases: Record<Phase, { probes: Record<Probe, number[]>; flood: Record<string, number> }> = {} as never;
    const during = async (phase: Phase, run: (until: number) => Promise<Record<string, number>>) => {
      const until = performance.now() + p.seconds * 1000;
      const [probes, statuses] = await Promise.all([probe(server.url, until, p.probeIntervalMs), run(until)]);
      phases[phase] = { probes, flood: statuses };
    };

    await during('idle', () => Promise.resolve({}));

    for (let i = 0; i < p.snapshotSockets; i++) sockets.push(await connectSocket(server.url, '/display', { localAddress: FLOODER }));
    await during('snapshots', (until) => flood(until, sockets.length, (i) => ask(sockets[i % sockets.length] as Socket)));
    closeSockets(sockets.splice(0));

    await during('logins', (until) =>
      flood(until, p.loginWorkers, (i) =>
        hit(server.url, '/api/auth/login', { method: 'POST', body: { username: `nobody-${i}`, password: 'guess' }, localAddress: FLOODER }),
      ),
    );

    const wavs = calls.flatMap((c) => VISITOR_LANGUAGES.map((lang) => `/api/announcements/${c.number}.wav?lang=${lang}`));
    await during('announcements', (until) =>
      flood(until, p.announcementWorkers, (i) => hit(server.url, wavs[i % wavs.length] ?? '/', { localAddress: FLOODER })),
    );

    const idle = { services: spread(phases.idle.probes.services), kioskPage: spread(phases.idle.probes.kioskPage) };
    const floods = (['snapshots', 'logins', 'announcements'] as const).map((phase) => ({
      phase,
      services: spread(phases[phase].probes.services),
      kioskPage: spread(phases[phase].probes.kioskPage),
      flood: phases[phase].flood,
    }));
    const worst = (key: Probe) => Math.max(...floods.map((f) => f[key].p50Ms));
    const met = floods.every((f) =>
      (['services', 'kioskPage'] as const).every((key) => f[key].p50Ms <= FAIRNESS_TARGET_RATIO * idle[key].p50Ms + SLACK_MS),
    );
    const line = (s: Spread) => `p50 ${s.p50Ms} ms (p10–p90 ${s.p10Ms}–${s.p90Ms})`;
    return {
      scenario: 6,
      title: 'Latency of other clients during one client’s floods',
      headline: `GET /api/services ${floods.map((f) => `${f.phase}: ${line(f.services)}`).join('; ')}`,
      figures: {
        seconds: p.seconds,
        worstServicesP50Ms: worst('services'),
        worstKioskPageP50Ms: worst('kioskPage'),
        ...Object.fromEntries(
          floods.map((f) => [
            f.phase,
            { services: f.services, kioskPage: f.kioskPage, floodRequests: Object.values(f.flood).reduce((a, b) => a + b, 0) },
          ]),
        ),
      },
      floor: {
        what: 'the same requests, one after another, on the same server while nobody floods it',
        headline: `GET /api/services ${line(idle.services)}; kiosk page ${line(idle.kioskPage)}`,
        figures: { services: idle.services, kioskPage: idle.kioskPage },
      },
      ratio: { value: round(worst('services') / idle.services.p50Ms), what: 'worst median of GET /api/services during a flood ÷ idle median' },
      target: { text: `median ≤ ${FAIRNESS_TARGET_RATIO}× idle + ${SLACK_MS} ms during every flood`, met },
      details: floods.map(
        (f) =>
          `${f.phase}: kiosk page ${line(f.kioskPage)}; flood answers ${Object.entries(f.flood)
            .map(([status, n]) => `${n}× ${status}`)
            .join(', ')}`,
      ),
      notes: [
        `Floods from ${FLOODER}: ${p.snapshotSockets} /display sockets asking for snapshots back to back; ${p.loginWorkers} parallel logins with made-up usernames; ${p.announcementWorkers} parallel WAV requests for the last ${p.calls} calls in all ${VISITOR_LANGUAGES.length} languages.`,
        'Probes: GET /api/services and GET /kiosk/ alternately, each on a new connection, from 127.0.0.1; the kiosk page is 404 when the web build is missing (still a request through the same event loop).',
      ],
    };
  } finally {
    closeSockets(sockets);
    await server.stop();
  }
}
