import { LitElement, css, html, nothing } from 'lit';
import type { PublicTicket } from '../common/dto.js';
import { base } from './styles.js';
import { visitorTexts } from './texts.js';
import { serviceList } from './visit.js';

/**
 * @summary The ticket as the visitor follows it: number, service, where they
 * stand (or what happened), the services still to come in a visit of several
 * ("next: …", #17) and when they drew it. Status changes are announced
 * politely to screen readers.
 */
export class VisitorTicketCard extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    serviceName: { attribute: false },
    nextServices: { attribute: false },
  };

  declare ticket: PublicTicket;
  private readonly texts = visitorTexts.consume(this);
  declare serviceName: string;
  /** The names of the services still to come in this visit, in order; empty for one service. */
  declare nextServices: readonly string[];

  constructor() {
    super();
    this.nextServices = [];
  }

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .card {
        background: var(--surface);
        border-radius: var(--radius);
        padding: 1.25rem 1.25rem 1rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
      }
      .label {
        margin: 0;
        color: var(--muted);
        font-size: 0.95rem;
      }
      h1 {
        margin: 0.1rem 0 0.5rem;
        font-size: 4.5rem;
        line-height: 1;
        letter-spacing: 0.02em;
        font-variant-numeric: tabular-nums;
        direction: ltr;
        unicode-bidi: isolate;
      }
      .service {
        margin: 0 0 1rem;
        font-size: 1.15rem;
        font-weight: 600;
      }
      .status {
        border-top: 1px solid var(--line);
        padding-top: 1rem;
      }
      .headline {
        margin: 0 0 0.4rem;
        font-size: 1.45rem;
        font-weight: 700;
        line-height: 1.3;
      }
      .called .headline {
        color: var(--ok);
      }
      .line {
        margin: 0 0 0.4rem;
        font-size: 1.1rem;
        line-height: 1.45;
      }
      .next {
        margin: -0.6rem 0 1rem;
        font-size: 1.05rem;
        font-weight: 600;
        color: var(--accent);
      }
      .transferred {
        margin: 0 0 1rem;
        padding: 0.6rem 0.8rem;
        border-inline-start: 4px solid var(--accent);
        background: #e8f0fe;
        border-radius: 6px;
      }
      .drawn {
        margin: 0.8rem 0 0;
        color: var(--muted);
      }
    `,
  ];

  private statusLines() {
    const { ticket: tk } = this;
    const x = this.texts.value;
    switch (tk.status) {
      case 'waiting': {
        const ahead = Math.max(0, (tk.position ?? 1) - 1);
        const wait = tk.estimate ? x.ticket('estimate', { low: tk.estimate.low, high: tk.estimate.high }) : x.ticket('estimateUnknown');
        return html`<p class="headline">${x.ticket('ahead', { ahead })}</p>
          <p class="line">${wait}</p>`;
      }
      case 'called':
        return html`<p class="headline">${x.t('calledTitle')}</p>
          <p class="line">${x.t('calledGoTo', { counter: tk.counterName ?? '' })}</p>`;
      case 'serving':
        return html`<p class="headline">${x.t('serving')}</p>`;
      case 'done':
        return html`<p class="headline">${x.t('done')}</p>`;
      case 'no_show':
        return html`<p class="headline">${x.t('noShowTitle')}</p>
          <p class="line">${x.t('noShowHelp')}</p>`;
      case 'cancelled':
        return html`<p class="headline">${x.t('cancelledTitle')}</p>
          <p class="line">${x.t('cancelledHelp')}</p>`;
    }
  }

  override render() {
    const { ticket: tk } = this;
    const x = this.texts.value;
    const open = tk.status === 'waiting' || tk.status === 'called' || tk.status === 'serving';
    return html`<section class="card ${tk.status}" aria-labelledby="number">
      <p class="label" id="number-label">${x.ticket('yourNumber')}</p>
      <h1 id="number" aria-describedby="number-label">${tk.number}</h1>
      <p class="service"><span class="label">${x.ticket('service')}:</span> ${this.serviceName}</p>
      ${this.nextServices.length > 0
        ? html`<p class="next" data-next>${x.t('nextServices', { services: serviceList(this.nextServices, x.lang) })}</p>`
        : nothing}
      ${tk.transferredFrom && open
        ? html`<p class="transferred">${x.t('transferred', { service: this.serviceName })}</p>`
        : nothing}
      <div class="status" role="status" aria-live="polite" aria-atomic="true">${this.statusLines()}</div>
      ${x.timeZone ? html`<p class="drawn">${x.ticket('drawnAt', { time: x.time(tk.issuedAt) })}</p>` : nothing}
    </section>`;
  }
}

customElements.define('visitor-ticket-card', VisitorTicketCard);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-ticket-card': VisitorTicketCard;
  }
}
