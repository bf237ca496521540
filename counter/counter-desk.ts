import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { PublicService, SessionUser, StaffCounter } from '../common/dto.js';
import './counter-actions.js';
import './counter-current-ticket.js';
import './counter-picker.js';
import './counter-queue-list.js';
import './counter-service-stats.js';
import './counter-transfer-dialog.js';
import './counter-next-service-dialog.js';
import { counterIntents } from './intents.js';
import { availability, currentTicket, longestWaitMs, pickableCounters, statsFor, waitingBeyondList, waitingFor, type DeskAction, type DeskState } from './state.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';

/** Focus is nowhere useful: on <body>, or still on a button that has just been disabled. */
function focusLost(): boolean {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === null || el === document.body || (el as HTMLButtonElement).disabled === true;
}

/** How long after a command focus still follows the next step. */
const FOCUS_FOLLOW_MS = 3000;

/**
 * @summary The working area below the header: the counter picker, a notice when
 * the chosen counter is closed or someone else's, or the desk itself (current
 * ticket, actions, queue figures, waiting list, transfer and next-service dialogs).
 * @fires counter-intent - `open`, `choose-counter`; its children fire the rest.
 */
export class CounterDesk extends LitElement {
  static override properties = {
    desk: { attribute: false },
    user: { attribute: false },
    counter: { attribute: false },
    services: { attribute: false },
    enabled: { attribute: false },
    now: { type: Number },
    busy: { type: Boolean },
    actedAt: { type: Number },
    shortcutsOn: { type: Boolean },
    transferOpen: { type: Boolean },
    nextServiceOpen: { type: Boolean },
  };

  static override styles = [
    base,
    css`
      counter-actions {
        display: block;
        margin-block-end: 1rem;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(22rem, 1fr) minmax(22rem, 1.3fr);
        gap: 1rem;
        align-items: start;
      }
      @media (max-width: 62rem) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
      .column {
        display: grid;
        gap: 1rem;
      }
      .notice {
        display: grid;
        gap: 0.75rem;
        justify-items: start;
      }
      .notice p {
        margin: 0;
        font-size: 1.1rem;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare desk: DeskState;
  declare user: SessionUser;
  declare counter: StaffCounter | null;
  declare services: PublicService[];
  declare enabled: Record<DeskAction, boolean>;
  declare now: number;
  declare busy: boolean;
  declare actedAt: number;
  declare shortcutsOn: boolean;
  declare transferOpen: boolean;
  declare nextServiceOpen: boolean;

  constructor() {
    super();
    this.counter = null;
    this.services = [];
    this.now = Date.now();
    this.busy = false;
    this.actedAt = 0;
    this.shortcutsOn = true;
    this.transferOpen = false;
    this.nextServiceOpen = false;
  }

  /** A clicked button that turned disabled drops focus to <body>; keyboard users go on from the next sensible step. */
  protected override updated(changed: PropertyValues<this>): void {
    const actions = this.renderRoot.querySelector('counter-actions');
    if (actions && (changed.has('desk') || changed.has('busy')) && Date.now() - this.actedAt < FOCUS_FOLLOW_MS) {
      void actions.updateComplete.then(() => focusLost() && actions.focusSuggested());
    }
  }

  private suggested(status: string | undefined): DeskAction {
    if (status === 'called') return 'start';
    if (status === 'serving') return 'finish';
    return 'call-next';
  }

  private renderNotice(counter: StaffCounter, taken: boolean) {
    const { t } = this.texts.value;
    const choose = html`<button class=${taken ? 'primary' : ''} @click=${() => counterIntents.fire(this, { type: 'choose-counter' })}>
      ${t('chooseOtherCounter')}
    </button>`;
    if (taken) {
      return html`<section class="panel notice">
        <p role="alert">${t('counterTakenBy', { counter: counter.name, name: counter.userName ?? '?' })}</p>
        ${choose}
      </section>`;
    }
    return html`<section class="panel notice">
      <p>${t('counterIsClosed', { counter: counter.name })}</p>
      <button class="primary" ?disabled=${this.busy} @click=${() => counterIntents.fire(this, { type: 'open', counterId: counter.id })}>
        ${t('openCounter')}
      </button>
      ${choose}
    </section>`;
  }

  override render() {
    const { desk, counter } = this;
    if (!counter) {
      return html`<counter-picker .entries=${pickableCounters(desk)} .services=${this.services} ?busy=${this.busy}></counter-picker>`;
    }
    const state = availability(counter, this.user);
    if (state === 'taken') return this.renderNotice(counter, true);
    const mine = state === 'mine';
    const ticket = currentTicket(desk, counter);
    return html`${mine
        ? html`<counter-actions
            .enabled=${this.enabled}
            ?busy=${this.busy}
            ?shortcutsOn=${this.shortcutsOn}
            suggested=${this.suggested(ticket?.status)}
          ></counter-actions>`
        : nothing}
      <div class="grid">
        <div class="column">
          ${mine
            ? html`<counter-current-ticket .ticket=${ticket} .services=${this.services} now=${this.now}></counter-current-ticket>`
            : this.renderNotice(counter, false)}
        </div>
        <div class="column">
          <counter-service-stats
            .stats=${statsFor(desk, counter)}
            .primaryIds=${counter.primaryServiceIds}
            .services=${this.services}
            .longestWait=${(id: string) => longestWaitMs(desk, id, this.now)}
          ></counter-service-stats>
          <counter-queue-list
            .tickets=${waitingFor(desk, counter)}
            .more=${waitingBeyondList(desk, counter)}
            .services=${this.services}
            now=${this.now}
            ?canCall=${mine && ticket === null && !this.busy}
          ></counter-queue-list>
        </div>
      </div>
      <counter-transfer-dialog
        ?open=${this.transferOpen}
        .ticket=${ticket}
        .services=${this.services}
        .counters=${desk.counters.filter((c) => c.id !== counter.id)}
      ></counter-transfer-dialog>
      <counter-next-service-dialog ?open=${this.nextServiceOpen} .ticket=${ticket} .services=${this.services}></counter-next-service-dialog>`;
  }
}

customElements.define('counter-desk', CounterDesk);

declare global {
  interface HTMLElementTagNameMap {
    'counter-desk': CounterDesk;
  }
}
