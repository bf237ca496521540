import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import Type from 'typebox';
import type { SessionUser } from '../../common/dto.js';
import { NOTES_MAX_LENGTH, type NotesPayload } from '../../common/protocol.js';
import { Id } from '../../common/schemas.js';
import { saveNotes } from '../app/notes.js';
import type { Office } from '../app/office.js';
import { answer } from './ack.js';
import { registerAlarm } from './alarm.js';
import { validator } from '../app/validate.js';

const notesPayload = validator<NotesPayload>(
  Type.Object({ ticketId: Id, notes: Type.String({ maxLength: NOTES_MAX_LENGTH }) }, { additionalProperties: false }),
);

/**
 * The counter app's events beyond the ticket actions: the alarm and ticket notes
 * (`counter:notes` {ticketId, notes} → {ticket}; the change reaches other staff
 * through the usual `queue:changed`).
 */
export function registerCounterExtras(
  socket: Socket,
  office: Office,
  log: FastifyBaseLogger,
  currentUser: () => Promise<SessionUser>,
): void {
  registerAlarm(socket, office, log, currentUser);
  socket.on('counter:notes', (payload: unknown, ack: unknown) =>
    answer(ack, log, async () => {
      const input = notesPayload(payload);
      return { ticket: await saveNotes(office, input.ticketId, input.notes, await currentUser()) };
    }),
  );
}
