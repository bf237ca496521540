import { createServer, type Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveChannel, type ChannelTiming, type ConnectionState } from '../../common/client/live-channel.js';
import type { WakeSource } from '../../common/client/wake.js';
import { handshakeRefusal, type ErrorCode } from '../../common/errors.js';
import type { DisplayCall, StaffCounter } from '../../common/dto.js';
import type {
  CounterClientEvents,
  CounterServerEvents,
  DisplayClientEvents,
  DisplayServerEvents,
  DisplaySnapshot,
} from '../../common/protocol.js';
import { listen } from './listen.js';

/**
 * The live channel against a real socket.io server that plays the office's
 * /display namespace by script: it numbers pushes, can skip a number, restart
 * with a new epoch, drop sockets, refuse handshakes and ignore requests.
 */
const FAST: Partial<ChannelTiming> = {
  serverDisconnectRetryMs: 20,
  refusedRetryMs: 20,
  resyncRetryMs: 20,
  wakeTimeoutMs: 150,
  outdatedReloadMs: 0,
};

/** Values as they arrive, taken in order: tests wait for the event, never for a clock. */
class Inbox<T> {
  readonly all: T[] = [];
  private cursor = 0;
  private waiter: { test: (v: T) => boolean; resolve: (v: T) => void } | null = null;

  readonly put = (v: T): void => {
    this.all.push(v);
    if (this.waiter) this.take(this.waiter);
  };

  /** The next value not yet taken that passes `test` (any value by default); earlier ones are skipped. */
  next(test: (v: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => {
      this.waiter = { test, resolve };
      this.take(this.waiter);
    });
  }

  private take(w: { test: (v: T) => boolean; resolve: (v: T) => void }): void {
    for (const [i, v] of this.all.entries()) {
      if (i < this.cursor) continue;
      this.cursor = i + 1;
      if (w.test(v)) {
        this.waiter = null;
        return w.resolve(v);
      }
    }
  }
}

function call(number: string): DisplayCall {
  return { number, counterId: 'c1', counterName: 'Schalter 1', area: 'eg', serviceId: 'residence', language: 'de', recall: false, at: 0 };
}

/** The server side: the calls so far, numbered like the office numbers its pushes. */
class Office {
  epoch = 'e1';
  seq = 0;
  calls: DisplayCall[] = [];
  refuse: ErrorCode[] = [];
  answerSnapshots: boolean | ErrorCode = true;
  connections = 0;

  constructor(readonly ns: Namespace<DisplayClientEvents, DisplayServerEvents>) {
    ns.use((_socket, next) => {
      const code = this.refuse.shift();
      next(code ? handshakeRefusal(code) : undefined);
    });
    ns.on('connection', (socket) => {
      this.connections++;
      socket.emit('display:snapshot', this.snapshot());
      socket.on('snapshot', (ack) => {
        if (this.answerSnapshots === true) ack({ ok: true, snapshot: this.snapshot() });
        else if (this.answerSnapshots !== false) ack({ ok: false, error: { code: this.answerSnapshots, message: '' } });
      });
    });
  }

  snapshot(): DisplaySnapshot {
    return { seq: this.seq, epoch: this.epoch, timeZone: 'Europe/Berlin', calls: [...this.calls], counters: [], services: [] };
  }

  /** A call the screens get live. */
  push(number: string): void {
    this.calls.push(call(number));
    this.ns.emit('ticket:called', { ...call(number), seq: ++this.seq, epoch: this.epoch });
  }

  /** A call whose push never reaches the screens. */
  lose(number: string): void {
    this.calls.push(call(number));
    this.seq++;
  }

  restart(): void {
    this.epoch = 'e2';
    this.seq = 0;
  }
}

describe('live channel', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  let office: Office;
  const channels: Array<{ close(): void }> = [];

  beforeEach(async () => {
    http = createServer();
    io = new Server(http);
    office = new Office(io.of('/display'));
    url = await listen(http);
  });

  afterEach(async () => {
    for (const c of channels.splice(0)) c.close();
    await io.close();
  });

  function display(extra: { wake?: WakeSource; final?: readonly ErrorCode[] } = {}) {
    const snapshots = new Inbox<DisplaySnapshot>();
    const calls = new Inbox<string>();
    const states = new Inbox<ConnectionState>();
    const finals = new Inbox<ErrorCode>();
    const outdated = new Inbox<true>();
    const channel = new LiveChannel<DisplayServerEvents, DisplayClientEvents, 'display:snapshot', ErrorCode>({
      url,
      namespace: '/display',
      snapshotEvent: 'display:snapshot',
      onSnapshot: snapshots.put,
      pushes: { 'ticket:called': (e) => calls.put(e.number), 'services:status': () => undefined },
      onState: states.put,
      final: { codes: extra.final ?? [], on: finals.put },
      onOutdated: () => outdated.put(true),
      wake: extra.wake ?? null,
      timing: FAST,
    });
    channels.push(channel);
    return { channel, snapshots, calls, states, finals, outdated };
  }

  it('applies pushes in order and loads a snapshot after a gap', async () => {
    const d = display();
    expect((await d.snapshots.next()).seq).toBe(0);
    office.push('A001');
    expect(await d.calls.next()).toBe('A001');

    office.lose('A002');
    office.push('A003');
    const resynced = await d.snapshots.next();
    expect(resynced.seq).toBe(3);
    expect(resynced.calls.map((c) => c.number)).toEqual(['A001', 'A002', 'A003']);

    office.push('A004');
    expect(await d.calls.next()).toBe('A004');
    expect(d.calls.all).toEqual(['A001', 'A004']);
  });

  it('loads a snapshot when the server starts a new epoch', async () => {
    const d = display();
    await d.snapshots.next();
    office.push('A001');
    await d.calls.next();
    office.restart();
    office.push('B001');
    const fresh = await d.snapshots.next();
    expect([fresh.epoch, fresh.seq]).toEqual(['e2', 1]);
    office.push('B002');
    expect(await d.calls.next()).toBe('B002');
    expect(d.calls.all).toEqual(['A001', 'B002']);
  });

  it('reconnects after the server closed the socket, and starts from a snapshot', async () => {
    const d = display();
    await d.snapshots.next();
    await d.states.next((s) => s === 'online');
    office.ns.disconnectSockets(true);
    await d.states.next((s) => s === 'offline');
    office.lose('A001');
    await d.states.next((s) => s === 'online');
    expect((await d.snapshots.next()).calls.map((c) => c.number)).toEqual(['A001']);
    expect(office.connections).toBe(2);
  });

  it('retries a handshake refused for a passing reason', async () => {
    office.refuse = ['RATE_LIMITED'];
    const d = display({ final: ['TICKET_EXPIRED'] });
    expect((await d.snapshots.next()).seq).toBe(0);
    expect(d.finals.all).toEqual([]);
  });

  it('stops for good on a refusal the app names final', async () => {
    office.refuse = ['TICKET_EXPIRED'];
    const d = display({ final: ['TICKET_EXPIRED'] });
    expect(await d.finals.next()).toBe('TICKET_EXPIRED');
    expect(d.channel.socket.active).toBe(false);
    expect(office.connections).toBe(0);
  });

  it('reports a server that speaks another protocol', async () => {
    office.refuse = ['PROTOCOL_MISMATCH'];
    const d = display();
    expect(await d.outdated.next()).toBe(true);
    expect(d.channel.socket.active).toBe(false);
  });

  it('on waking up, resyncs; a socket that no longer answers is replaced', async () => {
    let wake = () => undefined as void;
    const d = display({ wake: (w) => ((wake = w), () => undefined) });
    await d.snapshots.next();
    office.lose('A001');
    wake();
    expect((await d.snapshots.next()).calls.map((c) => c.number)).toEqual(['A001']);

    office.answerSnapshots = false;
    office.lose('A002');
    wake();
    // The dead-looking socket is dropped and a new connection brings the snapshot.
    expect((await d.snapshots.next()).calls.map((c) => c.number)).toEqual(['A001', 'A002']);
    expect(office.connections).toBe(2);
  });

  it('treats a final code in a snapshot answer like a refused handshake', async () => {
    let wake = () => undefined as void;
    const d = display({ wake: (w) => ((wake = w), () => undefined), final: ['TICKET_EXPIRED'] });
    await d.snapshots.next();
    office.answerSnapshots = 'TICKET_EXPIRED';
    wake();
    expect(await d.finals.next()).toBe('TICKET_EXPIRED');
  });
});

describe('live channel commands', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;

  beforeEach(async () => {
    http = createServer();
    io = new Server(http);
    const counter: StaffCounter = {
      id: 'c1',
      name: 'Schalter 1',
      area: 'eg',
      primaryServiceIds: [],
      secondaryServiceIds: [],
      open: true,
      userId: 'u1',
      currentTicketRef: null,
      userName: null,
    };
    const ns: Namespace<CounterClientEvents, CounterServerEvents> = io.of('/counter');
    ns.on('connection', (socket) => {
      socket.on('counter:call-next', (p, ack) => ack({ ok: true, ticket: null, counter: { ...counter, id: p.counterId } }));
      socket.on('counter:close', (_p, ack) => ack({ ok: false, error: { code: 'COUNTER_BUSY', message: 'busy' } }));
      // counter:recall is never answered.
    });
    url = await listen(http);
  });

  afterEach(async () => {
    await io.close();
  });

  it('types payload and reply by the event name, and answers TIMEOUT when no acknowledgement comes', async () => {
    const channel = new LiveChannel<CounterServerEvents, CounterClientEvents, 'counter:snapshot'>({
      url,
      namespace: '/counter',
      snapshotEvent: 'counter:snapshot',
      onSnapshot: () => undefined,
      pushes: { 'queue:changed': () => undefined, 'alarm:raised': () => undefined, 'alarm:cleared': () => undefined },
      wake: null,
    });
    try {
      const next = await channel.command('counter:call-next', { counterId: 'c9' });
      expect(next.ok && next.counter.id).toBe('c9');
      const refused = await channel.command('counter:close', { counterId: 'c1' });
      expect(refused.ok ? null : refused.error.code).toBe('COUNTER_BUSY');
      const silent = await channel.command('counter:recall', { counterId: 'c1' }, 100);
      expect(silent).toEqual({ ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer.' } });
    } finally {
      channel.close();
    }
  });
});
