import { LitElement, css, html, nothing } from 'lit';
import type { PublicService } from '../../common/dto.js';
import { fireIntent } from '../events.js';
import type { Issued } from '../logic/kiosk-state.js';
import { printState } from '../logic/print-state.js';
import { serviceName } from '../logic/services.js';
import type { Texts } from '../texts.js';
import { buttonStyles, screenStyles } from './shared-styles.js';
import './kiosk-header.js';
import './kiosk-icon.js';
import './kiosk-qr-code.js';

/**
 * @summary The drawn ticket: the number in very large type, service, time,
 * people ahead, the expected wait and a QR code to the phone page. The texts
 * are the printed ticket's, so screen and paper say the same.
 * @fires kiosk-intent done (and the header's)
 */
export class KioskTicketScreen extends LitElement {
  static override properties = {
    texts: { attribute: false },
    issued: { attribute: false },
    service: { attribute: false },
    contrast: { type: Boolean },
    secondsLeft: { type: Number },
  };

  static override styles = [
    screenStyles,
    buttonStyles,
    css`
      main {
        flex: 1;
        display: grid;
        grid-template-columns: 1fr;
        grid-template-rows: auto 1fr auto;
        gap: 1.5rem;
        padding: 1.5rem 2rem 2rem;
        min-block-size: 0;
      }
      @media (orientation: landscape) {
        main {
          grid-template-columns: 1.2fr 1fr;
          grid-template-rows: 1fr auto;
          column-gap: 3rem;
        }
        footer {
          grid-column: 1 / span 2;
        }
      }
      .card {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.8rem;
        padding: 1.5rem;
        text-align: center;
        background: var(--k-surface);
        border: var(--k-border-width) solid var(--k-border);
        border-radius: var(--k-radius);
        box-shadow: var(--k-shadow);
      }
      .checked-in {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        font-size: 1.4rem;
        font-weight: 700;
        color: var(--k-success);
      }
      h1 {
        display: flex;
        flex-direction: column;
        align-items: center;
      }
      h1 .label {
        font-size: 1.6rem;
        font-weight: 600;
      }
      h1 .number {
        font-size: min(11rem, 22vmin);
        line-height: 1.05;
        font-weight: 800;
        letter-spacing: 0.02em;
        font-variant-numeric: tabular-nums;
      }
      .service {
        display: flex;
        align-items: center;
        gap: 0.6em;
        font-size: 1.5rem;
        font-weight: 700;
        text-align: start;
      }
      .service kiosk-icon {
        font-size: 2em;
        color: var(--k-primary);
      }
      .service .de {
        display: block;
        font-size: 0.75em;
        font-weight: 400;
      }
      :host(:dir(rtl)) .service .de {
        text-align: right;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        padding: 0.2em 0.8em;
        border-radius: 999px;
        background: var(--k-selected);
        color: var(--k-on-selected);
        font-weight: 700;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        font-size: 1.35rem;
        align-self: stretch;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.6em;
        text-align: start;
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 1.2rem;
        font-size: 1.3rem;
      }
      .print {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        padding: 1rem 1.2rem;
        border-radius: var(--k-radius);
        border: var(--k-border-width) solid var(--k-border);
        background: var(--k-surface);
      }
      .print.failed {
        background: var(--k-warning-bg);
        color: var(--k-warning-text);
        border-color: var(--k-warning-border);
      }
      .print kiosk-icon {
        font-size: 2.4em;
      }
      .print span {
        display: flex;
        flex-direction: column;
        gap: 0.2em;
      }
      .qr {
        display: flex;
        align-items: center;
        gap: 1.2rem;
      }
      kiosk-qr-code {
        inline-size: min(16rem, 30vmin);
        flex: none;
      }
      .wait {
        display: flex;
        align-items: center;
        gap: 0.6em;
        font-weight: 700;
        font-size: 1.4rem;
      }
      .wait kiosk-icon {
        font-size: 2em;
        color: var(--k-primary);
      }
      footer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        font-size: 1.2rem;
      }
      footer button {
        font-size: 1.5rem;
        min-inline-size: 12rem;
        min-block-size: 96px;
      }
    `,
  ];

  declare texts: Texts;
  declare issued: Issued;
  declare service: PublicService | undefined;
  declare contrast: boolean;
  declare secondsLeft: number;

  constructor() {
    super();
    this.contrast = false;
    this.secondsLeft = 0;
  }

  override render() {
    const { t, ticket: tt, lang } = this.texts;
    const { ticket, kind, priority } = this.issued;
    const name = this.service ? serviceName(this.service, lang) : '';
    const german = lang !== 'de' && this.service?.names.de && this.service.names.de !== name ? this.service.names.de : null;
    const ahead = ticket.position === null ? null : Math.max(0, ticket.position - 1);
    return html`
      <kiosk-header .texts=${this.texts} ?contrast=${this.contrast}></kiosk-header>
      <main>
        <section class="card">
          ${kind === 'appointment' ? html`<p class="checked-in"><kiosk-icon name="check"></kiosk-icon>${t('checkedIn')}</p>` : nothing}
          <h1>
            <span class="label">${tt('yourNumber')}</span>
            <span class="number" dir="ltr" data-number=${ticket.number}>${ticket.number}</span>
          </h1>
          ${this.service
            ? html`<p class="service">
                <kiosk-icon name=${this.service.icon}></kiosk-icon>
                <span>${name}${german ? html`<span class="de" lang="de" dir="ltr">${german}</span>` : nothing}</span>
              </p>`
            : nothing}
          ${priority ? html`<p class="badge"><kiosk-icon name="priority"></kiosk-icon>${t('priorityGranted')}</p>` : nothing}
          <ul>
            ${ticket.appointmentAt === null
              ? nothing
              : html`<li><kiosk-icon name="calendar"></kiosk-icon>${tt('appointmentAt', { time: this.texts.time(ticket.appointmentAt) })}</li>`}
            <li><kiosk-icon name="clock"></kiosk-icon>${tt('drawnAt', { time: this.texts.time(ticket.issuedAt) })}</li>
            ${ahead === null ? nothing : html`<li><kiosk-icon name="people"></kiosk-icon>${tt('ahead', { ahead })}</li>`}
            <li>
              <kiosk-icon name="clock"></kiosk-icon>
              ${ticket.estimate ? tt('estimate', { low: ticket.estimate.low, high: ticket.estimate.high }) : tt('estimateUnknown')}
            </li>
          </ul>
        </section>
        <div class="side">
          ${this.renderPrint()}
          <div class="qr">
            <kiosk-qr-code value=${ticket.statusUrl} label=${tt('scanQr')}></kiosk-qr-code>
            <p><kiosk-icon name="phone"></kiosk-icon> ${tt('scanQr')}</p>
          </div>
          <p class="wait"><kiosk-icon name="screen"></kiosk-icon>${tt('pleaseWait')}</p>
        </div>
        <footer>
          <p aria-live="off">${t('backToStart', { seconds: this.secondsLeft })}</p>
          <button class="primary done" @click=${() => fireIntent(this, { type: 'done' })}>
            <kiosk-icon name="check"></kiosk-icon>${t('done')}
          </button>
        </footer>
      </main>
    `;
  }

  private renderPrint() {
    const { t } = this.texts;
    switch (printState(this.issued.ticket)) {
      case 'printed':
        return html`<p class="print printed"><kiosk-icon name="printer"></kiosk-icon><strong>${t('takeTicket')}</strong></p>`;
      case 'failed':
        return html`<p class="print failed" role="alert">
          <kiosk-icon name="warning"></kiosk-icon>
          <span><strong>${t('printFailed')}</strong>${t('rememberNumber')}</span>
        </p>`;
      case 'none':
        return html`<p class="print none"><kiosk-icon name="phone"></kiosk-icon><span>${t('rememberNumber')}</span></p>`;
    }
  }
}

customElements.define('kiosk-ticket-screen', KioskTicketScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-ticket-screen': KioskTicketScreen;
  }
}
