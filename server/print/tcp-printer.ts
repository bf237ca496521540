import { connect, type Socket } from 'node:net';
import { DLE_EOT, readCondition, STATUS_ANSWER_BYTES, STATUS_QUERY, type PrinterCondition } from './escpos-status.js';
import { PrintError, toPrintError } from './print-error.js';
import { CONNECT_TIMEOUT_MS, STATUS_TIMEOUT_MS } from './timing.js';

export interface SendOptions {
  /** Ask the printer for its status before and after the job (DLE EOT). Off for printers that never answer. */
  statusQuery: boolean;
  /** Aborts the job (the deadline); the connection is dropped at once. */
  signal: AbortSignal;
}

export interface SendResult {
  paperLow: boolean;
}

/**
 * One job over raw TCP (port 9100). With status queries on, the printer must
 * answer before the job (paper, cover, offline) and again after it: that
 * second answer can only come once the printer has taken in every byte before
 * it, which is the one confirmation a print job gets. Without it, a printer
 * that accepts the connection but never reads looks like a success, because
 * the operating system's socket buffers swallow a whole ticket.
 */
export async function sendTcp(host: string, port: number, job: Buffer, o: SendOptions): Promise<SendResult> {
  const session = await TcpSession.open(host, port, o.signal);
  try {
    let paperLow = false;
    if (o.statusQuery) paperLow = check(await session.ask(STATUS_QUERY, STATUS_ANSWER_BYTES, STATUS_TIMEOUT_MS)).paperLow;
    if (!o.statusQuery) {
      await session.write(job);
      await session.finish();
      return { paperLow };
    }
    // No timeout of its own: a slow printer may take a while to read a ticket; the job deadline bounds it.
    const [after = 0] = await session.ask(Buffer.concat([job, DLE_EOT(4)]), 1, null);
    if ((after & 0x60) !== 0) throw new PrintError('paper_out', 'the paper ran out during the ticket');
    return { paperLow: paperLow || (after & 0x0c) !== 0 };
  } finally {
    session.close();
  }
}

/** Asks a network printer for its condition without printing (agents report it while idle). */
export async function probeTcp(host: string, port: number, signal: AbortSignal): Promise<PrinterCondition> {
  const session = await TcpSession.open(host, port, signal);
  try {
    return readCondition(await session.ask(STATUS_QUERY, STATUS_ANSWER_BYTES, STATUS_TIMEOUT_MS));
  } finally {
    session.close();
  }
}

function check(answer: Buffer): PrinterCondition {
  const condition = readCondition(answer);
  if (condition.fault) throw new PrintError(condition.fault.reason, condition.fault.detail);
  return condition;
}

/** A socket with byte-counted reads and one failure path for errors, close and abort. */
class TcpSession {
  private received = Buffer.alloc(0);
  private failure: PrintError | null = null;
  private wake: (() => void) | null = null;

  private constructor(
    private readonly socket: Socket,
    private readonly signal: AbortSignal,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake?.();
    });
    socket.on('error', (err) => this.fail(toPrintError(err)));
    socket.on('close', () => this.fail(new PrintError('write_failed', 'the printer closed the connection')));
    signal.addEventListener('abort', this.onAbort, { once: true });
    if (signal.aborted) this.onAbort();
  }

  private readonly onAbort = () => this.fail(new PrintError('timeout', 'the printer did not finish the job in time'));

  static open(host: string, port: number, signal: AbortSignal): Promise<TcpSession> {
    if (signal.aborted) return Promise.reject(new PrintError('timeout', 'no time left to print'));
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => done(new PrintError('timeout', `no connection to ${host}:${port} within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
      const onAbort = () => done(new PrintError('timeout', `no connection to ${host}:${port} in time`));
      const done = (err: PrintError | null) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        socket.off('error', onError);
        if (!err) return resolve(new TcpSession(socket, signal));
        socket.destroy();
        reject(err);
      };
      const onError = (err: Error) => done(toPrintError(err));
      socket.once('connect', () => done(null));
      socket.once('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Writes `bytes` and waits for `answerBytes` bytes back, at most `timeoutMs` (null: until the deadline). */
  async ask(bytes: Buffer, answerBytes: number, timeoutMs: number | null): Promise<Buffer> {
    this.received = Buffer.alloc(0);
    const answer = this.read(answerBytes, timeoutMs);
    try {
      await this.write(bytes);
    } catch (err) {
      answer.catch(() => undefined);
      throw err;
    }
    return answer;
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.socket.write(bytes, (err) => (err ? reject(toPrintError(err)) : resolve()));
    });
  }

  /** Ends the connection after everything was handed to the network. */
  finish(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.socket.end(() => resolve());
    });
  }

  private read(n: number, timeoutMs: number | null): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const timer =
        timeoutMs === null
          ? null
          : setTimeout(() => settle(new PrintError('timeout', `the printer did not answer a status query within ${timeoutMs} ms`)), timeoutMs);
      const settle = (err: PrintError | null) => {
        if (timer) clearTimeout(timer);
        this.wake = null;
        if (err) reject(err);
        else resolve(this.received.subarray(0, n));
      };
      this.wake = () => {
        if (this.failure) settle(this.failure);
        else if (this.received.length >= n) settle(null);
      };
      this.wake();
    });
  }

  private fail(err: PrintError): void {
    if (this.failure) return;
    this.failure = err;
    this.socket.destroy();
    this.wake?.();
  }

  close(): void {
    this.signal.removeEventListener('abort', this.onAbort);
    this.failure ??= new PrintError('write_failed', 'closed');
    this.socket.destroy();
  }
}
