import type { FastifyBaseLogger } from 'fastify';
import type { Ack } from '../../common/protocol.js';
import { toErrorReply } from '../http/errors.js';

/** Runs a socket command and answers through its acknowledgement, with the HTTP error codes. */
export async function answer<T extends object>(
  ack: unknown,
  log: FastifyBaseLogger,
  run: () => Promise<T>,
): Promise<void> {
  // An event without an acknowledgement cannot report its result: ignore it.
  if (typeof ack !== 'function') return;
  const reply = ack as (r: Ack<T>) => void;
  try {
    reply({ ok: true, ...(await run()) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const { status, code, message } = toErrorReply(e);
    if (status >= 500) log.error({ err: e }, 'socket command failed');
    reply({ ok: false, error: { code, message } });
  }
}
