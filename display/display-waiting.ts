import { LitElement, css, html, nothing } from 'lit';
import type { PublicService } from '../common/dto.js';
import { sectionHeading } from './section-styles.js';
import { displayTexts } from './texts.js';

/** @summary How many people wait per service of this area: prefix letter, name, count. */
export class DisplayWaiting extends LitElement {
  static override properties = {
    services: { attribute: false },
  };

  static override styles = [
    sectionHeading,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(var(--waiting-min, 34vmin), 1fr));
        gap: 0.8vmin;
      }
      li {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        align-items: center;
        gap: 1.5vmin;
        padding: 0.6vmin 1.5vmin;
        border-radius: 1vmin;
        background: var(--panel);
        font-size: 2.8vmin;
      }
      .prefix {
        font-weight: 800;
        font-size: 3.6vmin;
        min-width: 1.4em;
        text-align: center;
      }
      .name {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .count {
        font-weight: 800;
        font-size: 3.6vmin;
        font-variant-numeric: tabular-nums;
      }
      .closed {
        color: var(--muted);
      }
      .closed .count {
        font-size: 2.4vmin;
        font-weight: 600;
      }
    `,
  ];

  declare services: readonly PublicService[];
  private readonly texts = displayTexts.consume(this);

  constructor() {
    super();
    this.services = [];
  }

  override render() {
    if (this.services.length === 0) return nothing;
    const tr = this.texts.value;
    return html`<h2>${tr.t('waiting')}</h2>
      <ul>
        ${this.services.map(
          (s) =>
            html`<li class=${s.open ? '' : 'closed'} data-service=${s.id}>
              <span class="prefix">${s.prefix}</span>
              <span class="name">${s.names[tr.lang] ?? s.names.de ?? s.id}</span>
              <span class="count" title=${tr.t('waitingCount', { count: s.waiting })}>${s.open ? s.waiting : tr.t('closed')}</span>
            </li>`,
        )}
      </ul>`;
  }
}

customElements.define('display-waiting', DisplayWaiting);

declare global {
  interface HTMLElementTagNameMap {
    'display-waiting': DisplayWaiting;
  }
}
