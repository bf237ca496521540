import { LitElement, css, html } from 'lit';
import { ICONS, MIRRORED_ICONS } from './icons.js';

/**
 * @summary A pictogram. Decorative: the text next to it carries the meaning.
 */
export class KioskIcon extends LitElement {
  static override properties = { name: { type: String } };

  static override styles = css`
    :host {
      display: inline-block;
      inline-size: 1em;
      block-size: 1em;
      flex: none;
    }
    svg {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    :host(:dir(rtl)) svg.mirror {
      transform: scaleX(-1);
    }
  `;

  declare name: string;

  constructor() {
    super();
    this.name = 'dot';
  }

  override render() {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class=${MIRRORED_ICONS.has(this.name) ? 'mirror' : ''}>
      ${ICONS[this.name] ?? ICONS.dot}
    </svg>`;
  }
}

customElements.define('kiosk-icon', KioskIcon);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-icon': KioskIcon;
  }
}
