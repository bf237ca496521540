import { ChangePasswordBody } from '../../../common/user-schemas.js';
import { changeOwnPassword } from '../../app/own-password.js';
import { SESSION_COOKIE } from '../../app/sessions.js';
import { signInGate } from '../../app/sign-in-limits.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { NoContent, replies } from '../replies.js';

/**
 * #15: every user changes their own password (also the one-time password an admin gave,
 * which until then is all a session may do). A wrong current password counts against
 * the login limits like a failed login; the other sessions of the user end.
 */
export function authPasswordRoutes(app: Api, { office, config }: RouteDeps): void {
  const gate = signInGate(office, config, () => office.now());
  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (at least 12 characters, not the username); your other sessions end (204)',
        body: ChangePasswordBody,
        response: replies({ 204: NoContent }, 400, 401, 429),
      },
      config: {
        access: 'auth.password',
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => `password|${request.ip}|${request.user?.id ?? ''}`,
        },
      },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      const user = staffUser(request);
      const token = request.cookies[SESSION_COOKIE] ?? '';
      await gate.run(request.ip, () => changeOwnPassword(office, token, user, request.body));
      return reply.status(204).send(null);
    },
  );
}
