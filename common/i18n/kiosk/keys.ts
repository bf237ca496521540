import type { Catalog } from '../format.js';
import type { de } from './de.js';

export type KioskKey = keyof typeof de;
export type KioskCatalog = Catalog<KioskKey>;
