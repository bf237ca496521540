import { LitElement, css, html } from 'lit';
import type { PublicService } from '../../common/dto.js';
import { kioskIntents } from '../intents.js';
import { MAX_ALSO } from '../logic/kiosk-state.js';
import { canAdd } from '../logic/visit.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles, screenStyles, tileGridStyles } from './shared-styles.js';
import './kiosk-header.js';
import './kiosk-icon.js';
import './kiosk-service-tile.js';

/**
 * @summary "I also need…" (#17): after the first tile, the same tiles again;
 * the chosen ones are marked with their place in the visit, up to two more
 * can be added, and one large button draws the ticket, so skipping the step
 * is a single tap.
 * @fires kiosk-intent also, draw-visit (and the header's)
 */
export class KioskAlsoScreen extends LitElement {
  static override properties = {
    services: { attribute: false },
    chosen: { attribute: false },
    contrast: { type: Boolean },
    priority: { type: Boolean },
  };

  static override styles = [
    screenStyles,
    buttonStyles,
    tileGridStyles,
    css`
      .hint {
        font-size: 1.3rem;
        line-height: 1.35;
      }
      .draw {
        min-block-size: 6rem;
        font-size: 1.6rem;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  declare services: PublicService[];
  /** The first service, then the ones added, in order. */
  declare chosen: string[];
  declare contrast: boolean;
  declare priority: boolean;

  constructor() {
    super();
    this.services = [];
    this.chosen = [];
    this.contrast = false;
    this.priority = false;
  }

  override render() {
    const { t } = this.texts.value;
    const added = this.chosen.length - 1;
    return html`
      <kiosk-header back language ?contrast=${this.contrast}></kiosk-header>
      <main>
        <h1>${t('alsoTitle')}</h1>
        <p class="hint">${t('alsoHint')}</p>
        <div class="tiles">
          ${this.services.map((s) => {
            const order = this.chosen.indexOf(s.id) + 1;
            return html`<kiosk-service-tile
              .service=${s}
              ?priority=${this.priority}
              choosing
              order=${order}
              ?blocked=${order === 0 && !canAdd(s, this.chosen, MAX_ALSO)}
            ></kiosk-service-tile>`;
          })}
        </div>
        <button class="primary draw" data-count=${this.chosen.length} @click=${() => kioskIntents.fire(this, { type: 'draw-visit' })}>
          <kiosk-icon name="check"></kiosk-icon>${added > 0 ? t('alsoDraw', { count: this.chosen.length }) : t('alsoSkip')}
        </button>
      </main>
    `;
  }
}

customElements.define('kiosk-also-screen', KioskAlsoScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-also-screen': KioskAlsoScreen;
  }
}
