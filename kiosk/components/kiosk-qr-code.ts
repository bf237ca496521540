import { LitElement, css, html } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';

type QrModule = typeof import('qrcode');

let qr: QrModule | null = null;
let loading: Promise<QrModule> | null = null;

/** The QR encoder is a lazy chunk; the kiosk fetches it right after start-up, not when a ticket is waiting. */
export function loadQrEncoder(): Promise<QrModule> {
  loading ??= import('qrcode').then(
    (m) => (qr = (m as { default?: QrModule }).default ?? m),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * @summary A QR code drawn in the browser as SVG. Always dark on white with a
 * quiet zone, also in high-contrast mode: phone cameras need it that way.
 */
export class KioskQrCode extends LitElement {
  static override properties = {
    value: { type: String },
    label: { type: String },
  };

  static override styles = css`
    :host {
      display: block;
      background: #fff;
      padding: 0.5rem;
      border-radius: 0.5rem;
    }
    div {
      line-height: 0;
    }
    svg {
      inline-size: 100%;
      block-size: auto;
    }
  `;

  declare value: string;
  declare label: string;
  private markup = '';

  constructor() {
    super();
    this.value = '';
    this.label = '';
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('value')) return;
    this.markup = '';
    if (!this.value) return;
    if (!qr) {
      void loadQrEncoder().then(() => this.requestUpdate('value'), () => undefined);
      return;
    }
    // With a callback the library renders synchronously; an error leaves the code out rather than the screen.
    qr.toString(this.value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }, (err, svg) => {
      if (!err) this.markup = svg;
    });
  }

  override render() {
    return html`<div role="img" aria-label=${this.label}>${unsafeSVG(this.markup)}</div>`;
  }
}

customElements.define('kiosk-qr-code', KioskQrCode);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-qr-code': KioskQrCode;
  }
}
