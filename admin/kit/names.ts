import { html, type TemplateResult } from 'lit';
import { LANGUAGES, textDirection } from '../../common/i18n/languages.js';
import type { AdminForm } from './admin-form.js';

/** A name in every visitor language: German required, the others optional (they fall back to German). */
export function namesFieldset(form: AdminForm, path: string, legend: string, lang: string): TemplateResult {
  const names = (form.value(path) ?? {}) as Record<string, string>;
  const missing = LANGUAGES.filter((l) => l.code !== 'de' && !names[l.code]?.trim());
  const listName = (code: string, nameDe: string) => (lang === 'de' ? nameDe : (new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code));
  return html`<fieldset data-field=${path}>
    <legend>${legend}</legend>
    <div class="grid2">
    ${LANGUAGES.map((l) => {
      const id = `f-${path}-${l.code}`;
      const error = form.errorAt(`${path}.${l.code}`);
      return html`<div class="field" data-field=${`${path}.${l.code}`}>
        <label for=${id}>${l.code === 'de' ? form.t('nameRequired', { language: l.name }) : l.name}</label>
        <input
          id=${id}
          lang=${l.code}
          dir=${textDirection(l.code)}
          .value=${names[l.code] ?? ''}
          ?required=${l.code === 'de'}
          maxlength="120"
          ?disabled=${form.readOnly}
          aria-describedby=${`${id}-error`}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${(e: Event) => form.set(`${path}.${l.code}`, (e.target as HTMLInputElement).value)}
        />
        <p class="field-error" id=${`${id}-error`}>${error}</p>
      </div>`;
    })}
    </div>
    <p class="hint" data-missing>
      ${missing.length === 0 ? form.t('noNamesMissing') : form.t('namesMissing', { list: missing.map((l) => listName(l.code, l.nameDe)).join(', ') })}
    </p>
  </fieldset>`;
}

/** Names without the empty ones: a cleared name falls back to German again. */
export function cleanNames(names: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((names ?? {}) as Record<string, unknown>)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return out;
}
