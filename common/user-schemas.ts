import Type, { type Static } from 'typebox';
import { ROLES } from './model.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.js';
import { Id, Language } from './schemas.js';

/**
 * #15 staff accounts: the request and response schemas of `/api/admin/users` and
 * `POST /api/auth/password`. Names and display names are checked here; the
 * password rules (length, not the username) by the server, which names the field.
 */

const strict = { additionalProperties: false } as const;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.js';

const RoleSchema = Type.Enum([...ROLES], { type: 'string', description: 'admin: everything; supervisor: counter work, staff passwords, reading the configuration; staff: counter work' });
const Username = Type.String({
  minLength: 2,
  maxLength: 40,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  description: 'Letters, digits, dot, dash and underscore; unique whatever the case',
});
const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'As the counter app shows it' });
const Languages = Type.Array(Language, { maxItems: 20, uniqueItems: true, description: 'Languages the person serves in' });
const Version = Type.Integer({ minimum: 1, description: 'The version the client read; another stored version → 409 STALE' });

export const AdminUserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  languages: Type.Array(Type.String()),
  active: Type.Boolean({ description: 'An inactive user cannot log in; deactivating ends their sessions' }),
  mustChangePassword: Type.Boolean({ description: 'Holds a one-time password not yet changed' }),
  version: Type.Integer({ minimum: 1 }),
});
export type AdminUser = Static<typeof AdminUserSchema>;

export const AdminUserListSchema = Type.Object({ users: Type.Array(AdminUserSchema) });

export const UserWithPasswordSchema = Type.Object({
  user: AdminUserSchema,
  oneTimePassword: Type.String({ description: 'Shown once; the user must change it at the first login' }),
});
export type UserWithPassword = Static<typeof UserWithPasswordSchema>;

export const UserParams = Type.Object({ id: Id }, strict);

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    role: RoleSchema,
    languages: Type.Optional(Languages),
  },
  strict,
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    version: Version,
    displayName: Type.Optional(DisplayName),
    role: Type.Optional(RoleSchema),
    languages: Type.Optional(Languages),
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object({ version: Version }, strict);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: Type.String({
      maxLength: PASSWORD_MAX_LENGTH,
      description: `At least ${PASSWORD_MIN_LENGTH} characters, not the username (else 400 WEAK_PASSWORD with field newPassword)`,
    }),
  },
  strict,
);
export type ChangePasswordInput = Static<typeof ChangePasswordBody>;
