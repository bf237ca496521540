import { BookedAppointmentSchema } from '../../../common/dto-schemas.js';
import { AppError } from '../../../common/errors.js';
import { AppointmentBody } from '../../../common/schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { replies } from '../replies.js';

export function appointmentRoutes(app: Api, { office }: RouteDeps): void {
  app.post(
    '/api/appointments',
    {
      schema: {
        tags: ['staff'],
        summary: 'Book an appointment; answers with its booking code',
        body: AppointmentBody,
        response: replies({ 201: BookedAppointmentSchema }, 400, 401, 404),
      },
      config: { access: 'appointments.book' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      const startsAt = Date.parse(request.body.startsAt);
      if (!Number.isFinite(startsAt)) throw new AppError('INVALID_INPUT', 'startsAt is not a valid date-time.');
      const appt = await office.createAppointment(
        { serviceId: request.body.serviceId, startsAt, language: request.body.language ?? null },
        staffUser(request),
      );
      return reply.status(201).send({ ...appt, startsAt: new Date(appt.startsAt).toISOString() });
    },
  );
}
