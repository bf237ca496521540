import { LitElement, css, html, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { PublicService, StaffTicket } from '../common/dto.js';
import { textField } from './form-fields.js';
import { counterIntents } from './intents.js';
import { serviceName } from './i18n.js';
import { nextServiceChoices } from './state.js';
import { counterTexts } from './texts.js';
import { base, dialogStyles, syncDialog } from './styles.js';

/**
 * @summary "Finish and next service" (#17): the current ticket's segment ends
 * here and the visitor, keeping the number, waits for another service: the
 * next one chosen at the kiosk by default, or any other. A modal dialog:
 * Escape cancels.
 * @fires counter-intent - `finish-next`, or `next-service-dialog` {open:false} when dismissed.
 */
export class CounterNextServiceDialog extends LitElement {
  static override properties = {
    open: { type: Boolean },
    ticket: { attribute: false },
    services: { attribute: false },
  };

  static override styles = [
    base,
    dialogStyles,
    css`
      p {
        margin: 0;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare open: boolean;
  declare ticket: StaffTicket | null;
  declare services: PublicService[];

  constructor() {
    super();
    this.open = false;
    this.ticket = null;
    this.services = [];
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Bumped on every opening, so the form starts from the listed next service each time. */
  private generation = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.generation++;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) syncDialog(this.dialog, this.open);
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const serviceId = textField(new FormData(e.target as HTMLFormElement), 'service');
    if (serviceId) counterIntents.fire(this, { type: 'finish-next', serviceId });
  }

  override render() {
    const { t, lang } = this.texts.value;
    const ticket = this.ticket;
    const { ids, listed } = ticket ? nextServiceChoices(ticket, this.services.map((s) => s.id)) : { ids: [], listed: [] };
    const label = (id: string) => {
      const name = serviceName(this.services, id, lang);
      return listed.includes(id) ? t('nextServiceListed', { service: name }) : name;
    };
    return html`<dialog aria-labelledby="next-title" aria-describedby="next-hint" @close=${() => counterIntents.fire(this, { type: 'next-service-dialog', open: false })}>
      ${keyed(this.generation, html`<form @submit=${this.submit}>
        <h2 id="next-title">${t('nextServiceTitle', { number: ticket?.number ?? '' })}</h2>
        <p id="next-hint" class="muted">${t('nextServiceHint')}</p>
        <div class="stacked">
          <label for="next-service">${t('nextServiceLabel')}</label>
          <select id="next-service" name="service" required>
            ${ids.map((id, i) => html`<option value=${id} ?selected=${i === 0}>${label(id)}</option>`)}
          </select>
        </div>
        <div class="buttons">
          <button type="button" @click=${() => this.dialog?.close()}>${t('cancel')}</button>
          <button type="submit" id="next-submit" class="primary">${t('nextServiceSubmit')}</button>
        </div>
      </form>`)}
    </dialog>`;
  }
}

customElements.define('counter-next-service-dialog', CounterNextServiceDialog);

declare global {
  interface HTMLElementTagNameMap {
    'counter-next-service-dialog': CounterNextServiceDialog;
  }
}
