import type { VisitorLanguage } from '../languages.js';
import { de } from './de.js';
import { en } from './en.js';
import { tr } from './tr.js';
import { ar } from './ar.js';
import { fa } from './fa.js';
import { ku } from './ku.js';
import { ru } from './ru.js';
import { uk } from './uk.js';
import { pl } from './pl.js';
import { ro } from './ro.js';
import { bg } from './bg.js';
import { sq } from './sq.js';
import { fr } from './fr.js';
import { ti } from './ti.js';
import type { VisitorCatalog } from './keys.js';

export type { VisitorCatalog, VisitorKey } from './keys.js';

/** Texts of the visitor's phone page, one catalog per visitor language. */
export const VISITOR_CATALOGS: Record<VisitorLanguage, VisitorCatalog> = { de, en, tr, ar, fa, ku, ru, uk, pl, ro, bg, sq, fr, ti };
