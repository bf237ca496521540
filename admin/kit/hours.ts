import { html, type TemplateResult } from 'lit';
import type { OpeningPeriod } from '../../common/model.js';
import type { AdminForm } from './admin-form.js';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Monday … Sunday in the user's language (ISO weekday 1 = Monday; 2024-01-01 was one). */
function dayName(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, Number(day)));
}

/** Weekly hours: per day any number of periods from–to; the server names a wrong one as `hours.<day>.<i>.<from|to>`. */
export function hoursEditor(form: AdminForm, path: string, lang: string): TemplateResult {
  const hours = (form.value(path) ?? {}) as Record<string, OpeningPeriod[] | undefined>;
  const setDay = (day: string, periods: OpeningPeriod[]) => form.set(path, { ...hours, [day]: periods });
  return html`<fieldset data-field=${path}>
    <legend>${form.t('hours')}</legend>
    <p class="field-error">${form.failure?.field === path ? form.errorAt(path) : ''}</p>
    ${DAYS.map((day) => {
      const periods = hours[day] ?? [];
      const name = dayName(day, lang);
      return html`<fieldset data-day=${day}>
        <legend>${name}</legend>
        ${periods.length === 0 ? html`<p class="hint">${form.t('closedAllDay')}</p>` : ''}
        ${periods.map((p, i) => {
          const at = `${path}.${day}.${i}`;
          const time = (end: 'from' | 'to') => {
            const id = `f-${at.replace(/\./g, '-')}-${end}`;
            const error = form.errorAt(`${at}.${end}`) || (end === 'to' && form.failure?.field === at ? form.errorAt(at) : '');
            return html`<span class="field" data-field=${`${at}.${end}`}>
              <label for=${id}>${form.t(end === 'from' ? 'periodFrom' : 'periodTo', { day: name, n: i + 1 })}</label>
              <input
                id=${id}
                type="time"
                .value=${p[end]}
                required
                ?disabled=${form.readOnly}
                aria-describedby=${`${id}-error`}
                aria-invalid=${error ? 'true' : 'false'}
                @input=${(e: Event) => setDay(day, periods.map((q, j) => (j === i ? { ...q, [end]: (e.target as HTMLInputElement).value } : q)))}
              />
              <span class="field-error" id=${`${id}-error`}>${error}</span>
            </span>`;
          };
          return html`<div class="actions period">
            ${time('from')} ${time('to')}
            <button
              type="button"
              ?hidden=${form.readOnly}
              aria-label=${form.t('removePeriod', { day: name, n: i + 1 })}
              title=${form.t('removePeriod', { day: name, n: i + 1 })}
              @click=${() => setDay(day, periods.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>`;
        })}
        <button type="button" ?hidden=${form.readOnly} @click=${() => setDay(day, [...periods, { from: '08:00', to: '12:00' }])}>
          ${form.t('addPeriod', { day: name })}
        </button>
      </fieldset>`;
    })}
  </fieldset>`;
}
