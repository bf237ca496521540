import { LitElement, css, html, nothing } from 'lit';
import { languageInfo } from '../../common/i18n/languages.js';
import { isLoaded } from '../catalogs.js';
import { kioskTexts, textsFor } from '../texts.js';
import { noticeStyles, screenStyles } from './shared-styles.js';
import './kiosk-icon.js';

/**
 * @summary Shown while the server cannot be reached (or the kiosk is set up
 * wrongly): never a browser error page, never a stale "open" service. In the
 * visitor's language, and in German and English for everyone else.
 */
export class KioskOutOfOrder extends LitElement {
  static override properties = {
    detail: { type: String },
  };

  static override styles = [
    screenStyles,
    noticeStyles,
    css`
      .detail {
        font-size: 1rem;
        color: var(--k-muted);
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  declare detail: string;

  constructor() {
    super();
    this.detail = '';
  }

  override render() {
    const current = this.texts.value;
    const langs = [...new Set([current.lang, 'de', 'en'] as const)].filter(isLoaded);
    return html`
      <kiosk-icon class="icon" name="out-of-order"></kiosk-icon>
      ${langs.map((code, i) => {
        const texts = textsFor(code, current.timeZone);
        const first = i === 0;
        return html`<section lang=${code} dir=${languageInfo(code)?.dir ?? 'ltr'}>
          ${first ? html`<h1>${texts.t('outOfOrder')}</h1>` : html`<h2>${texts.t('outOfOrder')}</h2>`}
          <p>${texts.t('outOfOrderHint')}</p>
        </section>`;
      })}
      ${this.detail ? html`<p class="detail" lang="de">${this.detail}</p>` : nothing}
    `;
  }
}

customElements.define('kiosk-out-of-order', KioskOutOfOrder);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-out-of-order': KioskOutOfOrder;
  }
}
