import type { Catalog } from '../format.js';
import type { de } from './de.js';

export type VisitorKey = keyof typeof de;
export type VisitorCatalog = Catalog<VisitorKey>;
