import { LitElement, css, html, nothing } from 'lit';
import type { PublicService, StaffTicket } from '../common/dto.js';
import { counterIntents } from './intents.js';
import { languageName, serviceName } from './i18n.js';
import { laterServiceIds } from './state.js';
import { counterTexts } from './texts.js';
import { base, tableStyles } from './styles.js';
import { wholeMinutes } from './time-format.js';

/**
 * @summary The waiting tickets this counter may call: numbers and metadata only,
 * never names; a visit's further services in order (#17). Each row can be called directly.
 * @fires counter-intent - `call` with the ticket id.
 */
export class CounterQueueList extends LitElement {
  static override properties = {
    tickets: { attribute: false },
    more: { type: Number },
    services: { attribute: false },
    now: { type: Number },
    canCall: { type: Boolean },
  };

  static override styles = [
    base,
    tableStyles,
    css`
      th,
      td {
        vertical-align: middle;
      }
      .number {
        font-weight: 700;
        font-size: 1.1rem;
      }
      .badge {
        display: inline-block;
        font-size: 0.8rem;
        padding: 0 0.4rem;
        margin-inline-end: 0.25rem;
        border-radius: 4px;
        background: var(--c-accent-soft);
        color: var(--c-accent);
      }
      .then {
        display: block;
        font-size: 0.9rem;
      }
      button {
        min-height: 2rem;
        padding: 0.2rem 0.6rem;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare tickets: StaffTicket[];
  /** Waiting tickets of this counter beyond the list (it shows the first of a long queue only). */
  declare more: number;
  declare services: PublicService[];
  declare now: number;
  declare canCall: boolean;

  constructor() {
    super();
    this.tickets = [];
    this.more = 0;
    this.services = [];
    this.now = Date.now();
    this.canCall = false;
  }

  private hints(ticket: StaffTicket) {
    const { t } = this.texts.value;
    return html`${ticket.priorityClass === 'priority' ? html`<span class="badge">${t('priority')}</span>` : nothing}
    ${ticket.dueAt !== null ? html`<span class="badge">${t('appointmentAt', { time: this.texts.value.time(ticket.dueAt) })}</span>` : nothing}
    ${ticket.targetCounterId !== null ? html`<span class="badge">${t('onlyHere')}</span>` : nothing}
    ${ticket.transferredFrom !== null
      ? html`<span class="muted">${t('transferredFrom', { service: serviceName(this.services, ticket.transferredFrom, this.texts.value.lang) })}</span>`
      : nothing}
    ${this.later(ticket)}`;
  }

  /** A visit of several services (#17): the ones still to come after this one, in order. */
  private later(ticket: StaffTicket) {
    const ids = laterServiceIds(ticket);
    if (ids.length === 0) return nothing;
    const { t, lang } = this.texts.value;
    const names = ids.map((id) => serviceName(this.services, id, lang)).join(', ');
    return html`<span class="then" data-next=${ids.join(' ')}>${t('queueThen', { services: names })}</span>`;
  }

  override render() {
    const { t } = this.texts.value;
    return html`<section class="panel" aria-labelledby="queue-title">
      <h2 id="queue-title">${t('queueTitle', { count: this.tickets.length })}</h2>
      ${this.tickets.length === 0
        ? html`<p class="muted">${t('queueEmpty')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t('queueNumber')}</th>
                <th scope="col">${t('queueService')}</th>
                <th scope="col">${t('queueLanguage')}</th>
                <th scope="col">${t('queueNote')}</th>
                <th scope="col" class="num">${t('queueWaited')}</th>
                <th scope="col"><span class="visually-hidden">${t('queueAction')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.tickets.map(
                (ticket) => html`<tr data-ticket=${ticket.number} data-service=${ticket.serviceId}>
                  <th scope="row" class="number">${ticket.number}</th>
                  <td>${serviceName(this.services, ticket.serviceId, this.texts.value.lang)}</td>
                  <td>${languageName(ticket.language, this.texts.value.lang)}</td>
                  <td>${this.hints(ticket)}</td>
                  <td class="num">${t('minutes', { n: wholeMinutes(this.now - ticket.issuedAt) })}</td>
                  <td>
                    <button
                      ?disabled=${!this.canCall}
                      aria-label=${t('callTicket', { number: ticket.number })}
                      @click=${() => counterIntents.fire(this, { type: 'call', ticketRef: ticket.ref })}
                    >
                      ${t('callShort')}
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${this.more > 0 ? html`<p class="muted" data-more=${this.more}>${t('queueMore', { count: this.more })}</p>` : nothing}
    </section>`;
  }
}

customElements.define('counter-queue-list', CounterQueueList);

declare global {
  interface HTMLElementTagNameMap {
    'counter-queue-list': CounterQueueList;
  }
}
