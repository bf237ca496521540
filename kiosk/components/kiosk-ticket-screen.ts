import { LitElement, html, nothing } from 'lit';
import type { PublicService } from '../../common/dto.js';
import { kioskIntents } from '../intents.js';
import type { Issued } from '../logic/kiosk-state.js';
import { printState } from '../logic/print-state.js';
import { serviceName } from '../logic/services.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles, screenStyles } from './shared-styles.js';
import { ticketScreenStyles } from './kiosk-ticket-screen.styles.js';
import './kiosk-header.js';
import './kiosk-icon.js';
import './kiosk-qr-code.js';

/**
 * @summary The drawn ticket: the number in very large type, service (a visit
 * of several: all of them, in the order they come, #17), time,
 * people ahead, the expected wait and a QR code to the phone page. The texts
 * are the printed ticket's, so screen and paper say the same.
 * @fires kiosk-intent done (and the header's)
 */
export class KioskTicketScreen extends LitElement {
  static override properties = {
    issued: { attribute: false },
    service: { attribute: false },
    contrast: { type: Boolean },
    secondsLeft: { type: Number },
  };

  static override styles = [screenStyles, buttonStyles, ticketScreenStyles];

  private readonly texts = kioskTexts.consume(this);
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
    const { t, ticket: tt, time } = this.texts.value;
    const { ticket, kind, priority, next } = this.issued;
    const ahead = ticket.position === null ? null : Math.max(0, ticket.position - 1);
    return html`
      <kiosk-header ?contrast=${this.contrast}></kiosk-header>
      <main>
        <section class="card">
          ${kind === 'appointment' ? html`<p class="checked-in"><kiosk-icon name="check"></kiosk-icon>${t('checkedIn')}</p>` : nothing}
          <h1>
            <span class="label">${tt('yourNumber')}</span>
            <span class="number" dir="ltr" data-number=${ticket.number}>${ticket.number}</span>
          </h1>
          ${this.service && next.length > 0
            ? html`<div class="visit">
                <p class="visit-label">${t('visitOrder')}</p>
                <ol>
                  ${[this.service, ...next].map(
                    (s, i) => html`<li class="service" data-service=${s.id}><span class="step" aria-hidden="true">${i + 1}</span>${this.serviceLine(s)}</li>`,
                  )}
                </ol>
              </div>`
            : this.service
              ? html`<p class="service">${this.serviceLine(this.service)}</p>`
              : nothing}
          ${priority ? html`<p class="badge"><kiosk-icon name="priority"></kiosk-icon>${t('priorityGranted')}</p>` : nothing}
          <ul>
            ${ticket.appointmentAt === null
              ? nothing
              : html`<li><kiosk-icon name="calendar"></kiosk-icon>${tt('appointmentAt', { time: time(ticket.appointmentAt) })}</li>`}
            <li><kiosk-icon name="clock"></kiosk-icon>${tt('drawnAt', { time: time(ticket.issuedAt) })}</li>
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
          <button class="primary done" @click=${() => kioskIntents.fire(this, { type: 'done' })}>
            <kiosk-icon name="check"></kiosk-icon>${t('done')}
          </button>
        </footer>
      </main>
    `;
  }

  /** Pictogram and name, with the German name underneath in another language. */
  private serviceLine(service: PublicService) {
    const { lang } = this.texts.value;
    const name = serviceName(service, lang);
    const german = lang !== 'de' && service.names.de && service.names.de !== name ? service.names.de : null;
    return html`<kiosk-icon name=${service.icon}></kiosk-icon>
      <span>${name}${german ? html`<span class="de" lang="de" dir="ltr">${german}</span>` : nothing}</span>`;
  }

  private renderPrint() {
    const { t } = this.texts.value;
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
