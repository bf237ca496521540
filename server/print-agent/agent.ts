import { io, type Socket } from 'socket.io-client';
import {
  PRINT_AGENT_NAMESPACE,
  PRINT_AGENT_PROTOCOL,
  type AgentClientEvents,
  type AgentJob,
  type AgentJobResult,
  type AgentServerEvents,
} from '../print/agent-protocol.js';
import { sendDevice } from '../print/device-printer.js';
import { PrintError, toPrintError } from '../print/print-error.js';
import type { PrinterAddress } from '../../common/printer-address.js';
import { PrintQueue } from '../print/print-queue.js';
import { probePrinter } from '../print/probe.js';
import { sendTcp, type SendResult } from '../print/tcp-printer.js';
import { AGENT_PROBE_INTERVAL_MS, MAX_QUEUED_JOBS } from '../print/timing.js';

export interface PrintAgentOptions {
  /** The amtsqueue server, e.g. https://amt.example.de */
  server: string;
  kioskId: string;
  token: string;
  printer: Extract<PrinterAddress, { kind: 'tcp' } | { kind: 'device' }>;
  /** Ask a network printer for its status (DLE EOT); off for printers that never answer. */
  statusQuery: boolean;
  log: (line: string) => void;
  /** The server refused this agent (wrong token, unknown kiosk, other protocol): retrying will not help. */
  onRefused: (message: string) => void;
}

export interface PrintAgent {
  socket: Socket<AgentServerEvents, AgentClientEvents>;
  close(): void;
}

/** Longest job the agent accepts from the server, whatever it asks for. */
const MAX_JOB_TIMEOUT_MS = 60_000;

/**
 * The kiosk side: keeps a socket to the server's /print-agent namespace,
 * prints the jobs it receives on the local printer one at a time and
 * answers each with the result, and reports the printer's state on connect
 * and every minute while idle.
 */
export function startPrintAgent(o: PrintAgentOptions): PrintAgent {
  const socket: Socket<AgentServerEvents, AgentClientEvents> = io(`${o.server.replace(/\/+$/, '')}${PRINT_AGENT_NAMESPACE}`, {
    auth: { protocol: PRINT_AGENT_PROTOCOL, kioskId: o.kioskId, token: o.token },
    reconnectionDelayMax: 10_000,
  });
  const queue = new PrintQueue(MAX_QUEUED_JOBS);

  const report = async () => {
    if (queue.pending > 0 || !socket.connected) return;
    const status = await probePrinter(o.printer, o.statusQuery);
    socket.emit('agent:status', status);
  };
  const timer = setInterval(() => void report(), AGENT_PROBE_INTERVAL_MS);

  socket.on('connect', () => {
    o.log(`connected to ${o.server} as kiosk ${o.kioskId}`);
    void report();
  });
  socket.on('disconnect', (why) => o.log(why === 'io client disconnect' ? 'disconnected' : `disconnected (${why}); reconnecting`));
  socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
    const code = err.data?.code;
    if (code === 'UNAUTHENTICATED' || code === 'PROTOCOL_MISMATCH' || code === 'NETWORK_NOT_ALLOWED' || code === 'BAD_ORIGIN') return o.onRefused(`${code}: ${err.data?.message ?? err.message}`);
    o.log(`cannot reach the server: ${err.message}`);
  });

  socket.on('print:job', (job: AgentJob, ack: (result: AgentJobResult) => void) => {
    if (typeof ack !== 'function') return;
    const data = asBuffer(job?.data);
    if (!data || typeof job.timeoutMs !== 'number') return ack({ ok: false, reason: 'printer_error', detail: 'malformed job' });
    const timeoutMs = Math.min(Math.max(0, job.timeoutMs), MAX_JOB_TIMEOUT_MS);
    queue.run(timeoutMs, (signal) => send(o, data, signal)).then(
      (r) => {
        o.log(`printed ${job.number}${r.paperLow ? ' (paper low)' : ''}`);
        ack({ ok: true, paperLow: r.paperLow });
      },
      (err: unknown) => {
        const e = toPrintError(err);
        o.log(`could not print ${job.number}: ${e.reason}: ${e.message}`);
        ack({ ok: false, reason: e.reason, detail: e.message });
      },
    );
  });

  return {
    socket,
    close() {
      clearInterval(timer);
      queue.close();
      socket.close();
    },
  };
}

/** Binary arrives as a Buffer over websocket and as an ArrayBuffer over long-polling. */
function asBuffer(data: unknown): Buffer | null {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

function send(o: PrintAgentOptions, job: Buffer, signal: AbortSignal): Promise<SendResult> {
  if (o.printer.kind === 'tcp') return sendTcp(o.printer.host, o.printer.port, job, { statusQuery: o.statusQuery, signal });
  if (o.printer.kind === 'device') return sendDevice(o.printer.path, job, signal);
  return Promise.reject(new PrintError('bad_setting', 'no printer'));
}
