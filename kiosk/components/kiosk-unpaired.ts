import { LitElement, css, html } from 'lit';
import { languageInfo } from '../../common/i18n/languages.js';
import { isLoaded } from '../catalogs.js';
import { kioskTexts, textsFor } from '../texts.js';
import { noticeStyles, screenStyles } from './shared-styles.js';
import './kiosk-icon.js';

/**
 * @summary Shown on a kiosk page that holds no valid device token (#13 part
 * 1): never paired, or its token was rotated or revoked. Visitors read that
 * no numbers can be drawn here, in the current language, German and English;
 * staff read how to pair it.
 */
export class KioskUnpaired extends LitElement {
  static override properties = {
    loaded: { type: Boolean },
  };

  static override styles = [
    screenStyles,
    noticeStyles,
    css`
      .staff {
        font-size: 1.1rem;
        color: var(--k-muted);
        max-width: 50rem;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  /** Set once the other languages' texts have arrived (German is built in): renders English and the visitor's language then. */
  declare loaded: boolean;

  constructor() {
    super();
    this.loaded = false;
  }

  override render() {
    const current = this.texts.value;
    const langs = [...new Set([current.lang, 'de', 'en'] as const)].filter(isLoaded);
    return html`
      <kiosk-icon class="icon" name="out-of-order"></kiosk-icon>
      ${langs.map((code, i) => {
        const texts = textsFor(code, current.timeZone);
        return html`<section lang=${code} dir=${languageInfo(code)?.dir ?? 'ltr'}>
          ${i === 0 ? html`<h1>${texts.t('notRegistered')}</h1>` : html`<h2>${texts.t('notRegistered')}</h2>`}
          <p>${texts.t('notRegisteredHint')}</p>
        </section>`;
      })}
      <p class="staff" lang="de">${textsFor('de', current.timeZone).t('notRegisteredStaff')}</p>
    `;
  }
}

customElements.define('kiosk-unpaired', KioskUnpaired);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-unpaired': KioskUnpaired;
  }
}
