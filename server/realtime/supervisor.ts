import type { FastifyInstance } from 'fastify';
import { AppError, handshakeRefusal } from '../../common/errors.js';
import {
  SUPERVISOR_NAMESPACE,
  type SupervisorClientEvents,
  type SupervisorServerEvents,
  type SupervisorSnapshot,
} from '../../common/protocol.js';
import { allow } from '../app/access.js';
import type { Office } from '../app/office.js';
import { resolveSession, SESSION_COOKIE } from '../app/sessions.js';
import { floorNow, RefusedToday } from '../app/stats/floor.js';
import { EVENT_CATALOG, type LoggedEvent } from '../domain/events.js';
import { answer } from './ack.js';
import { handshakeAccess } from './event-access.js';
import { protocolGuard, type NoEvents, type RealtimeServer } from './namespaces.js';
import { Sequencer } from './sequencer.js';
import type { Namespace } from 'socket.io';

export interface SupervisorSocketData {
  /** Resolved again before every push and snapshot: a logout or a role taken away ends the socket. */
  sessionToken: string;
}
export type SupervisorNamespace = Namespace<SupervisorClientEvents, SupervisorServerEvents, NoEvents, SupervisorSocketData>;

/** The longest a timer waits for a wait to pass the target: setTimeout takes 2^31-1 ms at most. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Events that change the floor: what screens show (the queue, counters), refusals and alarms. */
export function changesFloor(e: LoggedEvent): boolean {
  return EVENT_CATALOG[e.type].changesQueue || e.type === 'ticket.refused' || e.type === 'counter.alarm_raised' || e.type === 'counter.alarm_acknowledged';
}

export interface SupervisorLive {
  /** Pictures worked out for pushes (snapshots not counted). */
  readonly pushes: number;
  close(): void;
}

/**
 * /supervisor (#16 live supervision): the floor for team leads and admins
 * (`stats.live`), with the staff session's cookie as on /counter. A snapshot on
 * connect and on request; after every committed batch that changes the floor,
 * the whole picture again to every socket, numbered (`Sequencer`), so the
 * browser's live channel recovers after a gap or a reconnect with a snapshot.
 * Nothing is polled: pushes follow commits, and one timer is set for the instant
 * the next wait passes the office's target (the picture's `nextChangeAt`).
 * Pictures are worked out one at a time; commits meanwhile make one more.
 */
export function registerSupervisorNamespace(io: RealtimeServer, app: FastifyInstance, office: Office): SupervisorLive {
  const ns: SupervisorNamespace = io.of(SUPERVISOR_NAMESPACE);
  const seq = new Sequencer();
  const refused = new RefusedToday();
  let pushes = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  /** The instant the last timer was set for: on a clock that stood still (tests) it is not set again. */
  let fired: number | null = null;
  let closed = false;

  ns.use(protocolGuard);
  ns.use((socket, next) => {
    const token = app.parseCookie(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    resolveSession(office, token).then(
      (user) => {
        if (!user || !token) return next(handshakeRefusal('UNAUTHENTICATED'));
        // The role table (stats.live: admin, supervisor), and a one-time password must be changed first.
        const refusedHere = handshakeAccess(user, SUPERVISOR_NAMESPACE);
        if (refusedHere) return next(refusedHere);
        socket.data.sessionToken = token;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
  });

  /** Throws (and drops the socket) when its session no longer opens the live view. */
  const stillAllowed = async (token: string, drop: () => void): Promise<void> => {
    try {
      const user = await resolveSession(office, token);
      if (!user) throw new AppError('UNAUTHENTICATED');
      allow(user, 'stats.live');
    } catch (err) {
      setImmediate(drop);
      throw err;
    }
  };

  const schedule = (nextChangeAt: number | null) => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (nextChangeAt === null || nextChangeAt === fired || closed || ns.sockets.size === 0) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, nextChangeAt - office.now()));
    timer = setTimeout(() => {
      timer = null;
      fired = nextChangeAt;
      request();
    }, delay).unref();
  };

  const snapshot = async (): Promise<SupervisorSnapshot> => {
    const numbered = seq.current();
    const { timeZone, floor } = await floorNow(office, refused);
    if (ns.sockets.size > 0 && !timer) schedule(floor.nextChangeAt);
    return { ...numbered, timeZone, floor };
  };

  const push = async () => {
    // Sockets whose session ended or whose role no longer allows it see nothing more.
    const sockets = [...ns.sockets.values()];
    await Promise.all(sockets.map((s) => stillAllowed(s.data.sessionToken, () => s.disconnect(true)).catch(() => undefined)));
    if (ns.sockets.size === 0) return schedule(null);
    const { floor } = await floorNow(office, refused);
    pushes += 1;
    ns.emit('floor:changed', { floor, ...seq.next() });
    schedule(floor.nextChangeAt);
  };

  /** One picture at a time; a request while one is being worked out makes one more after it. */
  function request(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = push()
      .catch((err: unknown) => app.log.error({ err }, 'supervisor push failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          request();
        }
      });
  }

  const onCommitted = (events: LoggedEvent[]) => {
    if (ns.sockets.size > 0 && events.some(changesFloor)) request();
  };
  const onSessionEnded = (token: string) => {
    for (const s of ns.sockets.values()) if (s.data.sessionToken === token) s.disconnect(true);
  };
  office.events.on('committed', onCommitted);
  office.events.on('sessionEnded', onSessionEnded);

  ns.on('connection', (socket) => {
    const state = async () => {
      await stillAllowed(socket.data.sessionToken, () => socket.disconnect(true));
      return snapshot();
    };
    state().then(
      (s) => socket.emit('supervisor:snapshot', s),
      () => undefined,
    );
    socket.on('snapshot', (ack) => void answer(ack, app.log, async () => ({ snapshot: await state() })));
  });

  return {
    get pushes() {
      return pushes;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      office.events.off('committed', onCommitted);
      office.events.off('sessionEnded', onSessionEnded);
    },
  };
}
