import { LitElement, css, html } from 'lit';
import { kioskIntents } from '../intents.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles } from './shared-styles.js';
import './kiosk-icon.js';

/**
 * @summary "Are you still there?" with the seconds left before the kiosk
 * goes back to the start. A tap anywhere keeps the session; so does the button.
 * @fires kiosk-intent continue
 */
export class KioskIdleDialog extends LitElement {
  static override properties = {
    secondsLeft: { type: Number },
  };

  static override styles = [
    buttonStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        display: grid;
        place-items: center;
        background: var(--k-scrim);
        z-index: 10;
      }
      div {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 1.2rem;
        padding: 2.5rem 3rem;
        max-inline-size: min(40rem, 90vw);
        text-align: center;
        background: var(--k-surface);
        color: var(--k-text);
        border: var(--k-border-width) solid var(--k-border);
        border-radius: var(--k-radius);
      }
      h2 {
        margin: 0;
        font-size: 2.2rem;
      }
      .seconds {
        font-size: 6rem;
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
      }
      p {
        margin: 0;
        font-size: 1.3rem;
      }
      button {
        font-size: 1.6rem;
        min-inline-size: 14rem;
        min-block-size: 96px;
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  declare secondsLeft: number;

  constructor() {
    super();
    this.secondsLeft = 0;
    // Covers the whole screen: a tap anywhere continues, and never reaches the tile underneath.
    this.addEventListener('click', () => kioskIntents.fire(this, { type: 'continue' }));
  }

  override render() {
    const { t } = this.texts.value;
    return html`<div role="alertdialog" aria-modal="true" aria-labelledby="title" aria-describedby="left">
      <h2 id="title">${t('stillThere')}</h2>
      <span class="seconds" aria-hidden="true">${this.secondsLeft}</span>
      <p id="left">${t('backToStart', { seconds: this.secondsLeft })}</p>
      <button class="primary" @click=${() => kioskIntents.fire(this, { type: 'continue' })}>${t('continue')}</button>
    </div>`;
  }
}

customElements.define('kiosk-idle-dialog', KioskIdleDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-idle-dialog': KioskIdleDialog;
  }
}
