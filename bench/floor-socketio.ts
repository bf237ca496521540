import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { NAMESPACES, VISITOR_NAMESPACE } from '../common/protocol.js';

/**
 * The floor of scenarios 1, 4 and 7, run as its own process (forked by the
 * bench): a bare socket.io server with the real server's options and
 * namespaces and nothing else. A controller socket on /control sends
 * `broadcast` with a `ticket:called` payload; the server relays it to every
 * /display socket. That is the real path from `counter:call-next` to the
 * displays without the session check, the SQLite transaction and the read
 * model. `phones` {seq} sends each followed ticket's room (a /visitor socket
 * joins `ticket:<auth.ticket>`) its own `ticket:status` of a phone's shape,
 * with the position one less than the time before: the personalised messages
 * of a call, without working anything out.
 */
const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
const display = io.of(NAMESPACES.display);
io.of(NAMESPACES.kiosk);

const visitor = io.of(VISITOR_NAMESPACE);
/** Followed tickets in the order their first phone came, and where each stands. */
const followed = new Map<string, number>();
visitor.on('connection', (socket) => {
  const ticket = String(socket.handshake.auth.ticket);
  void socket.join(`ticket:${ticket}`);
  if (!followed.has(ticket)) followed.set(ticket, followed.size + 1);
});

function phoneView(id: string, position: number) {
  return {
    id,
    number: `K${String(position).padStart(3, '0')}`,
    serviceId: 'information',
    language: 'de',
    status: 'waiting',
    position,
    estimate: { low: position * 2, high: position * 3 },
    issuedAt: 1_780_000_000_000,
    appointmentAt: null,
    calledAt: null,
    counterName: null,
    transferredFrom: null,
    statusUrl: `http://127.0.0.1:3000/t/${id}`,
    expiresAt: 1_780_050_000_000,
  };
}

io.of('/control').on('connection', (socket) => {
  socket.on('broadcast', (payload: unknown) => {
    display.emit('ticket:called', payload);
  });
  socket.on('phones', (m: { seq: number }) => {
    for (const [id, place] of followed) {
      visitor.to(`ticket:${id}`).emit('ticket:status', { ticket: phoneView(id, Math.max(1, place + 100_000 - m.seq)), seq: m.seq, epoch: 'AbCdEfGh' });
    }
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ port });
});

// The bench holds the IPC channel; when it goes away, so does the floor.
process.on('disconnect', () => process.exit(0));
