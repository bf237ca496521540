import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import type { QueueChanged } from '../../common/protocol.js';
import type { Office } from '../app/office.js';
import { resolveSession } from '../auth/sessions.js';
import type { LoggedEvent } from '../domain/events.js';
import type { Sequencer } from './sequencer.js';
import { CALL_EVENTS, displayCall } from './views.js';

interface Namespaces {
  display: Namespace;
  kiosk: Namespace;
  counter: Namespace;
}

/**
 * Turns committed events into pushes. It runs only after the store committed,
 * and reads the state it pushes from the store, so a client never sees a
 * change that was rolled back.
 */
export class Broadcaster {
  constructor(
    private readonly office: Office,
    private readonly ns: Namespaces,
    private readonly seq: { display: Sequencer; kiosk: Sequencer; counter: Sequencer },
    private readonly log: FastifyBaseLogger,
  ) {}

  readonly onCommitted = (events: LoggedEvent[]): void => {
    this.push(events).catch((err: unknown) => this.log.error({ err }, 'broadcast failed'));
  };

  private async push(events: LoggedEvent[]): Promise<void> {
    const ticketIds = [...new Set(events.map((e) => e.ticketId).filter((id): id is string => id !== null))];
    const pushes = await this.office.view((v) => ({
      calls: events
        .filter((e) => (CALL_EVENTS as readonly string[]).includes(e.type))
        .map((e) => displayCall(v, e))
        .filter((c) => c !== null),
      services: v.publicServices(),
      queue: {
        tickets: ticketIds.map((id) => v.r.ticket(id)).filter((t) => t !== null).map((t) => v.staffTicket(t)),
        counters: v.counters.map((c) => v.staffCounter(c)),
        services: v.queueStats(),
      },
    }));
    for (const call of pushes.calls) this.ns.display.emit('ticket:called', { ...call, ...this.seq.display.next() });
    this.ns.display.emit('services:status', { services: pushes.services, ...this.seq.display.next() });
    this.ns.kiosk.emit('services:status', { services: pushes.services, ...this.seq.kiosk.next() });
    const changed: QueueChanged = { ...pushes.queue, ...this.seq.counter.next() };
    // Chained, so staff pushes leave in seq order even though each waits for its session checks.
    this.counterPushes = this.counterPushes
      .then(() => this.pushToStaff(changed))
      .catch((err: unknown) => this.log.error({ err }, 'staff broadcast failed'));
  }

  private counterPushes: Promise<void> = Promise.resolve();

  /**
   * Staff data goes only to sockets whose session is still valid: a socket
   * whose user logged out (or whose session expired) since its handshake is
   * dropped instead of being fed the queue, even if it never sends a command.
   */
  private async pushToStaff(changed: QueueChanged): Promise<void> {
    const sockets = [...this.ns.counter.sockets.values()];
    const now = this.office.now();
    const valid = await Promise.all(
      sockets.map((s) => resolveSession(this.office.store, (s.data as { sessionToken?: string }).sessionToken, now)),
    );
    const stale = sockets.filter((_, i) => valid[i] === null);
    this.ns.counter.except(stale.map((s) => s.id)).emit('queue:changed', changed);
    for (const s of stale) s.disconnect(true);
  }
}
