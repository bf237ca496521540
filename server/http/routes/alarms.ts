import Type from 'typebox';
import { AlarmBody } from '../../../common/commands.js';
import { AlarmAcknowledgedSchema, AlarmRaisedSchema } from '../../../common/dto-schemas.js';
import { CounterParams, EmptyBody, Id } from '../../../common/schemas.js';
import { acknowledgeAlarm, raiseAlarm } from '../../app/alarms.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { replies } from '../replies.js';

const AlarmParams = Type.Object({ id: Id }, { additionalProperties: false });

/**
 * The silent alarm, as `counter:alarm` and `counter:alarm-ack` on the socket:
 * the same application commands, so every staff screen gets `alarm:raised`
 * and `alarm:cleared` whichever way it came in.
 */
export function alarmRoutes(app: Api, { office }: RouteDeps): void {
  app.post(
    '/api/counters/:id/alarm',
    {
      schema: {
        tags: ['counter'],
        summary: 'Raise the silent alarm at a counter (from your own desk or a free one)',
        params: CounterParams,
        body: Type.Union([AlarmBody, Type.Null()]),
        response: replies({ 201: AlarmRaisedSchema }, 401, 403, 404),
      },
      config: { access: 'counter.work' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      const alarm = await raiseAlarm(office, request.params.id, staffUser(request));
      return reply.status(201).send({ alarm });
    },
  );

  app.post(
    '/api/alarms/:id/acknowledge',
    {
      schema: {
        tags: ['staff'],
        summary: "Acknowledge today's alarm for everyone; again: the first acknowledgement",
        params: AlarmParams,
        body: EmptyBody,
        response: replies({ 200: AlarmAcknowledgedSchema }, 401, 404),
      },
      config: { access: 'counter.work' },
      preHandler: requireStaff,
    },
    async (request) => ({ cleared: await acknowledgeAlarm(office, request.params.id, staffUser(request)) }),
  );
}
