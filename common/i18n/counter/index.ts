import { de } from './de.js';
import { en } from './en.js';
import type { CounterCatalog } from './keys.js';

export type { CounterCatalog, CounterKey } from './keys.js';

/** Staff UI languages of the counter app. */
export const COUNTER_LANGUAGES = ['de', 'en'] as const;
export type CounterLanguage = (typeof COUNTER_LANGUAGES)[number];

export const COUNTER_CATALOGS: Record<CounterLanguage, CounterCatalog> = { de, en };
