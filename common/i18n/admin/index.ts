import { de } from './de.js';
import { en } from './en.js';
import type { AdminCatalog } from './keys.js';

export type { AdminCatalog, AdminKey } from './keys.js';

/** UI languages of the admin app. */
export const ADMIN_LANGUAGES = ['de', 'en'] as const;
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number];

export const ADMIN_CATALOGS: Record<AdminLanguage, AdminCatalog> = { de, en };
