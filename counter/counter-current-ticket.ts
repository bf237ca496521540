import { LitElement, css, html, nothing } from 'lit';
import type { PublicService, StaffTicket } from '../common/dto.js';
import './counter-notes.js';
import { languageName, serviceName } from './i18n.js';
import { laterServiceIds } from './state.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';
import { stopwatch, wholeMinutes } from './time-format.js';

/**
 * @summary The ticket at this counter: number, service, the visitor's language,
 * kind (walk-in, appointment, priority), waited and running times, notes.
 */
export class CounterCurrentTicket extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    services: { attribute: false },
    now: { type: Number },
  };

  static override styles = [
    base,
    css`
      .head {
        display: flex;
        align-items: baseline;
        gap: 1rem;
        flex-wrap: wrap;
      }
      .number {
        font-size: 3.2rem;
        font-weight: 800;
        letter-spacing: 0.02em;
        line-height: 1.1;
      }
      .status {
        font-size: 1rem;
        font-weight: 600;
        padding: 0.15rem 0.6rem;
        border-radius: 999px;
        background: var(--c-accent-soft);
        color: var(--c-accent);
      }
      .status.serving {
        background: #e3f3e8;
        color: var(--c-ok);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0.75rem 0;
      }
      @media (max-width: 40rem) {
        dl {
          grid-template-columns: max-content 1fr;
        }
      }
      dt {
        color: var(--c-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      .idle {
        font-size: 1.3rem;
        font-weight: 600;
        margin: 0.5rem 0;
      }
      .timer {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare ticket: StaffTicket | null;
  declare services: PublicService[];
  declare now: number;

  constructor() {
    super();
    this.ticket = null;
    this.services = [];
    this.now = Date.now();
  }

  private kind(ticket: StaffTicket): string {
    if (ticket.priorityClass === 'priority') return this.texts.value.t('classPriority');
    if (ticket.priorityClass === 'appointment') return this.texts.value.t('classAppointment');
    return this.texts.value.t('classWalkIn');
  }

  private details(ticket: StaffTicket) {
    const { t } = this.texts.value;
    const serving = ticket.status === 'serving';
    const waited = (ticket.calledAt ?? this.now) - ticket.issuedAt;
    const since = serving ? this.now - (ticket.servingAt ?? this.now) : this.now - (ticket.calledAt ?? this.now);
    return html`<dl>
      <dt>${t('fieldService')}</dt>
      <dd>${serviceName(this.services, ticket.serviceId, this.texts.value.lang)}</dd>
      <dt>${t('fieldLanguage')}</dt>
      <dd data-field="language">${languageName(ticket.language, this.texts.value.lang)}</dd>
      <dt>${t('fieldPriority')}</dt>
      <dd>${this.kind(ticket)}</dd>
      <dt>${t('fieldAppointment')}</dt>
      <dd>${ticket.dueAt !== null ? this.texts.value.time(ticket.dueAt) : t('none')}</dd>
      <dt>${t('fieldWaited')}</dt>
      <dd>${t('minutes', { n: wholeMinutes(waited) })}</dd>
      <dt>${serving ? t('fieldSinceServing') : t('fieldSinceCalled')}</dt>
      <dd class="timer">${stopwatch(since)}</dd>
      ${ticket.callCount > 1 ? html`<dt>${t('fieldCalls')}</dt><dd>${ticket.callCount}</dd>` : nothing}
      ${ticket.transferredFrom !== null
        ? html`<dt>${t('fieldTransferred')}</dt>
            <dd>${serviceName(this.services, ticket.transferredFrom, this.texts.value.lang)}</dd>`
        : nothing}
      ${laterServiceIds(ticket).length > 0
        ? html`<dt>${t('fieldNextServices')}</dt>
            <dd data-field="next">${laterServiceIds(ticket).map((id) => serviceName(this.services, id, this.texts.value.lang)).join(', ')}</dd>`
        : nothing}
    </dl>`;
  }

  override render() {
    const { t } = this.texts.value;
    const ticket = this.ticket;
    return html`<section class="panel" aria-labelledby="current-title">
      <h2 id="current-title">${t('currentTitle')}</h2>
      ${ticket
        ? html`<div class="head">
              <span class="number" data-current=${ticket.number}>${ticket.number}</span>
              <span class="status ${ticket.status}">${ticket.status === 'serving' ? t('statusServing') : t('statusCalled')}</span>
            </div>
            ${this.details(ticket)}
            <counter-notes .ticket=${ticket}></counter-notes>`
        : html`<p class="idle">${t('noCurrent')}</p>
            <p class="muted">${t('noCurrentHint')}</p>`}
    </section>`;
  }
}

customElements.define('counter-current-ticket', CounterCurrentTicket);

declare global {
  interface HTMLElementTagNameMap {
    'counter-current-ticket': CounterCurrentTicket;
  }
}
