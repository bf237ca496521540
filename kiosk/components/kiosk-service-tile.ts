import { LitElement, css, html, nothing } from 'lit';
import type { PublicService } from '../../common/dto.js';
import { kioskIntents } from '../intents.js';
import { closedText, serviceName } from '../logic/services.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles } from './shared-styles.js';
import './kiosk-icon.js';

/**
 * @summary One service as a large tile: pictogram, name in the visitor's
 * language with the German name underneath, people waiting and the expected
 * wait. A closed service stays visible with the reason; tapping it explains.
 * On the "I also need…" screen (`choosing`) the same tile is a toggle: pressed
 * with its place in the visit when chosen, disabled when it cannot be added.
 * @fires kiosk-intent service, or also while choosing
 */
export class KioskServiceTile extends LitElement {
  static override properties = {
    service: { attribute: false },
    priority: { type: Boolean },
    choosing: { type: Boolean },
    order: { type: Number },
    blocked: { type: Boolean },
  };

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        min-block-size: 0;
        min-inline-size: 0;
      }
      button {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: stretch;
        justify-content: flex-start;
        text-align: start;
        gap: 0.3rem;
        padding: 0.9rem 1.1rem;
        box-shadow: var(--k-shadow);
        overflow: hidden;
        container-type: inline-size;
      }
      /* The pictogram sits on its own line: the name gets the tile's full width for long German words. */
      .pictogram {
        font-size: 3rem;
        color: var(--k-primary);
      }
      .names {
        display: flex;
        flex-direction: column;
        gap: 0.1em;
        overflow-wrap: break-word;
        hyphens: auto;
      }
      /* Capped by the tile's width, so a long German compound ("Jugendmigrationsdienst") fits on one line. */
      .name {
        font-size: min(1.35rem, 7.8cqi);
        font-weight: 700;
        line-height: 1.2;
      }
      .de {
        font-size: 1rem;
        line-height: 1.25;
        color: var(--k-muted);
      }
      :host(:dir(rtl)) .de {
        text-align: right;
      }
      .facts {
        margin-block-start: auto;
        display: flex;
        flex-direction: column;
        gap: 0.15em;
        font-size: 1rem;
        line-height: 1.25;
      }
      .facts span {
        display: flex;
        align-items: center;
        gap: 0.4em;
      }
      .facts kiosk-icon {
        font-size: 1.2em;
      }
      /* Portrait tiles are wider and taller: larger facts (the name stays, for long German words). */
      @media (orientation: portrait) {
        .pictogram {
          font-size: 3.2rem;
        }
        .de,
        .facts {
          font-size: 1.1rem;
        }
      }
      .closed {
        background: var(--k-closed);
        border-style: dashed;
        box-shadow: none;
      }
      .closed .pictogram {
        color: var(--k-muted);
      }
      .reason {
        font-weight: 700;
      }
      button {
        position: relative;
      }
      /* Its place in the visit: 1 is the service chosen first, then the ones added. */
      .order {
        position: absolute;
        inset-block-start: 0.6rem;
        inset-inline-end: 0.6rem;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 0.2em;
        min-inline-size: 2.6rem;
        block-size: 2.6rem;
        padding-inline: 0.4rem;
        border-radius: 1.3rem;
        background: var(--k-on-selected);
        color: var(--k-selected);
        font-size: 1.4rem;
        font-weight: 700;
      }
      button[aria-pressed='true'] .pictogram,
      button[aria-pressed='true'] .de {
        color: inherit;
      }
      /* Two added already: the others rest (no opacity: the text keeps its contrast). */
      .blocked {
        border-style: dashed;
        box-shadow: none;
      }
    `,
  ];

  declare service: PublicService;
  private readonly texts = kioskTexts.consume(this);
  declare priority: boolean;
  /** On the "I also need…" screen: the tile adds or removes the service. */
  declare choosing: boolean;
  /** While choosing: the service's place in the visit (1 = first), 0 = not chosen. */
  declare order: number;
  /** While choosing: it cannot be added (closed, or two added already). */
  declare blocked: boolean;

  constructor() {
    super();
    this.priority = false;
    this.choosing = false;
    this.order = 0;
    this.blocked = false;
  }

  override render() {
    const s = this.service;
    const { lang } = this.texts.value;
    const name = serviceName(s, lang);
    const german = lang !== 'de' && s.names.de && s.names.de !== name ? s.names.de : null;
    const classes = [s.open ? '' : 'closed', this.choosing && this.blocked && this.order === 0 ? 'blocked' : ''].join(' ').trim();
    const disabled = this.choosing ? this.order === 1 || (this.order === 0 && this.blocked) : !s.open;
    return html`<button
      data-service=${s.id}
      class=${classes}
      aria-disabled=${disabled ? 'true' : 'false'}
      aria-pressed=${this.choosing ? (this.order > 0 ? 'true' : 'false') : nothing}
      @click=${() => kioskIntents.fire(this, this.choosing ? { type: 'also', serviceId: s.id } : { type: 'service', serviceId: s.id })}
    >
      ${this.choosing && this.order > 0
        ? html`<span class="order" data-order=${this.order} aria-hidden="true"><kiosk-icon name="check"></kiosk-icon>${this.order}</span>`
        : nothing}
      <kiosk-icon class="pictogram" name=${s.icon}></kiosk-icon>
      <span class="names">
        <span class="name">${name}</span>
        ${german ? html`<span class="de" lang="de" dir="ltr">${german}</span>` : nothing}
      </span>
      <span class="facts">${s.open ? this.openFacts() : this.closedFacts()}</span>
    </button>`;
  }

  private openFacts() {
    const s = this.service;
    const { t } = this.texts.value;
    return html`
      <span><kiosk-icon name="person"></kiosk-icon>${t('waiting', { count: s.waiting })}</span>
      <span><kiosk-icon name="clock"></kiosk-icon>${s.estimate ? t('estimate', { low: s.estimate.low, high: s.estimate.high }) : t('estimateUnknown')}</span>
      ${this.priority && !s.priorityEnabled ? html`<span><kiosk-icon name="priority"></kiosk-icon>${t('priorityNotHere')}</span>` : nothing}
    `;
  }

  private closedFacts() {
    return html`<span class="reason"><kiosk-icon name="closed"></kiosk-icon>${this.texts.value.t(closedText(this.service))}</span>`;
  }
}

customElements.define('kiosk-service-tile', KioskServiceTile);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-service-tile': KioskServiceTile;
  }
}
