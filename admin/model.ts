/**
 * The admin API's records: the catalogue's from its schemas (common/admin-schemas.ts),
 * the users' as DESIGN-15 names them until common/user-schemas.ts lands.
 */
export type Role = 'admin' | 'supervisor' | 'staff';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  languages: string[];
  mustChangePassword?: boolean;
}

export type { AdminArea, AdminCounter, AdminOffice, AdminService } from '../common/admin-schemas.js';
export type { AdminDevice } from '../common/device-schemas.js';
export type { ConfigDocument, ConfigChangeRow, ImportResult } from '../common/config-schemas.js';
export type { DeviceTokenIssued, PrintOutcome } from '../common/dto.js';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  languages: string[];
  active: boolean;
  mustChangePassword: boolean;
  version: number;
}

export interface OneTimePassword {
  user: AdminUser;
  oneTimePassword: string;
}
