import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { NAMESPACES } from '../common/protocol.js';

/**
 * The floor of scenarios 1 and 4, run as its own process (forked by the bench):
 * a bare socket.io server with the real server's options and namespaces and
 * nothing else. A controller socket on /control sends `broadcast` with a
 * `ticket:called` payload; the server relays it to every /display socket. That
 * is the real path from `counter:call-next` to the displays without the
 * session check, the SQLite transaction and the read model.
 */
const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
const display = io.of(NAMESPACES.display);
io.of(NAMESPACES.kiosk);
io.of('/control').on('connection', (socket) => {
  socket.on('broadcast', (payload: unknown) => {
    display.emit('ticket:called', payload);
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ port });
});

// The bench holds the IPC channel; when it goes away, so does the floor.
process.on('disconnect', () => process.exit(0));
