import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import type { Office } from '../app/office.js';
import { resolveSession } from '../app/sessions.js';
import type { LoggedEvent } from '../domain/events.js';
import type { Sequencer } from './sequencer.js';
import { CALL_EVENTS, displayCall } from '../app/calls.js';

interface Namespaces {
  display: Namespace;
  kiosk: Namespace;
  counter: Namespace;
}

/**
 * Kiosks and screens get the services' state at most this often. A burst of
 * commands then costs one push per socket instead of one per command, which
 * matters with thousands of sockets; the first change after a quiet spell
 * still goes out at once.
 */
export const SERVICES_PUSH_INTERVAL_MS = 250;
/** Opening hours end and begin without any command: look again this often. */
export const SERVICES_REFRESH_MS = 30_000;
/** Sessions also end by expiry, without a logout: check the staff sockets this often. */
export const SESSION_SWEEP_MS = 60_000;

/**
 * Turns committed events into pushes. It runs only after the store committed,
 * and reads the state it pushes from the store, so a client never sees a
 * change that was rolled back.
 */
export class Broadcaster {
  private servicesTimer: NodeJS.Timeout | null = null;
  private lastServicesPushAt = 0;
  private lastServices = '';
  private readonly intervals: NodeJS.Timeout[] = [];

  constructor(
    private readonly office: Office,
    private readonly ns: Namespaces,
    private readonly seq: { display: Sequencer; kiosk: Sequencer; counter: Sequencer },
    private readonly log: FastifyBaseLogger,
  ) {
    this.intervals.push(
      setInterval(() => this.requestServicesPush(), SERVICES_REFRESH_MS).unref(),
      setInterval(() => void this.sweepSessions(), SESSION_SWEEP_MS).unref(),
    );
  }

  readonly onCommitted = (events: LoggedEvent[]): void => {
    this.push(events).catch((err: unknown) => this.log.error({ err }, 'broadcast failed'));
  };

  /** A logout ends that session's sockets at once, so they see no more staff data. */
  readonly onSessionEnded = (token: string): void => {
    for (const s of this.ns.counter.sockets.values()) {
      if ((s.data as { sessionToken?: string }).sessionToken === token) s.disconnect(true);
    }
  };

  close(): void {
    for (const i of this.intervals) clearInterval(i);
    if (this.servicesTimer) clearTimeout(this.servicesTimer);
  }

  private async push(events: LoggedEvent[]): Promise<void> {
    const ticketIds = [...new Set(events.map((e) => e.ticketId).filter((id): id is string => id !== null))];
    const pushes = await this.office.view((v) => ({
      calls: events
        .filter((e) => (CALL_EVENTS as readonly string[]).includes(e.type))
        .map((e) => displayCall(v, e))
        .filter((c) => c !== null),
      queue: {
        tickets: ticketIds.map((id) => v.r.ticket(id)).filter((t) => t !== null).map((t) => v.staffTicket(t)),
        counters: v.counters.map((c) => v.staffCounter(c)),
        services: v.queueStats(),
      },
    }));
    for (const call of pushes.calls) this.ns.display.emit('ticket:called', { ...call, ...this.seq.display.next() });
    this.ns.counter.emit('queue:changed', { ...pushes.queue, ...this.seq.counter.next() });
    this.requestServicesPush();
  }

  private requestServicesPush(): void {
    if (this.servicesTimer) return; // a push is already planned and will read the latest state
    const wait = this.lastServicesPushAt + SERVICES_PUSH_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.pushServices();
      return;
    }
    this.servicesTimer = setTimeout(() => {
      this.servicesTimer = null;
      this.pushServices();
    }, wait);
  }

  private pushServices(): void {
    this.lastServicesPushAt = Date.now();
    this.office
      .view((v) => v.publicServices())
      .then((services) => {
        const json = JSON.stringify(services);
        if (json === this.lastServices) return;
        this.lastServices = json;
        this.ns.display.emit('services:status', { services, ...this.seq.display.next() });
        this.ns.kiosk.emit('services:status', { services, ...this.seq.kiosk.next() });
      })
      .catch((err: unknown) => this.log.error({ err }, 'services broadcast failed'));
  }

  private async sweepSessions(): Promise<void> {
    for (const s of [...this.ns.counter.sockets.values()]) {
      const user = await resolveSession(this.office, (s.data as { sessionToken?: string }).sessionToken);
      if (!user) s.disconnect(true);
    }
  }
}
