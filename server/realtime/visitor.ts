import type { FastifyInstance } from 'fastify';
import type { PublicTicket } from '../../common/dto.js';
import { AppError, handshakeRefusal } from '../../common/errors.js';
import { FINAL_STATUSES } from '../../common/model.js';
import { VISITOR_NAMESPACE, type VisitorSnapshot } from '../../common/protocol.js';
import { recordEstimatesShown, shownEstimate } from '../app/estimates.js';
import { followedTicket, followRefusal, unfollowable } from '../app/followed-tickets.js';
import type { Office } from '../app/office.js';
import type { QueueView } from '../app/views.js';
import { EVENT_CATALOG, type LoggedEvent } from '../domain/events.js';
import { isTicketExpired } from '../domain/ticket-expiry.js';
import { answer } from './ack.js';
import { protocolGuard, type RealtimeServer, type VisitorNamespace, type VisitorSocket } from './namespaces.js';
import { Sequencer } from './sequencer.js';

/** How often open sockets are checked for the end of their office day. */
export const VISITOR_EXPIRY_SWEEP_MS = 60_000;
const TOKEN = /^[A-Za-z0-9_.-]{1,64}$/;

/** What was last sent to one ticket's room; seq counts that room's pushes. */
interface Room {
  seq: number;
  last: string | null;
  /** A done, no-show or cancelled ticket never changes again. */
  final: boolean;
  /** The wait the phones were last shown (shownEstimate); a new one is logged. */
  estimate: string | null;
  /** The ticket's service as last shown: a batch that touches it may change this view. */
  service: string;
}

const roomName = (ticketId: string) => `ticket:${ticketId}`;

export interface VisitorStats {
  /** Followed tickets' views worked out again after commits (not counting snapshots). */
  recomputed: number;
  /** Reads of the queue that answered phones' snapshots (several phones share one). */
  snapshotReads: number;
}

/**
 * Which followed tickets' views a committed batch can change (#14): the
 * tickets it names, and every ticket waiting in a service it touched (a
 * ticket's place, and its estimate with the service's durations, depend on
 * its own service only). Any other kind of change (a counter opened or
 * closed changes estimates, and whatever comes later we do not know) may
 * change them all: `null`.
 */
export function touchedServices(events: readonly LoggedEvent[]): Set<string> | null {
  const services = new Set<string>();
  for (const e of events) {
    if (!EVENT_CATALOG[e.type].changesQueue) continue;
    if (!e.type.startsWith('ticket.') || e.serviceId === null) return null;
    services.add(e.serviceId);
    if (e.type === 'ticket.transferred' || e.type === 'ticket.next_service') services.add(e.data.toServiceId);
  }
  return services;
}

/**
 * /visitor: a phone follows its own ticket. Only the ticket's token opens the
 * socket; after every committed batch the public view of each followed ticket
 * the batch can have changed is recomputed in one read and pushed to its room
 * if it changed.
 */
export function registerVisitorNamespace(io: RealtimeServer, app: FastifyInstance, office: Office): VisitorStats {
  const ns: VisitorNamespace = io.of(VISITOR_NAMESPACE);
  const epoch = new Sequencer().epoch;
  const rooms = new Map<string, Room>();
  const stats: VisitorStats = { recomputed: 0, snapshotReads: 0 };
  /** The followed tickets that can still change, by service. */
  const byService = new Map<string, Set<string>>();
  const index = (id: string, room: Room) => {
    let ids = byService.get(room.service);
    if (!ids) byService.set(room.service, (ids = new Set()));
    ids.add(id);
  };
  const unindex = (id: string, room: Room) => {
    const ids = byService.get(room.service);
    ids?.delete(id);
    if (ids?.size === 0) byService.delete(room.service);
  };
  /** Keeps a room's service and finality (and so the index) as the ticket now is. */
  const track = (id: string, room: Room, ticket: PublicTicket) => {
    unindex(id, room);
    room.service = ticket.serviceId;
    room.final = FINAL_STATUSES.includes(ticket.status);
    if (!room.final && rooms.get(id) === room) index(id, room);
  };

  ns.use(protocolGuard);
  ns.use((socket, next) => {
    const ticket: unknown = socket.handshake.auth.ticket;
    const id = typeof ticket === 'string' && TOKEN.test(ticket) ? ticket : null;
    if (!id) return next(handshakeRefusal('TICKET_NOT_FOUND'));
    followRefusal(office, id).then(
      (code) => {
        if (code) return next(handshakeRefusal(code));
        socket.data.ticketId = id;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
  });

  /** The current view with this room's seq, read in one go so the two agree. */
  const snapshotIn = async (v: QueueView, ticketId: string): Promise<VisitorSnapshot> => {
    const ticket = await followedTicket(v, ticketId);
    if (ticket instanceof AppError) throw ticket;
    const room = rooms.get(ticketId) ?? { seq: 0, last: null, final: false, estimate: shownEstimate(ticket), service: ticket.serviceId };
    // A phone that left before its snapshot was read must not leave a room behind.
    if (ns.adapter.rooms.has(roomName(ticketId))) rooms.set(ticketId, room);
    room.last ??= JSON.stringify(ticket);
    track(ticketId, room, ticket);
    return { ticket, seq: room.seq, epoch, timeZone: v.settings.timeZone };
  };

  /**
   * #14: snapshots asked for while a read is under way share the next one, so
   * thousands of phones connecting at once cost a few views of the queue,
   * not one each.
   */
  type Waiter = { resolve(s: VisitorSnapshot): void; reject(err: unknown): void };
  let next: Map<string, Waiter[]> | null = null;
  let reading = false;
  const readBatch = (): void => {
    const batch = next;
    next = null;
    if (!batch) return;
    reading = true;
    stats.snapshotReads += 1;
    office
      .view(async (v) => {
        for (const [id, waiters] of batch) {
          try {
            const s = await snapshotIn(v, id);
            for (const w of waiters) w.resolve(s);
          } catch (err) {
            for (const w of waiters) w.reject(err);
          }
        }
      })
      .catch((err: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
      })
      .finally(() => {
        reading = false;
        readBatch();
      });
  };
  const snapshot = (ticketId: string): Promise<VisitorSnapshot> =>
    new Promise((resolve, reject) => {
      const first = next === null;
      next ??= new Map();
      const waiters = next.get(ticketId);
      if (waiters) waiters.push({ resolve, reject });
      else next.set(ticketId, [{ resolve, reject }]);
      if (first && !reading) setImmediate(readBatch);
    });

  const expire = (socket: VisitorSocket) => {
    socket.emit('ticket:expired', new AppError('TICKET_EXPIRED').toBody());
    socket.disconnect(true);
  };

  ns.on('connection', (socket) => {
    const id = socket.data.ticketId;
    void socket.join(roomName(id));
    snapshot(id).then(
      (s) => socket.emit('visitor:snapshot', s),
      () => expire(socket),
    );
    socket.on('snapshot', (ack) =>
      void answer(ack, app.log, async () => {
        try {
          return { snapshot: await snapshot(id) };
        } catch (err) {
          setImmediate(() => socket.disconnect(true));
          throw err;
        }
      }),
    );
  });

  // Forget a room when its last phone leaves; a phone that comes back starts from a snapshot.
  ns.adapter.on('delete-room', (name: string) => {
    if (!name.startsWith('ticket:')) return;
    const id = name.slice('ticket:'.length);
    const room = rooms.get(id);
    if (room) unindex(id, room);
    rooms.delete(id);
  });

  /** The followed tickets whose view the batch can have changed. */
  const affected = (events: readonly LoggedEvent[]): string[] => {
    const ids = new Set<string>();
    for (const e of events) if (e.ticketId !== null && rooms.has(e.ticketId)) ids.add(e.ticketId);
    const services = touchedServices(events);
    if (services === null) {
      for (const [id, room] of rooms) if (!room.final) ids.add(id);
    } else {
      for (const service of services) for (const id of byService.get(service) ?? []) ids.add(id);
    }
    return [...ids];
  };

  /**
   * #14: the commits of one turn of the event loop make one recompute, asked
   * for after the screens' and staff's push (the broadcaster's listener is
   * registered first and defers the same way), so a call reaches the waiting
   * room before thousands of phones are worked out.
   */
  let pending: LoggedEvent[] = [];
  let flush: NodeJS.Immediate | null = null;
  const onCommitted = (events: LoggedEvent[]): void => {
    // Record-only batches change no view; the estimates logged below are one, so logging never loops.
    if (!events.some((e) => EVENT_CATALOG[e.type].changesQueue)) return;
    pending.push(...events);
    flush ??= setImmediate(() => {
      flush = null;
      const batch = pending;
      pending = [];
      recompute(batch);
    });
  };

  const recompute = (events: LoggedEvent[]): void => {
    const ids = affected(events);
    if (ids.length === 0) return;
    office
      .view(async (v) => {
        const newEstimates: PublicTicket[] = [];
        for (const id of ids) {
          const room = rooms.get(id);
          if (!room) continue;
          stats.recomputed += 1;
          // Today's open tickets are in the view already; others (closed ones) come from the store.
          const open = v.heldTicket(id);
          const ticket = open && !isTicketExpired(open, v.now, v.settings.timeZone) ? v.publicTicket(open) : await followedTicket(v, id);
          if (ticket instanceof AppError) continue;
          const json = JSON.stringify(ticket);
          if (json === room.last) continue;
          room.last = json;
          track(id, room, ticket);
          room.seq += 1;
          ns.to(roomName(id)).emit('ticket:status', { ticket, seq: room.seq, epoch });
          const estimate = shownEstimate(ticket);
          if (estimate !== null && estimate !== room.estimate) newEstimates.push(ticket);
          room.estimate = estimate;
        }
        return newEstimates;
      })
      .then((shown) => recordEstimatesShown(office, shown))
      .catch((err: unknown) => app.log.error({ err }, 'visitor broadcast failed'));
  };
  office.events.on('committed', onCommitted);

  // Tokens end with their office day even when nothing happens in the queue.
  const sweep = setInterval(() => {
    if (rooms.size === 0) return;
    unfollowable(office, [...rooms.keys()])
      .then((gone) => {
        const expired = new Set(gone);
        for (const socket of ns.sockets.values()) if (expired.has(socket.data.ticketId)) expire(socket);
      })
      .catch((err: unknown) => app.log.error({ err }, 'visitor expiry sweep failed'));
  }, VISITOR_EXPIRY_SWEEP_MS);
  sweep.unref();

  app.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    if (flush) clearImmediate(flush);
    office.events.off('committed', onCommitted);
    done();
  });
  return stats;
}
