import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { textDirection } from '../common/i18n/languages.js';
import type { TickerMessage } from './settings.js';

/** Long enough to read a sentence in a second language. */
export const TICKER_INTERVAL_MS = 9000;

/**
 * @summary Information messages, one at a time, each in its own language and
 * direction. They change in place (a fade, no scrolling text), which stays
 * readable for slow readers and calm on a screen people watch for an hour.
 */
export class DisplayTicker extends LitElement {
  static override properties = {
    messages: { attribute: false },
    label: { type: String },
    index: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      overflow: hidden;
    }
    p {
      margin: 0;
      font-size: 3.2vmin;
      line-height: 1.3;
      /* Room for two lines whatever the message, so the board above never jumps. */
      height: calc(var(--ticker-lines, 2) * 1.3em);
      overflow: hidden;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--ticker-lines, 2);
      animation: fade-in 0.6s ease-out;
    }
    @keyframes fade-in {
      from {
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      p {
        animation: none;
      }
    }
  `;

  declare messages: readonly TickerMessage[];
  declare label: string;
  declare index: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.messages = [];
    this.label = '';
    this.index = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      this.index = this.messages.length === 0 ? 0 : (this.index + 1) % this.messages.length;
    }, TICKER_INTERVAL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    const message = this.messages[this.index % Math.max(1, this.messages.length)];
    if (!message) return nothing;
    return html`<section aria-label=${this.label}>
      ${keyed(this.index, html`<p lang=${message.lang} dir=${textDirection(message.lang)}>${message.text}</p>`)}
    </section>`;
  }
}

customElements.define('display-ticker', DisplayTicker);

declare global {
  interface HTMLElementTagNameMap {
    'display-ticker': DisplayTicker;
  }
}
