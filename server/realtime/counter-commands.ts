import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { SessionUser } from '../../common/dto.js';
import type { CounterAction } from '../../common/protocol.js';
import { CallPayload, CounterRefPayload, OpenPayload, TransferPayload } from '../../common/schemas.js';
import { runCounterAction, type CounterCommandInput } from '../app/counter-desk.js';
import type { Office } from '../app/office.js';
import { answer } from './ack.js';
import { validator } from '../app/validate.js';

const refOnly = validator<CounterCommandInput>(CounterRefPayload);
const PAYLOADS: Record<CounterAction, (v: unknown) => CounterCommandInput> = {
  open: validator<CounterCommandInput>(OpenPayload),
  close: refOnly,
  'call-next': refOnly,
  call: validator<CounterCommandInput>(CallPayload),
  recall: refOnly,
  start: refOnly,
  finish: refOnly,
  'no-show': refOnly,
  return: refOnly,
  transfer: validator<CounterCommandInput>(TransferPayload),
};

/** `counter:<action>` events: the same command code and authorisation as POST /api/counters/:id/<action>. */
export function registerCounterCommands(
  socket: Socket,
  office: Office,
  log: FastifyBaseLogger,
  currentUser: () => Promise<SessionUser>,
): void {
  for (const action of Object.keys(PAYLOADS) as CounterAction[]) {
    socket.on(`counter:${action}`, (payload: unknown, ack: unknown) => {
      // socket.io passes the ack as the last argument; a payload-less emit puts it first.
      const [body, callback] = typeof payload === 'function' ? [undefined, payload] : [payload, ack];
      return answer(callback, log, async () => {
        const input = PAYLOADS[action](body);
        return runCounterAction(office, action, input, await currentUser());
      });
    });
  }
}
