import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Role } from '../../common/model.js';

/**
 * Who may reach a use case without a staff session:
 * - `anyone`: public (visitors, screens, the start page);
 * - `ticket`: whoever holds a ticket's id (its token) — the route checks it;
 * - `device`: a paired kiosk or print agent with its device token (the route or namespace checks it),
 *   or a staff session.
 */
export type Anonymous = 'anyone' | 'ticket' | 'device';

export interface AccessRule {
  /** The roles a staff session needs; empty when only anonymous callers are meant. */
  roles: readonly Role[];
  /** Reachable without a session too, and by whom (the route checks the device or ticket token). */
  anonymous?: Anonymous;
  /** Reachable by a session that still holds a one-time password (#15): only the auth routes and pages. */
  duringPasswordChange?: true;
}

const ALL: readonly Role[] = ['admin', 'supervisor', 'staff'];
const LEADS: readonly Role[] = ['admin', 'supervisor'];
const ADMIN: readonly Role[] = ['admin'];

/**
 * The one role table (#15): every HTTP route (`config.access` of the route) and every socket event
 * (server/realtime/counter-commands.ts `COUNTER_EVENT_ACCESS`) names one of these use cases.
 * tests/http/access-matrix.test.ts tries every registered route and staff socket event anonymously
 * and with each role against this table; a route without an entry fails it (and answers 403).
 */
export const ACCESS = {
  // Pages the server renders itself (start page, favicon, the visitor's phone page): for everyone.
  'public.page': { roles: ALL, anonymous: 'anyone', duringPasswordChange: true },
  // Health, services, counters, kiosks, announcements: what screens and visitors read.
  'public.read': { roles: ALL, anonymous: 'anyone' },
  // A ticket's public view, receipt, cancel and feedback: the ticket id is the token.
  'visitor.ticket': { roles: ALL, anonymous: 'ticket' },
  // Drawing a ticket or checking in: a paired kiosk (device token) or staff; a kiosk asking who it is.
  'kiosk.draw': { roles: ALL, anonymous: 'device' },
  // The print agent's socket namespace (/print-agent): its agent token, no session.
  'printAgent.connect': { roles: [], anonymous: 'device' },

  'auth.login': { roles: ALL, anonymous: 'anyone', duringPasswordChange: true },
  'auth.logout': { roles: ALL, anonymous: 'anyone', duringPasswordChange: true },
  'auth.me': { roles: ALL, duringPasswordChange: true },
  'auth.password': { roles: ALL, duringPasswordChange: true },

  // Counter work: the /counter socket and its events, counter actions, alarms, notes, reprints, printers, appointments.
  'counter.work': { roles: ALL },
  // Beyond one's own desk: take over a counter someone else holds, hold several, alarm or write notes at another's desk.
  'counter.anyDesk': { roles: ADMIN },
  'appointments.book': { roles: ALL },

  'devices.tokens': { roles: ADMIN },
  'printers.agentToken': { roles: ADMIN },
  'metrics.commands': { roles: ADMIN },

  'users.read': { roles: LEADS },
  'users.write': { roles: ADMIN },
  // A supervisor resets staff passwords only (server/app/admin-users.ts decides per target: `users.resetAnyPassword`).
  'users.resetPassword': { roles: LEADS },
  'users.resetAnyPassword': { roles: ADMIN },

  // The office configuration (h15-catalog): supervisors read it, admins change it.
  'admin.catalog.read': { roles: LEADS },
  'admin.office.write': { roles: ADMIN },
  'admin.services.write': { roles: ADMIN },
  'admin.areas.write': { roles: ADMIN },
  'admin.counters.write': { roles: ADMIN },
  // Kiosks and screens as records: settings, create, delete, a test print.
  'admin.devices.write': { roles: ADMIN },
  // The whole configuration as one document: export and import (with a dry run).
  'admin.config': { roles: ADMIN },

  // #16: the office's figures (summary, CSV exports, the feedback averages) and the live floor (/supervisor): team leads and admins.
  'stats.read': { roles: LEADS },
  'stats.live': { roles: LEADS },
  // #17: the audit trail (who did what) is for admins only.
  'audit.read': { roles: ADMIN },
} as const satisfies Record<string, AccessRule>;

export type UseCase = keyof typeof ACCESS;

export function accessRule(useCase: UseCase): AccessRule {
  return ACCESS[useCase];
}

export function isUseCase(name: unknown): name is UseCase {
  return typeof name === 'string' && Object.hasOwn(ACCESS, name);
}

/** Whether the user's role may run the use case (no other condition). */
export function can(user: SessionUser, useCase: UseCase): boolean {
  return accessRule(useCase).roles.includes(user.role);
}

/**
 * Throws unless `user` (null: no session) may run the use case: UNAUTHENTICATED without a
 * session where one is needed, PASSWORD_CHANGE_REQUIRED while the user holds a one-time
 * password, FORBIDDEN for a role the table does not name.
 */
export function allow(user: SessionUser | null, useCase: UseCase): void {
  const rule = accessRule(useCase);
  if (!user) {
    if (rule.anonymous) return;
    throw new AppError('UNAUTHENTICATED');
  }
  if (user.mustChangePassword && !rule.duringPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your one-time password first (POST /api/auth/password).');
  }
  if (rule.anonymous) return;
  if (!rule.roles.includes(user.role)) throw new AppError('FORBIDDEN');
}
