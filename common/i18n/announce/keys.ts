import type { Catalog } from '../format.js';
import type { de } from './de.js';

export type AnnounceKey = keyof typeof de;
export type AnnounceCatalog = Catalog<AnnounceKey>;
