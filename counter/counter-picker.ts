import { LitElement, css, html, nothing } from 'lit';
import type { PublicService, StaffCounter } from '../common/dto.js';
import { counterIntents } from './intents.js';
import { serviceName } from './i18n.js';
import type { CounterAvailability } from './state.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';

export interface PickerEntry {
  counter: StaffCounter;
  availability: CounterAvailability;
}

/**
 * @summary Choose and open a counter: free ones and the user's own; an admin
 * also sees taken ones and can take them over after confirming.
 * @fires counter-intent - `open` (with `force` for a take-over).
 */
export class CounterPicker extends LitElement {
  static override properties = {
    entries: { attribute: false },
    services: { attribute: false },
    busy: { type: Boolean },
    confirming: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
        max-width: 60rem;
        margin: 1.5rem auto;
        padding: 0 1rem;
      }
      h1 {
        font-size: 1.4rem;
        margin: 0 0 0.25rem;
      }
      ul {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.75rem;
      }
      li > button {
        width: 100%;
        flex-direction: column;
        align-items: flex-start;
        text-align: start;
        padding: 0.75rem 1rem;
        gap: 0.2rem;
      }
      .name {
        font-weight: 700;
        font-size: 1.1rem;
      }
      .state {
        font-size: 0.9rem;
      }
      .confirm {
        display: grid;
        gap: 0.5rem;
        padding: 0.75rem;
        border: 2px solid var(--c-danger);
        border-radius: 6px;
      }
      .confirm p {
        margin: 0;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare entries: PickerEntry[];
  declare services: PublicService[];
  declare busy: boolean;
  declare confirming: string | null;

  constructor() {
    super();
    this.entries = [];
    this.services = [];
    this.busy = false;
    this.confirming = null;
  }

  private stateText(e: PickerEntry): string {
    if (e.availability === 'free') return this.texts.value.t('pickerFree');
    if (e.availability === 'mine') return this.texts.value.t('pickerMine');
    return this.texts.value.t('pickerTakenBy', { name: e.counter.userName ?? '?' });
  }

  private renderEntry(e: PickerEntry) {
    const { t } = this.texts.value;
    const c = e.counter;
    if (this.confirming === c.id) {
      return html`<div class="confirm">
        <p>${t('pickerTakeOverConfirm', { counter: c.name, name: c.userName ?? '?' })}</p>
        <button class="danger" ?disabled=${this.busy} @click=${() => counterIntents.fire(this, { type: 'open', counterId: c.id, force: true })}>
          ${t('pickerTakeOverYes')}
        </button>
        <button @click=${() => (this.confirming = null)}>${t('cancel')}</button>
      </div>`;
    }
    const services = [...c.primaryServiceIds, ...c.secondaryServiceIds].map((id) => serviceName(this.services, id, this.texts.value.lang));
    const taken = e.availability === 'taken';
    return html`<button
      data-counter=${c.id}
      ?disabled=${this.busy}
      @click=${() => (taken ? (this.confirming = c.id) : counterIntents.fire(this, { type: 'open', counterId: c.id }))}
    >
      <span class="name">${c.name}</span>
      <span>${services.join(' · ')}</span>
      <span class="state ${taken ? '' : 'muted'}">${this.stateText(e)}</span>
      ${taken ? html`<span class="state">${t('pickerTakeOver', { counter: c.name })}</span>` : nothing}
    </button>`;
  }

  override render() {
    const { t } = this.texts.value;
    return html`<h1>${t('pickerTitle')}</h1>
      <p class="muted">${t('pickerHint')}</p>
      ${this.entries.length === 0
        ? html`<p>${t('pickerNone')}</p>`
        : html`<ul>
            ${this.entries.map((e) => html`<li>${this.renderEntry(e)}</li>`)}
          </ul>`}`;
  }
}

customElements.define('counter-picker', CounterPicker);

declare global {
  interface HTMLElementTagNameMap {
    'counter-picker': CounterPicker;
  }
}
