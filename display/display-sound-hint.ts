import { LitElement, css, html } from 'lit';
import { displayIntents } from './intents.js';

/**
 * @summary The one-time "tap to enable sound" button, shown while the browser
 * blocks audio (a screen started without the kiosk autoplay flag).
 * @fires display-intent enable-sound
 */
export class DisplaySoundHint extends LitElement {
  static override properties = {
    label: { type: String },
  };

  static override styles = css`
    :host {
      position: fixed;
      inset-block-end: 12vh;
      inset-inline: 0;
      display: flex;
      justify-content: center;
      z-index: 10;
    }
    button {
      font: inherit;
      font-size: 4vmin;
      font-weight: 700;
      padding: 2vmin 4vmin;
      border-radius: 2vmin;
      border: 0.5vmin solid var(--on-accent);
      background: var(--accent);
      color: var(--on-accent);
      cursor: pointer;
      box-shadow: 0 1vmin 4vmin rgb(0 0 0 / 0.5);
    }
    button:focus-visible {
      outline: 0.6vmin solid #fff;
      outline-offset: 0.6vmin;
    }
  `;

  declare label: string;

  constructor() {
    super();
    this.label = '';
  }

  override render() {
    return html`<button type="button" @click=${this.enable}><span aria-hidden="true">🔊</span> ${this.label}</button>`;
  }

  private enable(): void {
    displayIntents.fire(this, { type: 'enable-sound' });
  }
}

customElements.define('display-sound-hint', DisplaySoundHint);

declare global {
  interface HTMLElementTagNameMap {
    'display-sound-hint': DisplaySoundHint;
  }
}
