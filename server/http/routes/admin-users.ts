import { AdminUserListSchema, AdminUserSchema, CreateUserBody, ResetPasswordBody, UpdateUserBody, UserParams, UserWithPasswordSchema } from '../../../common/user-schemas.js';
import { createUser, listUsers, resetUserPassword, updateUser } from '../../app/admin-users.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { replies } from '../replies.js';

/**
 * #15 staff accounts of the office. Who may: server/app/access.ts (`users.*`); a
 * one-time password is answered once, never stored in clear, never cached.
 */
export function adminUserRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: "Admin: the office's users (admins and supervisors)",
        response: replies({ 200: AdminUserListSchema }, 401, 403),
      },
      config: { access: 'users.read' },
      preHandler: requireStaff,
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ users: await listUsers(office) }),
  );

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Admin: create a user; answers with a one-time password, shown once (409 USERNAME_TAKEN)',
        body: CreateUserBody,
        response: replies({ 201: UserWithPasswordSchema }, 400, 401, 403, 409),
      },
      config: { access: 'users.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await createUser(office, request.body, staffUser(request))),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: "Admin: change a user's display name, role, languages or active (with the version read; 409 STALE, LAST_ADMIN)",
        params: UserParams,
        body: UpdateUserBody,
        response: replies({ 200: AdminUserSchema }, 400, 401, 403, 404, 409),
      },
      config: { access: 'users.write' },
      preHandler: requireStaff,
    },
    async (request) => updateUser(office, request.params.id, request.body, staffUser(request)),
  );

  app.post(
    '/api/admin/users/:id/reset-password',
    {
      schema: {
        tags: ['admin'],
        summary: "Admin: a new one-time password for a user, shown once; their sessions end (supervisors: staff users only)",
        params: UserParams,
        body: ResetPasswordBody,
        response: replies({ 200: UserWithPasswordSchema }, 400, 401, 403, 404, 409),
      },
      config: { access: 'users.resetPassword' },
      preHandler: requireStaff,
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await resetUserPassword(office, request.params.id, request.body.version, staffUser(request))),
  );
}
