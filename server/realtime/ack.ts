import type { FastifyBaseLogger } from 'fastify';
import { errorReply } from '../../common/errors.js';
import type { AckFn } from '../../common/protocol.js';

type Callback = (...args: unknown[]) => unknown;
const isCallback = (v: unknown): v is Callback => typeof v === 'function';

/**
 * Runs a socket request and answers through its acknowledgement, with the
 * error codes HTTP uses. The event maps are what a well-behaved client sends,
 * not a guarantee: a client that sent no callback gets no answer, and nothing runs.
 */
export async function answer<T extends object>(ack: AckFn<T> | undefined, log: FastifyBaseLogger, run: () => Promise<T>): Promise<void> {
  if (!isCallback(ack)) return;
  try {
    ack({ ok: true, ...(await run()) });
  } catch (err) {
    const { status, code, message } = errorReply(err);
    if (status >= 500) log.error({ err }, 'socket command failed');
    ack({ ok: false, error: { code, message } });
  }
}

/**
 * `answer` for a command with a payload, which `run` validates (types are not
 * validation). socket.io passes the acknowledgement last, so a client that
 * sent no payload hands it over in the payload's place.
 */
export function answerCommand<P, T extends object>(
  payload: P,
  ack: AckFn<T> | undefined,
  log: FastifyBaseLogger,
  run: (payload: P | undefined) => Promise<T>,
): Promise<void> {
  if (isCallback(payload)) return answer<T>(payload, log, () => run(undefined));
  return answer(ack, log, () => run(payload));
}
