import { html, svg, type TemplateResult } from 'lit';
import { ICONS } from '../../common/client/icons.js';
import type { AdminForm } from './admin-form.js';

/** The shipped pictograms as radio buttons, drawn as the kiosk draws them. */
export function iconPicker(form: AdminForm, path: string, icons: readonly string[]): TemplateResult {
  const chosen = form.value(path);
  const error = form.errorAt(path);
  return html`<fieldset class="icons" data-field=${path} aria-describedby="icon-error">
    <legend>${form.t('icon')}</legend>
    <div class="icon-grid">
      ${icons.map(
        (name) => html`<label class="icon" title=${name}>
          <input type="radio" name="icon" value=${name} .checked=${chosen === name} ?disabled=${form.readOnly} @change=${() => form.set(path, name)} />
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name] ?? ICONS.dot ?? svg``}</svg>
          <span>${name}</span>
        </label>`,
      )}
    </div>
    <p class="field-error" id="icon-error">${error}</p>
  </fieldset>`;
}
