import Type, { type Static, type TSchema } from 'typebox';
import { CounterActionBodies } from '../../../common/commands.js';
import { StaffCounterSchema, StaffTicketSchema } from '../../../common/dto-schemas.js';
import type { SessionUser, StaffTicket } from '../../../common/dto.js';
import { AppError } from '../../../common/errors.js';
import { COUNTER_ACTIONS, type CounterAction } from '../../../common/protocol.js';
import { CounterParams, Id } from '../../../common/schemas.js';
import { commandTimings } from '../../app/command-timing.js';
import { runCounterAction, type CounterCommandInput, type CounterOutcome } from '../../app/counter-desk.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { NoContent, replies } from '../replies.js';

const SUMMARIES: Record<CounterAction, string> = {
  open: 'Open the counter (admin may force a take-over)',
  close: 'Close the counter',
  'call-next': 'Call the next visitor by the queue policy (204 when nobody waits)',
  call: 'Call a specific waiting ticket, named by its staff reference `ticketRef`',
  recall: 'Call the current ticket again',
  start: 'The visitor arrived: start serving',
  finish: 'Finish serving',
  'finish-next':
    '#17: finish this service and send the visitor, same number, to the next service of the visit: `serviceId`, ' +
    'by default the first of `nextServiceIds` (none: 409 NO_NEXT_SERVICE)',
  'no-show': 'The called visitor did not come',
  return: 'Put the current ticket back in the queue (park)',
  transfer: 'Transfer the current ticket to another service (`serviceId`) or a named counter (`targetCounterId`)',
};

/** Actions without a required field also take no body or `null`; a stray field is a 400 rather than silently ignored. */
const orNull = <T extends TSchema>(body: T) => Type.Union([body, Type.Null()]);

/**
 * The transfer body as documented before protocol 2: `counterId` named the
 * target counter. It stays accepted as a deprecated alias of `targetCounterId`.
 */
const TransferHttpBody = Type.Object(
  {
    ...CounterActionBodies.transfer.properties,
    counterId: Type.Optional({ ...Id, deprecated: true, description: 'Deprecated: the old name of `targetCounterId`' }),
  },
  { additionalProperties: false },
);

/**
 * The call body as documented before protocol 3: `ticketId` named the ticket by
 * its id (the visitor's token). It stays accepted, deprecated; staff answers
 * carry only `ref`, the ticket's staff reference, which `ticketRef` takes.
 */
const CallHttpBody = Type.Union([
  CounterActionBodies.call,
  Type.Object(
    { ticketId: { ...Id, deprecated: true, description: 'Deprecated: the ticket by its id; use `ticketRef`' } },
    { additionalProperties: false, deprecated: true },
  ),
]);

function transferInput(counterId: string, body: Static<typeof TransferHttpBody>): CounterCommandInput {
  const { counterId: legacyTarget, ...fields } = body;
  if (legacyTarget !== undefined && fields.targetCounterId !== undefined && legacyTarget !== fields.targetCounterId) {
    throw new AppError('INVALID_INPUT', 'counterId is the old name of targetCounterId; give one of them.');
  }
  return { ...fields, targetCounterId: fields.targetCounterId ?? legacyTarget, counterId };
}

/** Every ticket action but call-next ends with a ticket; a missing one is a bug (an opaque 500). */
function ticketOf({ ticket }: CounterOutcome): StaffTicket {
  if (!ticket) throw new Error('the counter action ended without a ticket');
  return ticket;
}

/** One route per staff action; each runs the same command code as the socket event `counter:<action>`. */
export function counterRoutes(app: Api, { office }: RouteDeps): void {
  const errors = [400, 401, 403, 404, 409] as const;
  // Server time per command (#14), recorded under the action's name as for the socket.
  const timings = commandTimings(office);
  const run = (action: CounterAction, input: CounterCommandInput, user: SessionUser) =>
    timings.time(action, () => runCounterAction(office, action, input, user));
  for (const action of COUNTER_ACTIONS) {
    const url = `/api/counters/:id/${action}`;
    const schema = { tags: ['counter'], summary: SUMMARIES[action], params: CounterParams };
    if (action === 'open' || action === 'close') {
      app.post(
        url,
        {
          schema: { ...schema, body: orNull(CounterActionBodies[action]), response: replies({ 200: StaffCounterSchema }, ...errors) },
          config: { access: 'counter.work' }, preHandler: requireStaff,
        },
        async (request) => (await run(action, { ...request.body, counterId: request.params.id }, staffUser(request))).counter,
      );
    } else if (action === 'call-next') {
      app.post(
        url,
        {
          schema: {
            ...schema,
            body: orNull(CounterActionBodies[action]),
            response: replies({ 200: StaffTicketSchema, 204: NoContent }, ...errors),
          },
          config: { access: 'counter.work' }, preHandler: requireStaff,
        },
        async (request, reply) => {
          const { ticket } = await run(action, { counterId: request.params.id }, staffUser(request));
          return ticket ?? reply.status(204).send(null);
        },
      );
    } else if (action === 'transfer') {
      app.post(
        url,
        { schema: { ...schema, body: TransferHttpBody, response: replies({ 200: StaffTicketSchema }, ...errors) }, config: { access: 'counter.work' }, preHandler: requireStaff },
        async (request) => ticketOf(await run(action, transferInput(request.params.id, request.body), staffUser(request))),
      );
    } else if (action === 'call') {
      app.post(
        url,
        { schema: { ...schema, body: CallHttpBody, response: replies({ 200: StaffTicketSchema }, ...errors) }, config: { access: 'counter.work' }, preHandler: requireStaff },
        async (request) => ticketOf(await run(action, { ...request.body, counterId: request.params.id }, staffUser(request))),
      );
    } else {
      const body = orNull(CounterActionBodies[action]);
      app.post(
        url,
        { schema: { ...schema, body, response: replies({ 200: StaffTicketSchema }, ...errors) }, config: { access: 'counter.work' }, preHandler: requireStaff },
        async (request) => ticketOf(await run(action, { ...request.body, counterId: request.params.id }, staffUser(request))),
      );
    }
  }
}
