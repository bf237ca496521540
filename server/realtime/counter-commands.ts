import type { FastifyBaseLogger } from 'fastify';
import { AlarmRefPayload, CounterActionBodies, CounterRefPayload, NotesPayloadSchema, withCounter } from '../../common/commands.js';
import type { SessionUser } from '../../common/dto.js';
import { COUNTER_ACTIONS, type CounterActionPayload, type CounterAction, type TicketAck } from '../../common/protocol.js';
import { acknowledgeAlarm, raiseAlarm } from '../app/alarms.js';
import { commandTimings } from '../app/command-timing.js';
import { runCounterAction } from '../app/counter-desk.js';
import { saveNotes } from '../app/notes.js';
import type { Office } from '../app/office.js';
import { validator } from '../app/validate.js';
import { answerCommand } from './ack.js';
import { allowedFor } from './event-access.js';
import type { CounterSocket } from './namespaces.js';

const ACTIONS = COUNTER_ACTIONS.map((action) => ({ action, parse: validator(withCounter(CounterActionBodies[action])) }));
const raisePayload = validator(CounterRefPayload);
const alarmAckPayload = validator(AlarmRefPayload);
const notesPayload = validator(NotesPayloadSchema);

/**
 * The staff commands of /counter: `counter:<action>` runs the same command
 * code and authorisation as POST /api/counters/:id/<action>; the alarm and
 * ticket notes are application commands too. Their pushes (`queue:changed`,
 * `alarm:raised`, `alarm:cleared`) come from the broadcaster, whoever sent them.
 */
export function registerCounterCommands(
  socket: CounterSocket,
  office: Office,
  log: FastifyBaseLogger,
  currentUser: () => Promise<SessionUser>,
): void {
  // Server time per command (#14): the handler, i.e. validation, the session lookup and the command.
  const timings = commandTimings(office);
  for (const { action, parse } of ACTIONS) {
    socket.on(`counter:${action}`, (payload: CounterActionPayload<CounterAction>, ack: TicketAck) =>
      void answerCommand(payload, ack, log, (body) =>
        timings.time(action, async () => runCounterAction(office, action, parse(body), allowedFor(await currentUser(), `counter:${action}`))),
      ),
    );
  }
  socket.on('counter:alarm', (payload, ack) =>
    void answerCommand(payload, ack, log, async (body) => ({
      alarm: await raiseAlarm(office, raisePayload(body).counterId, allowedFor(await currentUser(), 'counter:alarm')),
    })),
  );
  socket.on('counter:alarm-ack', (payload, ack) =>
    void answerCommand(payload, ack, log, async (body) => ({
      cleared: await acknowledgeAlarm(office, alarmAckPayload(body).alarmId, allowedFor(await currentUser(), 'counter:alarm-ack')),
    })),
  );
  socket.on('counter:notes', (payload, ack) =>
    void answerCommand(payload, ack, log, async (body) => {
      const { ticketRef, notes } = notesPayload(body);
      return { ticket: await saveNotes(office, ticketRef, notes, allowedFor(await currentUser(), 'counter:notes')) };
    }),
  );
}
