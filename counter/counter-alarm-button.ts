import { LitElement, css, html } from 'lit';
import { counterIntents } from './intents.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';

/**
 * @summary The silent alarm: one click asks, the second sends. No keyboard
 * shortcut, so it cannot go off while typing.
 * @fires counter-intent - `alarm` once confirmed.
 */
export class CounterAlarmButton extends LitElement {
  static override properties = {
    counterName: { type: String },
  };

  static override styles = [
    base,
    css`
      dialog {
        border: 2px solid var(--c-danger);
        border-radius: 8px;
        padding: 1.25rem;
        max-width: 28rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      h2 {
        color: var(--c-danger);
      }
      .buttons {
        display: flex;
        gap: 0.75rem;
        justify-content: flex-end;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare counterName: string;

  constructor() {
    super();
    this.counterName = '';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private send(): void {
    this.dialog?.close();
    counterIntents.fire(this, { type: 'alarm' });
  }

  override render() {
    const { t } = this.texts.value;
    return html`<button class="danger" @click=${() => this.dialog?.showModal()}>${t('alarmButton')}</button>
      <dialog aria-labelledby="alarm-title" aria-describedby="alarm-text">
        <h2 id="alarm-title">${t('alarmConfirmTitle')}</h2>
        <p id="alarm-text">${t('alarmConfirmText', { counter: this.counterName })}</p>
        <div class="buttons">
          <button @click=${() => this.dialog?.close()}>${t('cancel')}</button>
          <button class="danger solid" autofocus @click=${this.send}>${t('alarmSend')}</button>
        </div>
      </dialog>`;
  }
}

customElements.define('counter-alarm-button', CounterAlarmButton);

declare global {
  interface HTMLElementTagNameMap {
    'counter-alarm-button': CounterAlarmButton;
  }
}
