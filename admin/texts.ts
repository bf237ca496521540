import { createContext } from '../common/client/context.js';
import type { HttpFailure } from '../common/client/http.js';
import { makeTexts, type Texts } from '../common/client/texts.js';
import { ADMIN_CATALOGS, type AdminKey } from '../common/i18n/admin/index.js';

export type AdminTexts = Texts<AdminKey>;

/** Provided by admin-app; every admin element consumes it. */
export const adminTexts = createContext<AdminTexts>('admin-texts');

export function adminTextsFor(lang: string, timeZone: string | null): AdminTexts {
  return makeTexts(ADMIN_CATALOGS, lang, timeZone);
}

/** A refusal in the user's language where its code has a text, else the server's own message. */
export function failureText(texts: AdminTexts, failure: Pick<HttpFailure, 'code' | 'message'>): string {
  const key = `err_${failure.code}`;
  return key in ADMIN_CATALOGS.de ? texts.t(key as AdminKey) : failure.message;
}
