import { LitElement, css, html } from 'lit';
import { CODE_KEYS } from '../logic/booking-code.js';
import { kioskIntents } from '../intents.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles } from './shared-styles.js';
import './kiosk-icon.js';

/**
 * @summary The on-screen keypad for booking codes: only the characters a
 * code can contain, digits first. Always left to right, as codes are.
 * @fires kiosk-intent key, delete
 */
export class KioskKeypad extends LitElement {
  static override properties = {
  };

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(8, minmax(72px, 1fr));
        grid-auto-rows: minmax(72px, 1fr);
        gap: 0.6rem;
      }
      button {
        font-size: 1.8rem;
        font-weight: 700;
        padding: 0;
      }
      .delete {
        color: var(--k-on-primary);
        background: var(--k-danger);
        border-color: var(--k-danger);
      }
      .delete kiosk-icon {
        font-size: 1.6em;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('dir', 'ltr');
    this.setAttribute('role', 'group');
  }

  override render() {
    return html`
      ${CODE_KEYS.map((char) => html`<button @click=${() => kioskIntents.fire(this, { type: 'key', char })}>${char}</button>`)}
      <button class="delete" aria-label=${this.texts.value.t('deleteKey')} @click=${() => kioskIntents.fire(this, { type: 'delete' })}>
        <kiosk-icon name="delete"></kiosk-icon>
      </button>
    `;
  }
}

customElements.define('kiosk-keypad', KioskKeypad);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-keypad': KioskKeypad;
  }
}
