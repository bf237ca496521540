import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import type { Office } from '../app/office.js';
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
    this.ns.counter.emit('queue:changed', { ...pushes.queue, ...this.seq.counter.next() });
  }
}
