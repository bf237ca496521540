import { LitElement, css, html, nothing } from 'lit';
import type { VisitorData } from '../common/privacy-schemas.js';
import { base } from './styles.js';
import { visitorIntents } from './intents.js';
import { visitorTexts } from './texts.js';

/** A local date `YYYY-MM-DD` in the visitor's language (no zone involved). */
function day(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1, 12));
}

/**
 * @summary #17 the visitor's right of access: everything the office stores about this
 * number (and its appointment), until when, and the early deletion of contact data.
 * @fires visitor-intent delete-contact: the visitor wants their contact data deleted now
 */
export class VisitorDataView extends LitElement {
  static override properties = {
    data: { attribute: false },
    serviceName: { attribute: false },
    busy: { type: Boolean },
    back: { type: String },
  };

  private readonly texts = visitorTexts.consume(this);
  declare data: VisitorData;
  declare serviceName: (id: string) => string;
  declare busy: boolean;
  declare back: string;

  constructor() {
    super();
    this.serviceName = (id) => id;
    this.busy = false;
    this.back = '';
  }

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0 0 0.5rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.25rem 0 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(7rem, auto) 1fr;
        gap: 0.4rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .kept {
        display: block;
        color: var(--muted);
        font-size: 0.95rem;
      }
      p {
        line-height: 1.45;
      }
      button {
        width: 100%;
        margin-top: 1rem;
      }
      a {
        color: inherit;
      }
    `,
  ];

  override render() {
    const x = this.texts.value;
    const { ticket, appointment } = this.data;
    const kept = (date: string) => html`<span class="kept">${x.t('dataKeptUntil', { date: day(date, x.lang) })}</span>`;
    return html`<h1>${x.t('dataTitle')}</h1>
      <p>${x.t('dataIntro')}</p>
      ${ticket
        ? html`<dl>
            <dt>${x.t('dataNumber')}</dt>
            <dd>${ticket.number}</dd>
            <dt>${x.t('dataService')}</dt>
            <dd>${this.serviceName(ticket.serviceId)}</dd>
            <dt>${x.t('dataDay')}</dt>
            <dd>${day(ticket.businessDate, x.lang)}</dd>
            <dt>${x.t('dataNotes')}</dt>
            <dd>${ticket.notes === '' ? x.t('dataNone') : ticket.notes} ${ticket.notes === '' ? nothing : kept(ticket.notesKeptUntil)}</dd>
            <dt>${x.t('dataFeedback')}</dt>
            <dd>${x.t(ticket.feedbackGiven ? 'dataFeedbackGiven' : 'dataNone')}</dd>
          </dl>`
        : nothing}
      ${appointment
        ? html`<h2>${x.t('dataAppointment')}</h2>
            <dl>
              <dt>${x.t('dataDay')}</dt>
              <dd>${new Intl.DateTimeFormat(x.lang, { dateStyle: 'long', timeStyle: 'short' }).format(Date.parse(appointment.startsAt))}</dd>
              <dt>${x.t('dataService')}</dt>
              <dd>${this.serviceName(appointment.serviceId)}</dd>
              <dt>${x.t('dataContact')}</dt>
              <dd>${appointment.contact ?? x.t('dataNone')} ${appointment.contact === null ? nothing : kept(appointment.contactKeptUntil)}</dd>
            </dl>
            ${appointment.contact === null
              ? nothing
              : html`<button class="secondary" ?disabled=${this.busy} @click=${() => visitorIntents.fire(this, { type: 'delete-contact' })}>
                  ${x.t('dataDeleteContact')}
                </button>`}`
        : nothing}
      ${this.back ? html`<p><a href=${this.back}>${x.t('dataBack')}</a></p>` : nothing}`;
  }
}

customElements.define('visitor-data', VisitorDataView);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-data': VisitorDataView;
  }
}
