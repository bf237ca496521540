import type { ClientAccess } from '../app/client-access.js';
import type { DisplayCall } from '../../common/dto.js';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import { AppError, handshakeRefusal } from '../../common/errors.js';
import { NAMESPACES, VISITOR_NAMESPACE } from '../../common/protocol.js';
import type { Office } from '../app/office.js';
import type { Config } from '../config.js';
import { resolveSession, SESSION_COOKIE } from '../app/sessions.js';
import { officeDirectory } from '../app/directory.js';
import { counterSnapshot, displaySnapshot, kioskSnapshot } from '../app/snapshots.js';
import { answer } from './ack.js';
import { Broadcaster } from './broadcaster.js';
import { capSocketsPerAddress } from './connection-cap.js';
import { displayAreas, DisplayRooms } from './display-rooms.js';
import { registerCounterCommands } from './counter-commands.js';
import { allowedFor, handshakeAccess } from './event-access.js';
import { guardKioskNamespace } from './kiosk-devices.js';
import {
  protocolGuard,
  type CounterNamespace,
  type DisplayNamespace,
  type KioskNamespace,
  type RealtimeServer,
} from './namespaces.js';
import { PushPacer } from './push-pacer.js';
import { Sequencer } from './sequencer.js';
import { singleSequence, SnapshotCache } from './snapshot-cache.js';
import { registerVisitorNamespace } from './visitor.js';
import { registerSupervisorNamespace } from './supervisor.js';

export interface Realtime {
  io: RealtimeServer;
  /** How many snapshots of the public namespaces were built (the rest came from the cache). */
  snapshotBuilds(): { display: number; kiosk: number };
  /** #14: followed tickets' views the /visitor namespace worked out again after commits. */
  visitorViewsRecomputed(): number;
  /** #14: reads of the queue that answered /visitor snapshots. */
  visitorSnapshotReads(): number;
  /** #14: sockets the public namespaces' large pushes reached slice by slice (push-pacer.ts). */
  socketsWrittenInSlices(): number;
  /** Open sockets per client address on the anonymous namespaces. */
  anonymousSockets: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/**
 * #14 target 7: engine.io keeps the HTTP request that opened each connection
 * for as long as it lives (its socket, parser and raw headers included), and
 * socket.io reads only its headers, url, query and whether it was encrypted
 * when a namespace's socket is created (`socket.handshake`; the socket.io
 * docs suggest dropping it altogether, which loses the headers of a second
 * namespace on the same connection). Ten thousand phones then hold just that.
 */
function keepLessOfTheRequest(conn: { request: object }): void {
  const req = conn.request as IncomingMessage & { _query?: unknown };
  const kept: Pick<IncomingMessage, 'headers' | 'url'> & { _query?: unknown; connection: { encrypted: boolean } } = {
    headers: req.headers,
    url: req.url,
    _query: req._query,
    connection: { encrypted: 'encrypted' in req.socket && req.socket.encrypted === true },
  };
  // socket.io reads no more than these fields (Socket#buildHandshake); our handlers read `headers`.
  conn.request = kept;
}

/** Attaches socket.io to Fastify's HTTP server: /display is public, /kiosk needs a paired kiosk, /counter a staff session. */
export function attachRealtime(
  app: FastifyInstance,
  office: Office,
  limits: Pick<Config, 'anonSocketsPerAddress'> & { access: Pick<ClientAccess, 'clientAddress'> },
  guardHandshakes: (io: RealtimeServer) => void = () => undefined,
): Realtime {
  const io: RealtimeServer = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  guardHandshakes(io); // #13: origins and staff networks, before any namespace exists
  io.engine.on('connection', keepLessOfTheRequest);
  const seq = { kiosk: new Sequencer(), counter: new Sequencer() };

  const display: DisplayNamespace = io.of(NAMESPACES.display);
  const kiosk: KioskNamespace = io.of(NAMESPACES.kiosk);
  const counter: CounterNamespace = io.of(NAMESPACES.counter);
  display.use(protocolGuard);
  kiosk.use(protocolGuard);
  counter.use(protocolGuard);
  const unguardKiosk = guardKioskNamespace(kiosk, office);
  const pacer = new PushPacer();
  const displays = new DisplayRooms(display, pacer);
  const broadcaster = new Broadcaster(office, { display: displays, kiosk, counter, pacer }, seq, app.log);

  /** Numbered with the sequence as it was before the read, so a snapshot holds at least what its seq says. */
  const sequenced =
    <S>(sequencer: Sequencer, read: () => Promise<S>) =>
    async () => ({ ...sequencer.current(), ...(await read()) });
  const logFailure = (err: unknown) => app.log.error({ err }, 'snapshot failed');

  // Public namespaces: a snapshot on connect, and again on request (after a gap), built once per change.
  // #14: a screen names the areas it shows (`auth.area`) and joins their room; calls of other areas never reach it.
  // The office's areas, read at most once a second however many screens connect at once.
  let areas: { at: number; ids: Promise<Set<string>> } | null = null;
  const knownAreas = () => {
    if (!areas || Date.now() - areas.at >= 1000) {
      const ids = officeDirectory(office).then((d) => new Set(d.areas.map((a) => a.id)));
      ids.catch(() => (areas = null));
      areas = { at: Date.now(), ids };
    }
    return areas.ids;
  };
  display.use((socket, next) => {
    const requested: unknown = socket.handshake.auth.area;
    // Most screens name no area: nothing to look up.
    (requested === undefined ? Promise.resolve(new Set<string>()) : knownAreas()).then(
      (known) => {
        socket.data.areas = displayAreas(requested, known);
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
  });
  const displayState = new SnapshotCache(displays, () => displaySnapshot(office));
  display.on('connection', (socket) => {
    const room = displays.room(socket.data.areas);
    displays.join(socket, room);
    const areas = room.areas;
    const inRoom = areas === null ? null : (c: DisplayCall) => areas.includes(c.area);
    const get = displayState.forSocket(room.seq);
    // A screen's history holds the calls of its own areas only.
    const state = () => get().then((s) => (inRoom ? { ...s, calls: s.calls.filter(inRoom) } : s));
    state().then((s) => socket.emit('display:snapshot', s), logFailure);
    socket.on('snapshot', (ack) => void answer(ack, app.log, async () => ({ snapshot: await state() })));
  });
  const kioskState = new SnapshotCache(singleSequence(seq.kiosk), () => kioskSnapshot(office));
  kiosk.on('connection', (socket) => {
    const state = kioskState.forSocket(seq.kiosk);
    state().then((s) => socket.emit('kiosk:snapshot', s), logFailure);
    socket.on('snapshot', (ack) => void answer(ack, app.log, async () => ({ snapshot: await state() })));
  });

  counter.use((socket, next) => {
    const token = app.parseCookie(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    resolveSession(office, token).then(
      (user) => {
        if (!user || !token) return next(handshakeRefusal('UNAUTHENTICATED'));
        // #15: the role table, and a one-time password must be changed first.
        const refused = handshakeAccess(user, NAMESPACES.counter);
        if (refused) return next(refused);
        socket.data.sessionToken = token;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
  });
  counter.on('connection', (socket) => {
    const currentUser = async () => {
      const user = await resolveSession(office, socket.data.sessionToken);
      if (!user) {
        setImmediate(() => socket.disconnect(true));
        throw new AppError('UNAUTHENTICATED');
      }
      return user;
    };
    const state = async () => {
      const user = allowedFor(await currentUser(), 'snapshot');
      return sequenced(seq.counter, () => counterSnapshot(office, user, broadcaster.pushedCallOrder()))();
    };
    // A session that ended meanwhile gets no snapshot: currentUser drops the socket.
    state().then((s) => socket.emit('counter:snapshot', s), () => undefined);
    socket.on('snapshot', (ack) => void answer(ack, app.log, async () => ({ snapshot: await state() })));
    registerCounterCommands(socket, office, app.log, currentUser);
  });

  // The broadcaster listens first: its push (screens, staff) is read before the phones' (visitor.ts).
  office.events.on('committed', broadcaster.onCommitted);
  const visitors = registerVisitorNamespace(io, app, office);
  // #16: the live floor for team leads, pushed after the screens' and staff's pushes are under way.
  const supervisors = registerSupervisorNamespace(io, app, office);
  const anonymousSockets = capSocketsPerAddress([display, kiosk, io.of(VISITOR_NAMESPACE)], limits.anonSocketsPerAddress, limits.access);

  office.events.on('committed', displayState.changed);
  office.events.on('committed', kioskState.changed);
  office.events.on('sessionEnded', broadcaster.onSessionEnded);

  return {
    io,
    snapshotBuilds: () => ({ display: displayState.builds, kiosk: kioskState.builds }),
    visitorViewsRecomputed: () => visitors.recomputed,
    visitorSnapshotReads: () => visitors.snapshotReads,
    socketsWrittenInSlices: () => pacer.sliced,
    anonymousSockets,
    close: async () => {
      unguardKiosk();
      office.events.off('committed', broadcaster.onCommitted);
      office.events.off('committed', displayState.changed);
      office.events.off('committed', kioskState.changed);
      office.events.off('sessionEnded', broadcaster.onSessionEnded);
      broadcaster.close();
      supervisors.close();
      pacer.close();
      await io.close();
    },
  };
}
