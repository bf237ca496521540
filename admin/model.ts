import type { WeeklyHours } from '../common/model.js';

/**
 * The admin API's records as DESIGN-15 names them. When the servers' schema files
 * (common/admin-schemas.ts, common/user-schemas.ts) land, these become their Static types.
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

export interface AdminOffice {
  name: string;
  timeZone: string;
  holidays: string[];
  waitTargetMinutes: number;
  /** The queue rules of server/domain/settings.ts: numbers by name, shown as they come. */
  policy: Record<string, number>;
  checkin: Record<string, number>;
  estimate: Record<string, number>;
  version: number;
}

export interface AdminService {
  id: string;
  prefix: string;
  names: Record<string, string>;
  missingLanguages: string[];
  icon: string;
  hours: WeeklyHours;
  dailyLimit: number | null;
  defaultServiceMinutes: number;
  priorityEnabled: boolean;
  active: boolean;
  sortOrder: number;
  version: number;
}

export interface AdminArea {
  id: string;
  name: Record<string, string>;
  version: number;
}

export interface AdminCounter {
  id: string;
  name: string;
  area: string;
  primaryServiceIds: string[];
  secondaryServiceIds: string[];
  open: boolean;
  version: number;
}

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
