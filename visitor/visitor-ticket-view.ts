import { LitElement, css, html, nothing } from 'lit';
import type { PublicTicket } from '../common/dto.js';
import { notificationsSupported } from './alerts.js';
import { visitorIntents } from './intents.js';
import { base } from './styles.js';
import { visitorTexts } from './texts.js';
import type { FeedbackPhase } from './visitor-feedback.js';
import './visitor-call-screen.js';
import './visitor-feedback.js';
import './visitor-leave.js';
import './visitor-ticket-card.js';

/**
 * @summary Everything shown for a valid ticket: the card, what the visitor can
 * do in its current state, and the call screen on top while called.
 * @fires visitor-intent notify: "notify me" tapped
 * (leave, feedback and call-dismiss come up from the children)
 */
export class VisitorTicketView extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    serviceName: { attribute: false },
    nextServices: { attribute: false },
    feedback: { attribute: false },
    showCall: { type: Boolean },
    recall: { type: Boolean },
    leaving: { type: Boolean },
    failed: { type: Boolean },
    notifyOn: { type: Boolean },
  };

  declare ticket: PublicTicket;
  private readonly texts = visitorTexts.consume(this);
  declare serviceName: string;
  /** The names of the services still to come in this visit, in order (#17). */
  declare nextServices: readonly string[];
  declare feedback: FeedbackPhase | 'unknown';
  declare showCall: boolean;
  declare recall: boolean;
  declare leaving: boolean;
  declare failed: boolean;
  declare notifyOn: boolean;

  constructor() {
    super();
    this.nextServices = [];
    this.feedback = 'unknown';
    this.showCall = false;
    this.recall = false;
    this.leaving = false;
    this.failed = false;
    this.notifyOn = false;
  }

  static override styles = [
    base,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      .hint {
        margin: 0;
        line-height: 1.45;
        color: var(--muted);
      }
      .error {
        margin: 0;
        color: var(--danger);
        font-weight: 600;
      }
      .notify {
        width: 100%;
      }
      .notify-on {
        margin: 0;
        color: var(--ok);
        font-weight: 600;
      }
    `,
  ];

  override render() {
    const { ticket: tk } = this;
    const x = this.texts.value;
    const waiting = tk.status === 'waiting';
    const canLeave = waiting || tk.status === 'called';
    const canNotify = waiting && !this.notifyOn && notificationsSupported() && Notification.permission !== 'denied';
    return html`<visitor-ticket-card .ticket=${tk} .serviceName=${this.serviceName} .nextServices=${this.nextServices}></visitor-ticket-card>
      ${waiting ? html`<p class="hint">${x.t('keepOpen')}</p>` : nothing}
      ${waiting && this.notifyOn ? html`<p class="notify-on">${x.t('notifyActive')}</p>` : nothing}
      ${canNotify ? html`<button class="notify secondary" @click=${() => visitorIntents.fire(this, { type: 'notify' })}>${x.t('notify')}</button>` : nothing}
      ${tk.status === 'done' && this.feedback !== 'unknown'
        ? html`<visitor-feedback .phase=${this.feedback}></visitor-feedback>`
        : nothing}
      ${this.failed ? html`<p class="error" role="alert">${x.t('failed')}</p>` : nothing}
      ${canLeave ? html`<visitor-leave ?busy=${this.leaving}></visitor-leave>` : nothing}
      <p class="hint data-link"><a href="?data">${x.t('dataLink')}</a></p>
      ${tk.status === 'called' && this.showCall
        ? html`<visitor-call-screen .number=${tk.number} .counterName=${tk.counterName ?? ''} ?recall=${this.recall}></visitor-call-screen>`
        : nothing}`;
  }
}

customElements.define('visitor-ticket-view', VisitorTicketView);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-ticket-view': VisitorTicketView;
  }
}
