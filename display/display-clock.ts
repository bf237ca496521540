import { LitElement, css, html } from 'lit';

/**
 * @summary The time (large) and the date, in the screen's language, always in
 * Latin digits and the Gregorian calendar like the numbers on the board.
 */
export class DisplayClock extends LitElement {
  static override properties = {
    lang: { type: String },
    now: { state: true },
  };

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .time {
      font-size: 6vmin;
      font-weight: 700;
    }
    .date {
      font-size: 2.4vmin;
      color: var(--muted);
    }
  `;

  declare lang: string;
  declare now: number;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.lang = 'de';
    this.now = Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** Re-arms at each full second, so the minute flips on time and timers never pile up. */
  private tick = (): void => {
    this.now = Date.now();
    this.timer = setTimeout(this.tick, 1000 - (this.now % 1000) + 5);
  };

  override render() {
    const locale = `${this.lang}-u-ca-gregory-nu-latn`;
    const d = new Date(this.now);
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    const date = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
    return html`<time class="time" datetime=${d.toISOString()}>${time}</time><span class="date">${date}</span>`;
  }
}

customElements.define('display-clock', DisplayClock);

declare global {
  interface HTMLElementTagNameMap {
    'display-clock': DisplayClock;
  }
}
