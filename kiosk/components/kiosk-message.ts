import { LitElement, css, html, nothing } from 'lit';
import type { KioskKey } from '../../common/i18n/kiosk/index.js';
import { kioskIntents } from '../intents.js';
import { needsHelp } from '../logic/error-texts.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles } from './shared-styles.js';
import './kiosk-icon.js';

/**
 * @summary Why something did not work and what to do now, announced to
 * screen readers; with `dismissible` it has an OK button.
 * @fires kiosk-intent dismiss
 */
export class KioskMessage extends LitElement {
  static override properties = {
    message: { type: String },
    dismissible: { type: Boolean },
  };

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      div[role='alert'] {
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 1rem 1.4rem;
        background: var(--k-warning-bg);
        color: var(--k-warning-text);
        border: var(--k-border-width) solid var(--k-warning-border);
        border-radius: var(--k-radius);
        font-size: 1.25rem;
      }
      .icon {
        font-size: 2.6rem;
      }
      .text {
        flex: 1;
        display: flex;
        flex-direction: column;
        gap: 0.3em;
      }
      strong {
        font-weight: 700;
      }
      button {
        font-size: 1.2rem;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  declare message: KioskKey;
  declare dismissible: boolean;

  constructor() {
    super();
    this.dismissible = false;
  }

  override render() {
    const { t } = this.texts.value;
    return html`<div role="alert">
      <kiosk-icon class="icon" name="warning"></kiosk-icon>
      <span class="text">
        <strong>${t(this.message)}</strong>
        ${needsHelp(this.message) ? html`<span>${t('askInformation')}</span>` : nothing}
      </span>
      ${this.dismissible
        ? html`<button class="primary" @click=${() => kioskIntents.fire(this, { type: 'dismiss' })}>${t('ok')}</button>`
        : nothing}
    </div>`;
  }
}

customElements.define('kiosk-message', KioskMessage);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-message': KioskMessage;
  }
}
