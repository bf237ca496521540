import Type from 'typebox';
import { NotesBody } from '../../../common/commands.js';
import { StaffTicketSchema } from '../../../common/dto-schemas.js';
import { TicketRef } from '../../../common/schemas.js';
import { saveNotes } from '../../app/notes.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { replies } from '../replies.js';

/**
 * Staff notes on one of today's tickets, as `counter:notes` on the socket. They never reach a public view.
 * The path names the ticket by its staff reference (`ref`); its id, as before protocol 3, still works.
 */
const NotesParams = Type.Object({ id: { ...TicketRef, description: "The ticket's staff reference `ref` (its id still works, deprecated)" } }, { additionalProperties: false });

export function notesRoutes(app: Api, { office }: RouteDeps): void {
  app.put(
    '/api/tickets/:id/notes',
    {
      schema: {
        tags: ['staff'],
        summary: "Replace the staff notes on one of today's tickets",
        params: NotesParams,
        body: NotesBody,
        response: replies({ 200: StaffTicketSchema }, 400, 401, 404),
      },
      config: { access: 'counter.work' },
      preHandler: requireStaff,
    },
    async (request) => saveNotes(office, request.params.id, request.body.notes, staffUser(request)),
  );
}
