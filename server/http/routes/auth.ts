import { LoggedOutSchema, SessionUserSchema } from '../../../common/dto-schemas.js';
import { EmptyBody, LoginBody } from '../../../common/schemas.js';
import { SESSION_COOKIE, SESSION_TTL_MS, signIn, signOut } from '../../app/sessions.js';
import { signInGate } from '../../app/sign-in-limits.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { requireStaffNetwork } from '../client-guards.js';
import { replies } from '../replies.js';

export function authRoutes(app: Api, { office, config }: RouteDeps): void {
  const secure = config.publicUrl.startsWith('https:');
  // Failed logins per client address whatever the username, and a bounded number of password checks at once.
  // The same gate counts the wrong current passwords of password changes (auth-password.ts).
  const gate = signInGate(office, config, () => office.now());

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets an HttpOnly session cookie',
        body: LoginBody,
        response: replies({ 200: SessionUserSchema }, 400, 401, 429),
      },
      onRequest: requireStaffNetwork,
      config: {
        access: 'auth.login',
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${usernameIn(request.body).toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const { token, user } = await gate.run(request.ip, () => signIn(office, username, password));
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        // Strict: no other site's page (not even another port of this host) makes the browser send it.
        sameSite: 'strict',
        secure,
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return user;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', body: EmptyBody, response: replies({ 200: LoggedOutSchema }) }, config: { access: 'auth.logout' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(office, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The logged-in staff member', response: replies({ 200: SessionUserSchema }, 401) },
      config: { access: 'auth.me' },
      preHandler: requireStaff,
    },
    (request) => staffUser(request),
  );
}

/** The username for the login rate limit's key (its hook sees the request untyped); counts per user and client. */
function usernameIn(body: unknown): string {
  return typeof body === 'object' && body !== null && 'username' in body && typeof body.username === 'string' ? body.username : '';
}
