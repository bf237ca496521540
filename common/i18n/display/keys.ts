import type { Catalog } from '../format.js';
import type { de } from './de.js';

export type DisplayKey = keyof typeof de;
export type DisplayCatalog = Catalog<DisplayKey>;
