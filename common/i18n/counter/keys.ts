import type { Catalog } from '../format.js';
import type { de } from './de.js';

export type CounterKey = keyof typeof de;
export type CounterCatalog = Catalog<CounterKey>;
