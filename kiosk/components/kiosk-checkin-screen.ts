import { LitElement, css, html, nothing } from 'lit';
import type { KioskKey } from '../../common/i18n/kiosk/index.js';
import { kioskIntents } from '../intents.js';
import { CODE_MIN_LENGTH, CODE_SLOTS } from '../logic/booking-code.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles, screenStyles } from './shared-styles.js';
import './kiosk-header.js';
import './kiosk-icon.js';
import './kiosk-keypad.js';
import './kiosk-message.js';

/**
 * @summary Appointment check-in: the booking code typed on the keypad (or
 * read by the scanner), and why it failed, in the visitor's language.
 * @fires kiosk-intent submit-code (and the keypad's and header's)
 */
export class KioskCheckinScreen extends LitElement {
  static override properties = {
    code: { type: String },
    contrast: { type: Boolean },
    message: { type: String },
  };

  static override styles = [
    screenStyles,
    buttonStyles,
    css`
      main {
        flex: 1;
        display: grid;
        grid-template-rows: auto auto 1fr auto;
        gap: 1.2rem;
        padding: 1.5rem 2rem 2rem;
        min-block-size: 0;
      }
      @media (orientation: landscape) {
        main {
          grid-template-columns: 1fr 1.3fr;
          grid-template-rows: auto auto 1fr auto;
          column-gap: 2.5rem;
        }
        .intro {
          grid-column: 1;
          grid-row: 1 / span 2;
        }
        .entry {
          grid-column: 1;
          grid-row: 3;
        }
        kiosk-keypad {
          grid-column: 2;
          grid-row: 1 / span 3;
        }
        .submit {
          grid-column: 1 / span 2;
        }
      }
      .intro {
        display: flex;
        flex-direction: column;
        gap: 0.7rem;
        font-size: 1.25rem;
      }
      .scan {
        display: flex;
        align-items: center;
        gap: 0.6em;
      }
      .scan kiosk-icon {
        font-size: 2.2em;
        color: var(--k-primary);
      }
      .entry {
        display: flex;
        flex-direction: column;
        gap: 1rem;
      }
      output {
        display: flex;
        justify-content: center;
        gap: 0.4rem;
        font-size: 3rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      output span {
        inline-size: 1.2em;
        block-size: 1.5em;
        display: grid;
        place-items: center;
        border-block-end: 0.12em solid var(--k-border);
        background: var(--k-surface);
      }
      .submit {
        font-size: 1.6rem;
        min-block-size: 110px;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  declare code: string;
  declare contrast: boolean;
  declare message: KioskKey | null;

  constructor() {
    super();
    this.code = '';
    this.contrast = false;
    this.message = null;
  }

  override render() {
    const { t } = this.texts.value;
    const slots = Math.max(CODE_SLOTS, this.code.length);
    const ready = this.code.length >= CODE_MIN_LENGTH;
    return html`
      <kiosk-header back language ?contrast=${this.contrast}></kiosk-header>
      <main>
        <div class="intro">
          <h1>${t('checkinTitle')}</h1>
          <p>${t('checkinHint')}</p>
          <p class="scan"><kiosk-icon name="scan"></kiosk-icon>${t('scanHint')}</p>
        </div>
        <div class="entry">
          <output dir="ltr" aria-label=${t('code')} aria-live="polite" data-code=${this.code}>
            ${Array.from({ length: slots }, (_, i) => html`<span>${this.code[i] ?? ''}</span>`)}
          </output>
          ${this.message ? html`<kiosk-message message=${this.message}></kiosk-message>` : nothing}
        </div>
        <kiosk-keypad></kiosk-keypad>
        <button
          class="submit primary"
          aria-disabled=${ready ? 'false' : 'true'}
          @click=${() => ready && kioskIntents.fire(this, { type: 'submit-code' })}
        >
          <kiosk-icon name="check"></kiosk-icon>${t('checkIn')}
        </button>
      </main>
    `;
  }
}

customElements.define('kiosk-checkin-screen', KioskCheckinScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-checkin-screen': KioskCheckinScreen;
  }
}
