import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { BoardCall } from './board.js';
import { displayTexts } from './texts.js';
import { columnSection, sectionHeading } from './section-styles.js';

/**
 * @summary The newest call, as large as the screen allows: "A017 → Schalter 3".
 * A call that has just arrived blinks four times (under the five seconds
 * after which WCAG wants a way to stop it, and well below three flashes a
 * second).
 */
export class DisplayCurrentCall extends LitElement {
  static override properties = {
    call: { attribute: false },
    fresh: { type: Boolean },
  };

  static override styles = [
    columnSection,
    sectionHeading,
    css`
      .call {
        flex: 1;
        min-height: var(--current-min-height, 0);
        display: flex;
        flex-direction: column;
        justify-content: center;
        align-items: center;
        gap: 1vmin;
        border-radius: 2vmin;
        background: var(--accent);
        color: var(--on-accent);
        padding: 2vmin 3vmin;
        text-align: center;
      }
      .call.fresh {
        animation: blink 1s ease-in-out 4;
      }
      @keyframes blink {
        50% {
          background: var(--bg);
          color: var(--accent);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .call.fresh {
          animation: none;
        }
      }
      .number {
        font-size: var(--current-number-size, 20vmin);
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.02em;
        font-variant-numeric: tabular-nums;
      }
      .counter {
        font-size: var(--current-counter-size, 10vmin);
        font-weight: 700;
        line-height: 1.1;
        overflow-wrap: anywhere;
      }
      .arrow {
        display: inline-block;
      }
      :host(:dir(rtl)) .arrow {
        transform: scaleX(-1);
      }
      .recall {
        font-size: 3.5vmin;
        font-weight: 700;
        border: 0.4vmin solid currentColor;
        border-radius: 1vmin;
        padding: 0.3vmin 1.5vmin;
      }
      .empty {
        flex: 1;
        display: grid;
        place-items: center;
        font-size: 5vmin;
        color: var(--muted);
        border: 0.3vmin dashed var(--line);
        border-radius: 2vmin;
      }
    `,
  ];

  declare call: BoardCall | null;
  declare fresh: boolean;
  private readonly texts = displayTexts.consume(this);

  constructor() {
    super();
    this.call = null;
    this.fresh = false;
  }

  override render() {
    const { call } = this;
    const tr = this.texts.value;
    const body = call
      ? keyed(
          call.key,
          html`<div
            class="call ${this.fresh ? 'fresh' : ''}"
            data-number=${call.number}
            data-counter=${call.counterId}
            role="group"
            aria-label=${tr.t('callLabel', { number: call.number, counter: call.counterName })}
          >
            <span class="number" dir="ltr">${call.number}</span>
            <span class="counter"><span class="arrow" aria-hidden="true">→</span> ${call.counterName}</span>
            ${call.recall ? html`<span class="recall">${tr.t('recall')}</span>` : nothing}
          </div>`,
        )
      : html`<div class="empty">${tr.t('noCalls')}</div>`;
    return html`<h2>${tr.t('current')}</h2>
      ${body}`;
  }
}

customElements.define('display-current-call', DisplayCurrentCall);

declare global {
  interface HTMLElementTagNameMap {
    'display-current-call': DisplayCurrentCall;
  }
}
