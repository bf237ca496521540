import { LitElement, css, html } from 'lit';
import { LANGUAGES } from '../common/i18n/languages.js';
import { visitorIntents } from './intents.js';
import { base } from './styles.js';
import { visitorTexts } from './texts.js';

/**
 * @summary The language switch: every language named in its own script, so a
 * visitor finds theirs whatever the page is showing now.
 * @fires visitor-intent language `{lang}` when another language is chosen
 */
export class VisitorLanguagePicker extends LitElement {
  private readonly texts = visitorTexts.consume(this);

  static override styles = [
    base,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        color: var(--muted);
        font-size: 0.95rem;
      }
      select {
        font: inherit;
        min-height: 44px;
        padding: 0.3rem 0.5rem;
        border: 2px solid var(--line);
        border-radius: 10px;
        background: var(--surface);
        color: var(--ink);
        max-width: 12rem;
      }
    `,
  ];

  override render() {
    const { lang, t } = this.texts.value;
    return html`<label for="lang">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="1.8"></circle>
          <path d="M2.5 12h19M12 2.5c3 3.2 3 15.8 0 19M12 2.5c-3 3.2-3 15.8 0 19" fill="none" stroke="currentColor" stroke-width="1.8"></path>
        </svg>
        ${t('language')}
      </label>
      <select id="lang" @change=${(e: Event) => visitorIntents.fire(this, { type: 'language', lang: (e.target as HTMLSelectElement).value })}>
        ${LANGUAGES.map(
          (l) => html`<option value=${l.code} lang=${l.code} dir=${l.dir} ?selected=${l.code === lang}>${l.name}</option>`,
        )}
      </select>`;
  }
}

customElements.define('visitor-language-picker', VisitorLanguagePicker);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-language-picker': VisitorLanguagePicker;
  }
}
