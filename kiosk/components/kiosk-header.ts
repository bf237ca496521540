import { LitElement, css, html, nothing } from 'lit';
import { languageInfo } from '../../common/i18n/languages.js';
import { kioskIntents } from '../intents.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles } from './shared-styles.js';
import './kiosk-icon.js';

/**
 * @summary The bar on top of every screen: back at the start edge, the
 * language and the contrast switch at the end edge (mirrored in Arabic and Persian).
 * @fires kiosk-intent back, show-languages, toggle-contrast
 */
export class KioskHeader extends LitElement {
  static override properties = {
    back: { type: Boolean },
    language: { type: Boolean },
    contrast: { type: Boolean },
  };

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 0.7rem 1.5rem;
        background: var(--k-bar);
        border-block-end: var(--k-border-width) solid var(--k-border);
      }
      .spacer {
        flex: 1;
      }
      button {
        font-size: 1.1rem;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  declare back: boolean;
  declare language: boolean;
  declare contrast: boolean;

  constructor() {
    super();
    this.back = false;
    this.language = false;
    this.contrast = false;
  }

  override render() {
    const { t, lang } = this.texts.value;
    const own = languageInfo(lang)?.name ?? lang;
    return html`
      ${this.back
        ? html`<button class="back" @click=${() => kioskIntents.fire(this, { type: 'back' })}>
            <kiosk-icon name="back"></kiosk-icon>${t('back')}
          </button>`
        : nothing}
      <span class="spacer"></span>
      ${this.language
        ? html`<button class="language" aria-label=${`${t('changeLanguage')}: ${own}`} @click=${() => kioskIntents.fire(this, { type: 'show-languages' })}>
            <kiosk-icon name="globe"></kiosk-icon>${own}
          </button>`
        : nothing}
      <button class="contrast" aria-pressed=${this.contrast ? 'true' : 'false'} @click=${() => kioskIntents.fire(this, { type: 'toggle-contrast' })}>
        <kiosk-icon name="contrast"></kiosk-icon>${t('contrast')}
      </button>
    `;
  }
}

customElements.define('kiosk-header', KioskHeader);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-header': KioskHeader;
  }
}
