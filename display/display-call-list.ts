import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BoardCall } from './board.js';
import { displayTexts } from './texts.js';
import { columnSection, sectionHeading } from './section-styles.js';

/** @summary The calls before the current one, newest first: number → counter. */
export class DisplayCallList extends LitElement {
  static override properties = {
    calls: { attribute: false },
  };

  static override styles = [
    columnSection,
    sectionHeading,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.8vmin;
        overflow: hidden;
      }
      li {
        display: grid;
        /* A fixed number column keeps the arrows of all rows aligned (A1000 still fits). */
        grid-template-columns: 3.6em auto minmax(0, 1fr);
        align-items: center;
        gap: 2vmin;
        padding: 0.6vmin 2vmin;
        border-radius: 1.2vmin;
        background: var(--panel);
        font-size: var(--list-size, 6vmin);
        font-weight: 700;
        line-height: 1.25;
      }
      .number {
        font-variant-numeric: tabular-nums;
      }
      .arrow {
        color: var(--muted);
      }
      :host(:dir(rtl)) .arrow {
        transform: scaleX(-1);
      }
      .counter {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        column-gap: 1.5vmin;
        min-width: 0;
      }
      .name {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        max-width: 100%;
      }
      .recall {
        font-size: 0.42em;
        padding: 0.1em 0.4em;
        border: 0.2vmin solid currentColor;
        border-radius: 0.6vmin;
        color: var(--accent);
      }
    `,
  ];

  declare calls: readonly BoardCall[];
  private readonly texts = displayTexts.consume(this);

  constructor() {
    super();
    this.calls = [];
  }

  override render() {
    return html`<h2>${this.texts.value.t('recent')}</h2>
      <ol>
        ${repeat(
          this.calls,
          (c) => c.key,
          (c) =>
            html`<li data-number=${c.number} data-counter=${c.counterId}>
              <span class="number" dir="ltr">${c.number}</span>
              <span class="arrow" aria-hidden="true">→</span>
              <span class="counter"
                ><span class="name">${c.counterName}</span>${c.recall
                  ? html`<span class="recall">${this.texts.value.t('recall')}</span>`
                  : nothing}</span
              >
            </li>`,
        )}
      </ol>`;
  }
}

customElements.define('display-call-list', DisplayCallList);

declare global {
  interface HTMLElementTagNameMap {
    'display-call-list': DisplayCallList;
  }
}
