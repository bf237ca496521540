import { createServer, type Server, type Socket } from 'node:net';

/**
 * A network printer played by a TCP server on 127.0.0.1 (ephemeral port). It
 * records every connection's bytes and answers ESC/POS status queries
 * (DLE EOT n) like an Epson printer, with the status it is told to report.
 *
 * - `ok`: reads everything, answers at once.
 * - `hang`: accepts connections and never reads a byte (a wedged printer).
 * - `slow`: answers the query after a job only after `jobDelayMs` (a printer
 *   that takes its time to take in a ticket).
 * - `silent`: reads everything, never answers status queries (printers without DLE EOT).
 */
export type CaptureMode = 'ok' | 'hang' | 'slow' | 'silent';

/** Answers to DLE EOT 1, 2 and 4. */
export interface CaptureStatus {
  printer: number;
  offline: number;
  paper: number;
}

export const STATUS_OK: CaptureStatus = { printer: 0x12, offline: 0x12, paper: 0x12 };
export const STATUS_PAPER_OUT: CaptureStatus = { printer: 0x1a, offline: 0x32, paper: 0x72 };
export const STATUS_PAPER_LOW: CaptureStatus = { printer: 0x12, offline: 0x12, paper: 0x1e };

export interface CapturePrinter {
  port: number;
  /** `tcp://127.0.0.1:<port>`, the kiosk's printer setting. */
  address: string;
  mode: CaptureMode;
  status: CaptureStatus;
  jobDelayMs: number;
  /** Bytes of each finished connection, empty connections included. */
  readonly connections: Buffer[];
  /** When each connection was accepted (ms). */
  readonly acceptedAt: number[];
  /** Connections with more than a status query in them. */
  jobs(): Buffer[];
  openConnections(): number;
  /**
   * Most connections open at the same time so far. A `hang` printer never
   * reads, so it never sees a client close either: use `acceptedAt` there.
   */
  maxConcurrent(): number;
  /** Resolves once `n` jobs have arrived. */
  waitForJobs(n: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

/** Bytes of the status query alone (3 × DLE EOT n). */
const QUERY_ONLY = 9;

export async function startCapturePrinter(mode: CaptureMode = 'ok', opts: { status?: CaptureStatus; jobDelayMs?: number } = {}): Promise<CapturePrinter> {
  const connections: Buffer[] = [];
  const acceptedAt: number[] = [];
  const sockets = new Set<Socket>();
  let maxConcurrent = 0;
  const waiters: Array<() => void> = [];

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    acceptedAt.push(Date.now());
    maxConcurrent = Math.max(maxConcurrent, sockets.size);
    let received = Buffer.alloc(0);
    // Next position where a DLE EOT n may start.
    let next = 0;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      connections.push(received);
      for (const w of waiters.splice(0)) w();
    });
    if (printer.mode === 'hang') {
      socket.pause();
      return;
    }
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (; next + 2 < received.length; next++) {
        if (received[next] !== 0x10 || received[next + 1] !== 0x04) continue;
        const n = received[next + 2]!;
        const afterJob = next >= QUERY_ONLY;
        next += 2;
        if (printer.mode === 'silent') continue;
        const answer = n === 1 ? printer.status.printer : n === 2 ? printer.status.offline : n === 4 ? printer.status.paper : 0x12;
        const delay = printer.mode === 'slow' && afterJob ? printer.jobDelayMs : 0;
        setTimeout(() => {
          if (!socket.destroyed) socket.write(Buffer.from([answer]));
        }, delay);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');

  const printer: CapturePrinter = {
    port: address.port,
    address: `tcp://127.0.0.1:${address.port}`,
    mode,
    status: opts.status ?? STATUS_OK,
    jobDelayMs: opts.jobDelayMs ?? 0,
    connections,
    acceptedAt,
    jobs: () => connections.filter((c) => c.length > QUERY_ONLY),
    openConnections: () => sockets.size,
    maxConcurrent: () => maxConcurrent,
    async waitForJobs(n, timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      while (printer.jobs().length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} print jobs, got ${printer.jobs().length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return printer.jobs();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return printer;
}

/** A port on which nothing listens: connecting is refused. */
export async function refusedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `tcp://127.0.0.1:${address.port}`;
}
