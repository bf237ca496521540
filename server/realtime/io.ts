import type { FastifyInstance } from 'fastify';
import { Server, type Namespace, type Socket } from 'socket.io';
import { AppError } from '../../common/errors.js';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type CounterClientEvents,
  type CounterServerEvents,
  type DisplayClientEvents,
  type DisplayServerEvents,
  type HandshakeAuth,
  type KioskClientEvents,
  type KioskServerEvents,
} from '../../common/protocol.js';
import type { Office } from '../app/office.js';
import type { QueueView } from '../app/views.js';
import { resolveSession, SESSION_COOKIE } from '../app/sessions.js';
import { answer } from './ack.js';
import { Broadcaster } from './broadcaster.js';
import { registerCounterCommands } from './counter-commands.js';
import { registerCounterExtras } from './counter-extras.js';
import { Sequencer } from './sequencer.js';
import { registerVisitorNamespace } from './visitor.js';
import { counterSnapshot, displaySnapshot, kioskSnapshot } from './views.js';

export interface CounterSocketData {
  /** Re-resolved on every command, so a logout takes effect on open sockets at once. */
  sessionToken: string;
}

export interface Realtime {
  io: Server;
  close(): Promise<void>;
}

function protocolGuard(socket: Socket, next: (err?: Error) => void): void {
  const auth = socket.handshake.auth as HandshakeAuth | undefined;
  if (auth?.protocol !== undefined && auth.protocol !== PROTOCOL_VERSION) {
    const err = new Error('PROTOCOL_MISMATCH') as Error & { data: unknown };
    err.data = { code: 'PROTOCOL_MISMATCH', message: `Server speaks protocol ${PROTOCOL_VERSION}; reload the app.` };
    return next(err);
  }
  next();
}

/** Attaches socket.io to Fastify's HTTP server: /display and /kiosk are public, /counter needs a staff session. */
export function attachRealtime(app: FastifyInstance, office: Office): Realtime {
  const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const seq = { display: new Sequencer(), kiosk: new Sequencer(), counter: new Sequencer() };

  const display: Namespace<DisplayClientEvents, DisplayServerEvents> = io.of(NAMESPACES.display);
  const kiosk: Namespace<KioskClientEvents, KioskServerEvents> = io.of(NAMESPACES.kiosk);
  const counter = io.of(NAMESPACES.counter) as unknown as Namespace<
    CounterClientEvents,
    CounterServerEvents,
    Record<string, never>,
    CounterSocketData
  >;
  for (const ns of [display, kiosk, counter] as Namespace[]) ns.use(protocolGuard);

  /** Public namespaces: a snapshot on connect, and again on request (after a gap). */
  const serveSnapshots = <S>(ns: Namespace, event: string, build: (v: QueueView) => S) =>
    ns.on('connection', (socket) => {
      void office.view(build).then((s) => socket.emit(event, s));
      socket.on('snapshot', (ack: unknown) => answer(ack, app.log, async () => ({ snapshot: await office.view(build) })));
    });
  serveSnapshots(display as Namespace, 'display:snapshot', (v) => displaySnapshot(v, seq.display.current()));
  serveSnapshots(kiosk as Namespace, 'kiosk:snapshot', (v) => kioskSnapshot(v, seq.kiosk.current()));

  counter.use((socket, next) => {
    const token = app.parseCookie(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    resolveSession(office, token).then(
      (user) => {
        if (!user || !token) {
          const err = new Error('UNAUTHENTICATED') as Error & { data: unknown };
          err.data = new AppError('UNAUTHENTICATED').toBody();
          return next(err);
        }
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
    void currentUser()
      .then((user) => office.view((v) => counterSnapshot(v, seq.counter.current(), user)))
      .then((s) => socket.emit('counter:snapshot', s), () => undefined);
    socket.on('snapshot', (ack) =>
      answer(ack, app.log, async () => {
        const user = await currentUser();
        return { snapshot: await office.view((v) => counterSnapshot(v, seq.counter.current(), user)) };
      }),
    );
    registerCounterCommands(socket, office, app.log, currentUser);
    registerCounterExtras(socket, office, app.log, currentUser);
  });

  registerVisitorNamespace(io, app, office);

  const broadcaster = new Broadcaster(office, { display, kiosk, counter }, seq, app.log);
  office.events.on('committed', broadcaster.onCommitted);
  office.events.on('sessionEnded', broadcaster.onSessionEnded);

  return {
    io,
    close: async () => {
      office.events.off('committed', broadcaster.onCommitted);
      office.events.off('sessionEnded', broadcaster.onSessionEnded);
      broadcaster.close();
      await io.close();
    },
  };
}
