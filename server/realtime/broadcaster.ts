import type { FastifyBaseLogger } from 'fastify';
import { EVENT_CATALOG } from '../../common/events.js';
import type { Office } from '../app/office.js';
import { CallOrderCache } from '../app/call-order.js';
import { callPushes, committedPushes, isCall, publicServices } from '../app/pushes.js';
import { liveSessions } from '../app/sessions.js';
import type { LoggedEvent } from '../domain/events.js';
import type { DisplayRooms } from './display-rooms.js';
import type { CounterNamespace, CounterSocket, KioskNamespace } from './namespaces.js';
import type { PushPacer } from './push-pacer.js';
import type { Sequencer } from './sequencer.js';
import { ServicesPush } from './services-push.js';

interface Namespaces {
  /** #14: /display by rooms of areas, each numbered on its own. */
  display: DisplayRooms;
  kiosk: KioskNamespace;
  counter: CounterNamespace;
  /** #14 target 6: the public namespaces' pushes, each room in order, large rooms slice by slice. */
  pacer: PushPacer;
}

/**
 * Screens get the services' state at most this often. A burst of commands
 * then costs one push per socket instead of one per command, which matters
 * with thousands of sockets; the first change after a quiet spell still goes
 * out at once.
 */
export const SERVICES_PUSH_INTERVAL_MS = 250;
/**
 * #14 target 6: kiosks, at most this often. A kiosk shows the waiting counts
 * and estimates before a visitor draws a ticket (the ticket itself comes with
 * its own place); an office may run many of them, and every push reaches all.
 */
export const KIOSK_SERVICES_PUSH_INTERVAL_MS = 1000;
/** Opening hours end and begin without any command: look again this often. */
export const SERVICES_REFRESH_MS = 30_000;
/**
 * Sessions also end by expiry or when a user is deactivated, without a logout.
 * Every push to staff checks its sockets first; this sweep drops idle ones too.
 */
export const SESSION_SWEEP_MS = 60_000;

/**
 * Turns committed events into pushes. It runs only after the store committed,
 * and reads the state it pushes through the application, so a client never
 * sees a change that was rolled back. A batch pushes the queue's state only
 * when one of its events changes what screens show (EVENT_CATALOG), and alarm
 * events go to every staff socket, numbered like the queue's pushes.
 */
export class Broadcaster {
  /** Every open counter's call order as last pushed to staff; null when staff may hold another. */
  private callOrder: Record<string, string[]> | null = null;
  private readonly orders = new CallOrderCache();
  private readonly servicesPushes: ServicesPush[];
  private readonly intervals: NodeJS.Timeout[] = [];
  /** Committed batches not pushed yet: a burst of commands in one turn of the event loop makes one push. */
  private pending: LoggedEvent[] = [];
  private flush: NodeJS.Immediate | null = null;
  /** Pushes go out one after another, in commit order. */
  private pushing: Promise<void> = Promise.resolve();
  /** Calls to the screens, one after another, in commit order. */
  private calling: Promise<void> = Promise.resolve();

  constructor(
    private readonly office: Office,
    private readonly ns: Namespaces,
    private readonly seq: { kiosk: Sequencer; counter: Sequencer },
    private readonly log: FastifyBaseLogger,
  ) {
    const read = () => publicServices(office);
    this.servicesPushes = [
      new ServicesPush(SERVICES_PUSH_INTERVAL_MS, read, (services, sent) => ns.display.services(services, sent), log),
      new ServicesPush(
        KIOSK_SERVICES_PUSH_INTERVAL_MS,
        read,
        (services, sent) => {
          const push = { services, ...seq.kiosk.next() };
          ns.pacer.push('/kiosk', () => ns.kiosk.sockets, (to) => (to ? ns.kiosk.to(to) : ns.kiosk).emit('services:status', push), sent);
        },
        log,
      ),
    ];
    this.intervals.push(
      setInterval(() => this.requestServicesPush(), SERVICES_REFRESH_MS).unref(),
      setInterval(() => void this.sweepSessions().catch((err: unknown) => this.log.error({ err }, 'session sweep failed')), SESSION_SWEEP_MS).unref(),
    );
  }

  /**
   * Every commit of one turn of the event loop goes out in one push, after the
   * commands' acknowledgements: twenty counters finishing at once then cost one
   * worked-out queue state instead of twenty, each in the way of the next command.
   */
  readonly onCommitted = (events: LoggedEvent[]): void => {
    // #15: a changed kiosk or screen reads its record again; unnumbered, so it costs no push of state.
    for (const e of events) {
      if (e.type !== 'config.changed' || e.data.record !== 'device') continue;
      const changed = { id: e.data.recordId, version: e.data.version };
      this.ns.display.deviceChanged(changed);
      this.ns.kiosk.emit('device:changed', changed);
    }
    // #14 target 4: calls go to the screens at once, each commit's on its own (a few tickets read),
    // in commit order, neither waiting for the turn's batch nor for the staff's push before them.
    if (events.some(isCall)) {
      this.calling = this.calling
        .then(() => callPushes(this.office, events))
        .then((calls) => {
          for (const call of calls) this.ns.display.call(call);
        })
        .catch((err: unknown) => this.log.error({ err }, 'call broadcast failed'));
    }
    this.pending.push(...events);
    this.flush ??= setImmediate(() => {
      this.flush = null;
      const batch = this.pending;
      this.pending = [];
      this.pushing = this.pushing
        .then(() => this.push(batch))
        .catch((err: unknown) => this.log.error({ err }, 'broadcast failed'));
    });
  };

  /** A logout ends that session's sockets at once, so they see no more staff data. */
  readonly onSessionEnded = (token: string): void => {
    for (const s of this.ns.counter.sockets.values()) {
      if (s.data.sessionToken === token) s.disconnect(true);
    }
  };

  close(): void {
    for (const i of this.intervals) clearInterval(i);
    if (this.flush) clearImmediate(this.flush);
    for (const p of this.servicesPushes) p.close();
  }

  private async push(events: LoggedEvent[]): Promise<void> {
    const changesQueue = events.some((e) => EVENT_CATALOG[e.type].changesQueue);
    // Nobody on staff to tell: skip the costly part (every open counter's call order).
    const pushes = await committedPushes(this.office, events, { queue: changesQueue && this.ns.counter.sockets.size > 0 }, this.orders);
    // Staff data only reaches sockets whose session is still valid: an expired session or a
    // deactivated user is dropped here, before the push, not at the next sweep.
    if (pushes.queue || pushes.alarms.length > 0) await this.sweepSessions();
    for (const change of pushes.alarms) {
      if ('raised' in change) {
        this.log.warn({ alarmId: change.raised.alarmId, counterId: change.raised.counterId }, 'counter alarm raised');
        this.ns.counter.emit('alarm:raised', { alarm: change.raised, ...this.seq.counter.next() });
      } else {
        this.ns.counter.emit('alarm:cleared', { cleared: change.cleared, ...this.seq.counter.next() });
      }
    }
    if (pushes.queue) {
      const callOrder = changedOrders(this.callOrder, pushes.queue.callOrder);
      this.callOrder = pushes.queue.callOrder;
      this.ns.counter.emit('queue:changed', { ...pushes.queue, callOrder, ...this.seq.counter.next() });
    } else if (changesQueue) {
      // Staff who connect meanwhile start from a fresh snapshot; the next push must not assume theirs.
      this.callOrder = null;
      this.orders.clear();
    }
    if (changesQueue) this.requestServicesPush();
  }

  /**
   * The call order staff screens hold once every push so far has reached them
   * (null: not known). A snapshot carries this one, so that the changes the
   * following pushes carry apply to it.
   */
  pushedCallOrder(): Record<string, string[]> | null {
    return this.callOrder;
  }

  private requestServicesPush(): void {
    for (const p of this.servicesPushes) p.request();
  }

  /** Drops every staff socket whose session ended (logout, expiry, a deactivated user); one lookup per session. */
  private async sweepSessions(): Promise<void> {
    const byToken = new Map<string, CounterSocket[]>();
    for (const s of this.ns.counter.sockets.values()) {
      const list = byToken.get(s.data.sessionToken);
      if (list) list.push(s);
      else byToken.set(s.data.sessionToken, [s]);
    }
    if (byToken.size === 0) return;
    const live = await liveSessions(this.office, [...byToken.keys()]);
    for (const [token, sockets] of byToken) {
      if (live.has(token)) continue;
      for (const s of sockets) s.disconnect(true);
    }
  }
}

/** The counters whose order differs from the one last pushed (all of them when that is not known). */
function changedOrders(before: Record<string, string[]> | null, after: Record<string, string[]>): Record<string, string[]> {
  if (!before) return after;
  const changed: Record<string, string[]> = {};
  for (const [counterId, order] of Object.entries(after)) {
    const previous = before[counterId];
    if (previous === order) continue; // kept as it was between batches
    if (!previous || previous.length !== order.length || previous.some((id, i) => id !== order[i])) changed[counterId] = order;
  }
  return changed;
}
