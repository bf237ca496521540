import type { CounterAction } from '../../../common/protocol.js';
import { CallBody, CounterParams, EmptyBody, OpenBody, TransferBody } from '../../../common/schemas.js';
import { runCounterAction, type CounterCommandInput } from '../../app/counter-desk.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';

const SUMMARIES: Record<CounterAction, string> = {
  open: 'Open the counter (admin may force a take-over)',
  close: 'Close the counter',
  'call-next': 'Call the next visitor by the queue policy (204 when nobody waits)',
  call: 'Call a specific waiting ticket',
  recall: 'Call the current ticket again',
  start: 'The visitor arrived: start serving',
  finish: 'Finish serving',
  'no-show': 'The called visitor did not come',
  return: 'Put the current ticket back in the queue (park)',
  transfer: 'Transfer the current ticket to another service or a named counter',
};

/** Actions without parameters take no body (or `{}` / `null`), so a stray field is a 400 rather than silently ignored. */
const BODIES: Partial<Record<CounterAction, unknown>> = { open: OpenBody, call: CallBody, transfer: TransferBody };

/** One route per staff action; each delegates to the same command code as the socket event. */
export function counterRoutes(app: Api, { office }: RouteDeps): void {
  for (const action of Object.keys(SUMMARIES) as CounterAction[]) {
    const body = BODIES[action] ?? EmptyBody;
    app.post(
      `/api/counters/:id/${action}`,
      {
        schema: {
          tags: ['counter'],
          summary: SUMMARIES[action],
          params: CounterParams,
          body,
        },
        preHandler: requireStaff,
      },
      async (request, reply) => {
        const raw = (request.body ?? {}) as { force?: boolean; ticketId?: string; serviceId?: string; counterId?: string; keepPlace?: boolean };
        const input: CounterCommandInput = { counterId: (request.params as { id: string }).id };
        if (raw.force !== undefined) input.force = raw.force;
        if (raw.ticketId !== undefined) input.ticketId = raw.ticketId;
        if (raw.serviceId !== undefined) input.serviceId = raw.serviceId;
        if (raw.counterId !== undefined) input.targetCounterId = raw.counterId;
        if (raw.keepPlace !== undefined) input.keepPlace = raw.keepPlace;
        const outcome = await runCounterAction(office, action, input, staffUser(request));
        if (action === 'call-next' && outcome.ticket === null) return reply.status(204).send();
        if (action === 'open' || action === 'close') return outcome.counter;
        return outcome.ticket;
      },
    );
  }
}
