import { LitElement, css, html, nothing } from 'lit';
import { base } from './styles.js';
import { visitorIntents } from './intents.js';
import { visitorTexts } from './texts.js';

/**
 * @summary "I'm leaving": gives the number back after a confirmation, so staff
 * don't call in vain.
 * @fires visitor-intent leave: the visitor confirmed
 */
export class VisitorLeave extends LitElement {
  static override properties = {
    busy: { type: Boolean },
    confirming: { state: true },
  };

  private readonly texts = visitorTexts.consume(this);
  declare busy: boolean;
  declare confirming: boolean;

  constructor() {
    super();
    this.busy = false;
    this.confirming = false;
  }

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      button {
        width: 100%;
      }
      .confirm {
        background: var(--surface);
        border: 2px solid var(--danger);
        border-radius: var(--radius);
        padding: 1rem;
      }
      .confirm p {
        margin: 0 0 1rem;
        font-size: 1.1rem;
        line-height: 1.4;
      }
      .actions {
        display: grid;
        gap: 0.6rem;
      }
      .yes {
        background: var(--danger);
        color: #fff;
        border: 2px solid var(--danger);
      }
    `,
  ];

  override updated(changed: Map<string, unknown>): void {
    // Only after a tap, never on the first render: moving focus on load would scroll the page.
    if (changed.has('confirming') && changed.get('confirming') !== undefined) {
      this.renderRoot.querySelector<HTMLButtonElement>(this.confirming ? '.no' : '.danger')?.focus();
    }
  }

  override render() {
    const x = this.texts.value;
    if (!this.confirming) {
      return html`<button class="danger" @click=${() => (this.confirming = true)}>${x.t('leave')}</button>`;
    }
    return html`<div class="confirm" role="group" aria-labelledby="ask">
      <p id="ask">${x.t('leaveConfirm')}</p>
      <div class="actions">
        <button class="yes" ?disabled=${this.busy} @click=${() => visitorIntents.fire(this, { type: 'leave' })}>${x.t('leaveYes')}</button>
        <button class="no secondary" ?disabled=${this.busy} @click=${() => (this.confirming = false)}>${x.t('leaveNo')}</button>
      </div>
      ${this.busy ? html`<p role="status">${x.t('loading')}</p>` : nothing}
    </div>`;
  }
}

customElements.define('visitor-leave', VisitorLeave);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-leave': VisitorLeave;
  }
}
