import { AppError } from '../../../common/errors.js';
import { EmptyBody, LoginBody } from '../../../common/schemas.js';
import { verifyPassword } from '../../auth/password.js';
import { createSession, destroySession, SESSION_COOKIE, SESSION_TTL_MS, toSessionUser } from '../../auth/sessions.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';

/** Compared against when the user does not exist, so timing does not reveal which usernames exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function authRoutes(app: Api, { office, config }: RouteDeps): void {
  const secure = config.publicUrl.startsWith('https:');

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Log in; sets an HttpOnly session cookie', body: LoginBody },
      config: {
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => {
            const body = request.body as { username?: unknown } | undefined;
            return `${request.ip}|${String(body?.username ?? '').toLowerCase()}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await office.store.read((r) => r.userByUsername(username));
      const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !user.active || !valid) throw new AppError('INVALID_CREDENTIALS');
      const token = await createSession(office.store, user.id, office.now());
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return toSessionUser(user);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session', body: EmptyBody } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await destroySession(office.store, token);
      office.events.emit('sessionEnded', token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in staff member' }, preHandler: requireStaff },
    async (request) => staffUser(request),
  );
}
