import type { Catalog } from '../format.js';
import type { de } from './de.js';

export type AdminKey = keyof typeof de;
export type AdminCatalog = Catalog<AdminKey>;
