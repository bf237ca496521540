import type { AuditPage } from '../common/audit-schemas.js';
import { http } from '../common/client/http.js';
import type {
  AdminArea,
  AdminCounter,
  AdminDevice,
  AdminOffice,
  AdminService,
  AdminUser,
  ConfigDocument,
  DeviceTokenIssued,
  ImportResult,
  Me,
  OneTimePassword,
  PrintOutcome,
} from './model.js';

const id = (x: string) => encodeURIComponent(x);
type Patch<R> = Partial<Omit<R, 'id' | 'version'>> & { version: number };
/** A new record as a form built it: the server validates every field and names a wrong one. */
type New = Readonly<Record<string, unknown>>;

/** The admin app's whole contract with the server: session, own password and the admin API (DESIGN-15). */
export const api = {
  me: () => http<Me>('GET', '/api/auth/me'),
  login: (username: string, password: string) => http<Me>('POST', '/api/auth/login', { body: { username, password } }),
  logout: () => http<unknown>('POST', '/api/auth/logout', { body: {} }),
  changePassword: (currentPassword: string, newPassword: string) =>
    http<unknown>('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),

  office: () => http<AdminOffice>('GET', '/api/admin/office'),
  saveOffice: (patch: Patch<AdminOffice>) => http<AdminOffice>('PATCH', '/api/admin/office', { body: patch }),
  holidays: (state: string, year: number) =>
    http<{ holidays: { date: string; name: string }[] }>('GET', `/api/admin/holidays?state=${id(state)}&year=${year}`),
  icons: () => http<{ icons: string[] }>('GET', '/api/admin/icons'),

  services: () => http<{ services: AdminService[] }>('GET', '/api/admin/services'),
  createService: (s: New) => http<AdminService>('POST', '/api/admin/services', { body: s }),
  saveService: (sid: string, patch: Patch<AdminService>) => http<AdminService>('PATCH', `/api/admin/services/${id(sid)}`, { body: patch }),
  deleteService: (sid: string, version: number) => remove(`/api/admin/services/${id(sid)}`, version),
  orderServices: (ids: string[]) => http<unknown>('POST', '/api/admin/services/order', { body: { ids } }),

  areas: () => http<{ areas: AdminArea[] }>('GET', '/api/admin/areas'),
  createArea: (a: New) => http<AdminArea>('POST', '/api/admin/areas', { body: a }),
  saveArea: (aid: string, patch: Patch<AdminArea>) => http<AdminArea>('PATCH', `/api/admin/areas/${id(aid)}`, { body: patch }),
  deleteArea: (aid: string, version: number) => remove(`/api/admin/areas/${id(aid)}`, version),

  counters: () => http<{ counters: AdminCounter[] }>('GET', '/api/admin/counters'),
  createCounter: (c: New) => http<AdminCounter>('POST', '/api/admin/counters', { body: c }),
  saveCounter: (cid: string, patch: Patch<AdminCounter>) => http<AdminCounter>('PATCH', `/api/admin/counters/${id(cid)}`, { body: patch }),
  deleteCounter: (cid: string, version: number) => remove(`/api/admin/counters/${id(cid)}`, version),

  users: () => http<{ users: AdminUser[] }>('GET', '/api/admin/users'),
  createUser: (u: Pick<AdminUser, 'username' | 'displayName' | 'role' | 'languages'>) =>
    http<OneTimePassword>('POST', '/api/admin/users', { body: u }),
  saveUser: (uid: string, patch: Patch<AdminUser>) => http<AdminUser>('PATCH', `/api/admin/users/${id(uid)}`, { body: patch }),
  resetPassword: (uid: string, version: number) =>
    http<OneTimePassword>('POST', `/api/admin/users/${id(uid)}/reset-password`, { body: { version } }),

  devices: () => http<{ devices: AdminDevice[] }>('GET', '/api/admin/devices'),
  createDevice: (d: New) => http<AdminDevice>('POST', '/api/admin/devices', { body: d }),
  saveDevice: (did: string, patch: New & { version: number }) => http<AdminDevice>('PATCH', `/api/admin/devices/${id(did)}`, { body: patch }),
  deleteDevice: (did: string, version: number) => remove(`/api/admin/devices/${id(did)}`, version),
  testPrint: (did: string) => http<PrintOutcome>('POST', `/api/admin/devices/${id(did)}/test-print`, { body: {} }),
  issueToken: (did: string) => http<DeviceTokenIssued>('POST', `/api/admin/devices/${id(did)}/token`, { body: {} }),

  exportConfig: () => http<ConfigDocument>('GET', '/api/admin/config'),
  importConfig: (doc: unknown, dryRun: boolean) => http<ImportResult>('POST', `/api/admin/config${dryRun ? '?dryRun=1' : ''}`, { body: doc }),

  /** #17: the audit trail; `filters` as the address's query (only those that are set). */
  audit: (filters: AuditFilters, before?: number) => http<AuditPage>('GET', `/api/admin/audit?${auditQuery(filters, before)}`),
  auditCsvUrl: (filters: AuditFilters) => `/api/admin/audit.csv?${auditQuery(filters)}`,
};

/** The audit page's filters: local dates, a user id, an event type, a ticket number ('' = any). */
export interface AuditFilters {
  from: string;
  to: string;
  userId: string;
  type: string;
  number: string;
}

function auditQuery(f: AuditFilters, before?: number): string {
  const params = new URLSearchParams();
  for (const k of ['from', 'to', 'userId', 'type', 'number'] as const) if (f[k].trim() !== '') params.set(k, f[k].trim());
  if (before !== undefined) params.set('before', String(before));
  return params.toString();
}

/** DELETE names the version read: a stale one is 409 STALE, a record still in use 409 *_IN_USE. */
function remove(path: string, version: number) {
  return http<null>('DELETE', `${path}?version=${version}`, { body: {} });
}
