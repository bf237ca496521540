import { LitElement, css, html, nothing } from 'lit';
import type { PublicService } from '../../common/dto.js';
import type { KioskKey } from '../../common/i18n/kiosk/index.js';
import { kioskIntents } from '../intents.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles, screenStyles, tileGridStyles } from './shared-styles.js';
import './kiosk-header.js';
import './kiosk-icon.js';
import './kiosk-message.js';
import './kiosk-service-tile.js';

/**
 * @summary Choose a service: one tile per service, the appointment check-in
 * and, where the office grants it, the priority switch.
 * @fires kiosk-intent service, open-checkin, toggle-priority (and the header's)
 */
export class KioskServiceScreen extends LitElement {
  static override properties = {
    services: { attribute: false },
    contrast: { type: Boolean },
    priority: { type: Boolean },
    message: { type: String },
  };

  static override styles = [
    screenStyles,
    buttonStyles,
    tileGridStyles,
    css`
      main {
        position: relative;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1rem 1.5rem;
      }
      h1 {
        flex: 1 1 16ch;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .actions button {
        font-size: 1.25rem;
        flex: 1 1 auto;
      }
      .priority {
        flex-direction: column;
        align-items: flex-start;
        gap: 0.1em;
        text-align: start;
      }
      .priority .label {
        display: inline-flex;
        align-items: center;
        gap: 0.5em;
        font-weight: 700;
      }
      .priority small {
        font-size: 0.9rem;
      }
      .appointment {
        font-weight: 700;
      }
      /* Covers the tiles so a tap next to the message closes it instead of drawing a ticket. */
      .overlay {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: flex-end;
        padding: 2rem;
        background: var(--k-scrim);
      }
      .overlay kiosk-message {
        flex: 1;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  declare services: PublicService[];
  declare contrast: boolean;
  declare priority: boolean;
  declare message: KioskKey | null;

  constructor() {
    super();
    this.services = [];
    this.contrast = false;
    this.priority = false;
    this.message = null;
  }

  override render() {
    const { t } = this.texts.value;
    const offersPriority = this.services.some((s) => s.open && s.priorityEnabled);
    return html`
      <kiosk-header back language ?contrast=${this.contrast}></kiosk-header>
      <main>
        <div class="top">
          <h1>${t('chooseService')}</h1>
          <div class="actions">
            ${offersPriority
              ? html`<button
                  class="priority"
                  aria-pressed=${this.priority ? 'true' : 'false'}
                  @click=${() => kioskIntents.fire(this, { type: 'toggle-priority' })}
                >
                  <span class="label"><kiosk-icon name=${this.priority ? 'check' : 'priority'}></kiosk-icon>${t('priority')}</span>
                  <small>${t('priorityHint')}</small>
                </button>`
              : nothing}
            <button class="appointment" @click=${() => kioskIntents.fire(this, { type: 'open-checkin' })}>
              <kiosk-icon name="appointment"></kiosk-icon>${t('appointment')}
            </button>
          </div>
        </div>
        <div class="tiles">
          ${this.services.map(
            (s) => html`<kiosk-service-tile .service=${s} ?priority=${this.priority}></kiosk-service-tile>`,
          )}
        </div>
        ${this.message
          ? html`<div class="overlay" @click=${() => kioskIntents.fire(this, { type: 'dismiss' })}>
              <kiosk-message message=${this.message} dismissible></kiosk-message>
            </div>`
          : nothing}
      </main>
    `;
  }
}

customElements.define('kiosk-service-screen', KioskServiceScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-service-screen': KioskServiceScreen;
  }
}
