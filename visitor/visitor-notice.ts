import { LitElement, css, html } from 'lit';
import { base } from './styles.js';

/**
 * @summary A page without a ticket: the link is wrong or has expired. Shows
 * only the explanation, never anything about a ticket.
 */
export class VisitorNotice extends LitElement {
  static override properties = {
    heading: { attribute: false },
    text: { attribute: false },
  };

  declare heading: string;
  declare text: string;

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        background: var(--surface);
        border-radius: var(--radius);
        padding: 1.5rem 1.25rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
        border-top: 6px solid var(--danger);
      }
      h1 {
        margin: 0 0 0.75rem;
        font-size: 1.7rem;
        line-height: 1.25;
      }
      p {
        margin: 0;
        font-size: 1.15rem;
        line-height: 1.5;
      }
    `,
  ];

  override render() {
    return html`<section aria-labelledby="h">
      <h1 id="h">${this.heading}</h1>
      <p>${this.text}</p>
    </section>`;
  }
}

customElements.define('visitor-notice', VisitorNotice);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-notice': VisitorNotice;
  }
}
