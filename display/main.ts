import { LitElement, css, html } from 'lit';

// Placeholder until the real display UI lands. No decorators: reactive properties are declared via
// `static properties` + `declare` fields (compatible with useDefineForClassFields).
export class DisplayApp extends LitElement {
  static override properties = {
    status: { type: String },
  };

  static override styles = css`
    :host {
      display: block;
      font-family: system-ui, sans-serif;
      padding: 2rem;
    }
  `;

  declare status: string;

  constructor() {
    super();
    this.status = 'Diese Anwendung wird gerade aufgebaut.';
  }

  override render() {
    return html`<h1>Display</h1>
      <p>${this.status}</p>`;
  }
}

customElements.define('display-app', DisplayApp);

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
