import { setTimeout as realDelay } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  PRINT_AGENT_NAMESPACE,
  PRINT_AGENT_PROTOCOL,
  type AgentClientEvents,
  type AgentJob,
  type AgentServerEvents,
} from '../../server/print/agent-protocol.js';
import { PrintError } from '../../server/print/print-error.js';
import { PrintQueue } from '../../server/print/print-queue.js';
import { JOB_TIMEOUT_MS, MAX_QUEUED_JOBS, PRINT_WAIT_MS } from '../../server/print/timing.js';
import { startTestServer } from '../helpers/test-server.js';
import { api, issueAtKiosk, KIOSK, setKioskSettings, WEDNESDAY_9, type Reply } from './support.js';

/**
 * The time bounds of printing, on a fake clock: each job's deadline is checked
 * to the millisecond without waiting for it, and a busy machine cannot make
 * these tests fail or pass.
 */

const reasonOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof PrintError ? e.reason : String(e)));
const never = () => new Promise<never>(() => undefined);

/** A promise's outcome and the (fake) time it settled at, readable while it is still open. */
function watch<T>(p: Promise<T>) {
  const w: { settled: boolean; at: number | null; reason: string | null } = { settled: false, at: null, reason: null };
  const done = reasonOf(p).then((reason) => Object.assign(w, { settled: true, at: Date.now(), reason }));
  return Object.assign(w, { done });
}

describe('print queue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('one job at a time, in order', async () => {
    const q = new PrintQueue(3);
    const order: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      order.push(name);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return name;
    };
    const all = Promise.all([q.run(1000, job('a')), q.run(1000, job('b')), q.run(1000, job('c'))]);
    await vi.advanceTimersByTimeAsync(60);
    expect(await all).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(q.pending).toBe(0);
  });

  test('a job that ignores its signal ends exactly at its deadline, and the next one runs', async () => {
    const q = new PrintQueue(3);
    const stuck = watch(q.run(150, never));
    const next = watch(q.run(1000, () => Promise.resolve('next')));
    await vi.advanceTimersByTimeAsync(149);
    expect(stuck.settled).toBe(false);
    expect(next.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(stuck).toMatchObject({ settled: true, reason: 'timeout', at: 150 });
    expect(next).toMatchObject({ settled: true, reason: 'ok', at: 150 });
  });

  test('the deadline counts from queueing: a job that waited too long never runs', async () => {
    const q = new PrintQueue(3);
    let ran = false;
    const first = watch(q.run(200, never));
    const second = watch(
      q.run(100, () => {
        ran = true;
        return Promise.resolve();
      }),
    );
    await vi.advanceTimersByTimeAsync(200);
    expect(first).toMatchObject({ reason: 'timeout', at: 200 });
    expect(second).toMatchObject({ reason: 'timeout', at: 200 });
    expect(ran).toBe(false);
  });

  test('more than maxWaiting behind the running job are refused as busy at once', async () => {
    const q = new PrintQueue(2);
    const results = [q.run(200, never), q.run(200, never), q.run(200, never), q.run(200, never)].map(watch);
    expect(q.pending).toBe(3);
    expect(await results[3]?.done).toMatchObject({ reason: 'busy', at: 0 });
    await vi.advanceTimersByTimeAsync(200);
    expect(results.slice(0, 3).map((r) => [r.reason, r.at])).toEqual([
      ['timeout', 200],
      ['timeout', 200],
      ['timeout', 200],
    ]);
    expect(q.pending).toBe(0);
  });

  test('close aborts the running job and refuses new ones', async () => {
    const q = new PrintQueue(2);
    let started = false;
    const running = watch(
      q.run(10_000, (signal) => {
        started = true;
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new PrintError('timeout', 'aborted'))));
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(true);
    q.close();
    expect(await running.done).toMatchObject({ reason: 'timeout', at: 0 });
    expect(await reasonOf(q.run(1000, () => Promise.resolve('x')))).toBe('shutting_down');
  });

  const printers: Record<string, (signal: AbortSignal) => Promise<unknown>> = {
    'never answers and ignores the abort': never,
    'gives up when aborted': (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    'answers after a minute': () => new Promise((r) => setTimeout(r, 60_000)),
  };
  test.each(Object.entries(printers))(
    'a printer that %s: every job of a full queue ends within JOB_TIMEOUT_MS of being queued, before the kiosk stops waiting',
    async (_name, task) => {
      const q = new PrintQueue(MAX_QUEUED_JOBS);
      const jobs: Array<{ queuedAt: number; job: ReturnType<typeof watch> }> = [];
      for (let i = 0; i <= MAX_QUEUED_JOBS; i++) {
        jobs.push({ queuedAt: Date.now(), job: watch(q.run(JOB_TIMEOUT_MS, task)) });
        await vi.advanceTimersByTimeAsync(400);
      }
      await vi.advanceTimersByTimeAsync(MAX_QUEUED_JOBS * JOB_TIMEOUT_MS);
      for (const { queuedAt, job } of jobs) {
        expect(job.settled).toBe(true);
        expect(job.reason).not.toBe('ok');
        expect((job.at ?? Number.POSITIVE_INFINITY) - queuedAt).toBeLessThanOrEqual(JOB_TIMEOUT_MS);
      }
      // The issuing request waits PRINT_WAIT_MS, so it learns "printed" or "failed" for every server-side job.
      expect(JOB_TIMEOUT_MS).toBeLessThan(PRINT_WAIT_MS);
    },
  );
});

describe('the printing deadline', () => {
  test('a print agent that never answers: the kiosk gets its 201 when PRINT_WAIT_MS has passed, with print "agent"', async () => {
    const server = await startTestServer({}, WEDNESDAY_9);
    let agent: Socket<AgentServerEvents, AgentClientEvents> | undefined;
    try {
      const admin = await server.login('admin');
      const created = await api(server, 'POST', `/api/printers/${KIOSK}/agent-token`, { cookie: admin, json: {} });
      expect(created.status).toBe(201);
      const { token } = created.body as { token: string };
      await setKioskSettings(server, { printer: 'none' });
      const jobs: AgentJob[] = [];
      let jobArrived: () => void = () => undefined;
      const arrived = new Promise<void>((r) => (jobArrived = r));
      agent = io(`${server.url}${PRINT_AGENT_NAMESPACE}`, {
        auth: { protocol: PRINT_AGENT_PROTOCOL, kioskId: KIOSK, token },
        transports: ['websocket'],
      });
      // Takes the job and never acknowledges it.
      agent.on('print:job', (job) => {
        jobs.push(job);
        jobArrived();
      });
      await new Promise<void>((resolve, reject) => {
        agent?.once('connect', resolve);
        agent?.once('connect_error', reject);
      });

      // Only the timers are fake: sockets and SQLite run for real, and nothing here waits on a timer but the deadlines.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let reply: Reply | null = null;
      const answered = issueAtKiosk(server, 'de').then((r) => (reply = r));
      await arrived;
      await vi.advanceTimersByTimeAsync(PRINT_WAIT_MS);
      vi.useRealTimers();
      // Waits in real time for the answer already due; a server still holding the request fails here.
      await Promise.race([answered, realDelay(5_000)]);
      expect(reply).not.toBeNull();
      expect(reply).toMatchObject({ status: 201, body: { print: { status: 'agent' } } });
      expect(jobs).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      agent?.close();
      await server.close();
    }
  });
});
