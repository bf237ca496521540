import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { Arrivals, closeSockets, command, connectMany, connectSocket } from './clients.js';
import { issueTickets } from './server-process.js';
import { progress } from './progress.js';
import { sleep } from './stats.js';

/**
 * Scenario 1's measurement, shared with scenario 4: one "call" is timed from
 * the moment the controller emits until `ticket:called` has arrived at every
 * display socket.
 */
export interface CallTarget {
  call(): Promise<{ ms: number; ackMs?: number }>;
  /** Readies `calls` calls (e.g. issues tickets for them), before a steady sequence starts. */
  prepare?(calls: number): Promise<void>;
  close(): void;
}

/** The counter and service used for the calls: Schalter 1 serves "information" (K) first. */
export const CALL_COUNTER = { id: 'schalter-1', name: 'Schalter 1', area: 'eg' } as const;
export const CALL_SERVICE = 'information';

/**
 * The real path: admin calls the next ticket at Schalter 1 over the /counter
 * socket; the server commits, reads its view and broadcasts. After the
 * measurement the ticket is marked a no-show, so the counter is free again.
 * `tickets` are issued at the start, and before each steady sequence as many
 * as it needs (untimed), so the queue stays short however many calls are
 * made. The displays name `area` in their handshake when it is given.
 */
export async function realCallTarget(
  url: string,
  cookie: string,
  displays: number,
  tickets: number,
  area?: string,
): Promise<CallTarget> {
  let left = 0;
  const refill = async (count: number) => {
    progress(`issuing ${count} tickets`);
    await issueTickets(url, cookie, count, () => ({ serviceId: CALL_SERVICE, language: 'de' }));
    left += count;
  };
  await refill(tickets);
  const staff = await connectSocket(url, '/counter', { cookie });
  const opened = await command(staff, 'counter:open', { counterId: CALL_COUNTER.id });
  if (!opened.reply.ok) throw new Error(`counter:open failed: ${opened.reply.error.code}`);
  progress(`connecting ${displays} displays to the server${area ? ` (area ${area})` : ''}`);
  const screens = await connectMany(url, displays, () => '/display', area ? { authFor: () => ({ area }) } : {});
  progress('connected');
  const arrivals = new Arrivals(displays);
  arrivals.attach(screens);
  return {
    async prepare(calls) {
      if (left < calls) await refill(calls - left);
    },
    async call() {
      if (left === 0) await refill(1);
      left -= 1;
      const t0 = performance.now();
      const { reply, ms: ackMs } = await command(staff, 'counter:call-next', { counterId: CALL_COUNTER.id });
      if (!reply.ok) throw new Error(`counter:call-next failed: ${reply.error.code} ${reply.error.message}`);
      if (!reply.ticket) throw new Error('counter:call-next found nobody waiting: too few tickets issued');
      const last = await arrivals.allReached(reply.ticket.number);
      const freed = await command(staff, 'counter:no-show', { counterId: CALL_COUNTER.id });
      if (!freed.reply.ok) throw new Error(`counter:no-show failed: ${freed.reply.error.code}`);
      return { ms: last - t0, ackMs };
    },
    close() {
      closeSockets([staff, ...screens]);
    },
  };
}

/** The floor: the controller asks the bare socket.io server to broadcast a payload of the same shape and size. */
export async function floorCallTarget(url: string, displays: number): Promise<CallTarget> {
  const control = await connectSocket(url, '/control');
  progress(`connecting ${displays} displays to the floor`);
  const screens = await connectMany(url, displays, () => '/display');
  progress('connected');
  const arrivals = new Arrivals(displays);
  arrivals.attach(screens);
  let seq = 0;
  return {
    async call() {
      seq++;
      const number = `K${String(seq).padStart(3, '0')}`;
      const payload = {
        number,
        counterId: CALL_COUNTER.id,
        counterName: CALL_COUNTER.name,
        area: CALL_COUNTER.area,
        serviceId: CALL_SERVICE,
        language: 'de',
        recall: false,
        at: Date.now(),
        seq,
        epoch: 'AbCdEfGh',
      };
      const t0 = performance.now();
      control.emit('broadcast', payload);
      const last = await arrivals.allReached(number);
      return { ms: last - t0 };
    },
    close() {
      closeSockets([control, ...screens] as Socket[]);
    },
  };
}

/** `count` calls at a steady rate (one every `intervalMs`, or back to back when a call takes longer). */
export async function steadyCalls(
  target: CallTarget,
  count: number,
  intervalMs: number,
): Promise<{ ms: number[]; ackMs: number[] }> {
  const ms: number[] = [];
  const ackMs: number[] = [];
  await target.prepare?.(count);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const r = await target.call();
    ms.push(r.ms);
    if (r.ackMs !== undefined) ackMs.push(r.ackMs);
  }
  return { ms, ackMs };
}

/**
 * Real and floor in alternating blocks, after a warm-up of each, so that
 * load from anything else on the machine falls on both alike.
 */
export async function interleaved(
  real: CallTarget,
  floor: CallTarget,
  calls: number,
  intervalMs: number,
  warmup: number,
  blocks = 4,
): Promise<{ real: number[]; realAck: number[]; floor: number[] }> {
  progress(`warm-up, then ${calls} calls each, 1 per ${intervalMs} ms`);
  await steadyCalls(floor, warmup, intervalMs);
  await steadyCalls(real, warmup, intervalMs);
  const out = { real: [] as number[], realAck: [] as number[], floor: [] as number[] };
  for (let b = 0; b < blocks; b++) {
    const n = Math.floor(calls / blocks) + (b < calls % blocks ? 1 : 0);
    out.floor.push(...(await steadyCalls(floor, n, intervalMs)).ms);
    const r = await steadyCalls(real, n, intervalMs);
    out.real.push(...r.ms);
    out.realAck.push(...r.ackMs);
  }
  progress('calls done');
  return out;
}
