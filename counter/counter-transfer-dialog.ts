import { LitElement, css, html, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { PublicService, StaffCounter, StaffTicket } from '../common/dto.js';
import { textField } from './form-fields.js';
import { counterIntents } from './intents.js';
import { serviceName } from './i18n.js';
import { counterTexts } from './texts.js';
import { base, dialogStyles, syncDialog } from './styles.js';

type Target = 'service' | 'counter';

/**
 * @summary Transfer the current ticket to another service or to a named counter,
 * keeping its place in line or not. A modal dialog: Escape cancels.
 * @fires counter-intent - `transfer`, or `transfer-dialog` {open:false} when dismissed.
 */
export class CounterTransferDialog extends LitElement {
  static override properties = {
    open: { type: Boolean },
    ticket: { attribute: false },
    services: { attribute: false },
    counters: { attribute: false },
    target: { state: true },
  };

  static override styles = [
    base,
    dialogStyles,
    css`
      fieldset {
        border: 1px solid var(--c-border);
        border-radius: 6px;
        display: grid;
        gap: 0.4rem;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare open: boolean;
  declare ticket: StaffTicket | null;
  declare services: PublicService[];
  /** Counters it may go to (not this one). */
  declare counters: StaffCounter[];
  declare target: Target;

  constructor() {
    super();
    this.open = false;
    this.ticket = null;
    this.services = [];
    this.counters = [];
    this.target = 'service';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Bumped on every opening, so the form starts fresh (service, keep place) each time. */
  private generation = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.generation++;
      this.target = 'service';
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) syncDialog(this.dialog, this.open);
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const keepPlace = data.get('keepPlace') === 'on';
    const chosen = textField(data, this.target);
    if (!chosen) return;
    counterIntents.fire(
      this,
      this.target === 'service'
        ? { type: 'transfer', serviceId: chosen, keepPlace }
        : { type: 'transfer', targetCounterId: chosen, keepPlace },
    );
  }

  override render() {
    const { t } = this.texts.value;
    const ticket = this.ticket;
    const services = this.services.filter((s) => s.id !== ticket?.serviceId);
    return html`<dialog aria-labelledby="transfer-title" @close=${() => counterIntents.fire(this, { type: 'transfer-dialog', open: false })}>
      ${keyed(this.generation, html`<form @submit=${this.submit}>
        <h2 id="transfer-title">${t('transferTitle', { number: ticket?.number ?? '' })}</h2>
        <fieldset>
          <legend>${t('transferTo')}</legend>
          <label
            ><input type="radio" name="target" value="service" .checked=${this.target === 'service'} @change=${() => (this.target = 'service')} />
            ${t('transferToService')}</label
          >
          <label
            ><input type="radio" name="target" value="counter" .checked=${this.target === 'counter'} @change=${() => (this.target = 'counter')} />
            ${t('transferToCounter')}</label
          >
        </fieldset>
        ${this.target === 'service'
          ? html`<div class="stacked">
              <label for="transfer-service">${t('transferService')}</label>
              <select id="transfer-service" name="service" required>
                ${services.map((s) => html`<option value=${s.id}>${serviceName(this.services, s.id, this.texts.value.lang)}</option>`)}
              </select>
            </div>`
          : html`<div class="stacked">
              <label for="transfer-counter">${t('transferCounter')}</label>
              <select id="transfer-counter" name="counter" required>
                ${this.counters.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
              </select>
            </div>`}
        <label><input type="checkbox" name="keepPlace" checked /> ${t('transferKeepPlace')}</label>
        <div class="buttons">
          <button type="button" @click=${() => this.dialog?.close()}>${t('cancel')}</button>
          <button type="submit" id="transfer-submit" class="primary">${t('transferSubmit')}</button>
        </div>
      </form>`)}
    </dialog>`;
  }
}

customElements.define('counter-transfer-dialog', CounterTransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'counter-transfer-dialog': CounterTransferDialog;
  }
}
