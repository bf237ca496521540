import type { Catalog } from '../format.js';
import type { de } from './de.js';

export type TicketKey = keyof typeof de;
export type TicketCatalog = Catalog<TicketKey>;
