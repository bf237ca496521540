import { LitElement, css, html, nothing } from 'lit';
import { clockFormat, officeFormat } from '../common/client/office-time.js';
import { displayTexts } from './texts.js';

/**
 * @summary The time (large) and the date on the office's clock, in the screen's
 * language, always in Latin digits and the Gregorian calendar like the numbers
 * on the board. Blank until the first snapshot names the office's zone: a
 * screen whose PC is set to another zone must not show that zone's time.
 */
export class DisplayClock extends LitElement {
  static override properties = {
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

  declare now: number;
  private readonly texts = displayTexts.consume(this);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
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
    const { lang, timeZone } = this.texts.value;
    if (!timeZone) return nothing;
    const locale = `${lang}-u-ca-gregory-nu-latn`;
    const time = clockFormat(locale, timeZone, { hourCycle: 'h23' })(this.now);
    const date = officeFormat(locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })(this.now);
    return html`<time class="time" datetime=${new Date(this.now).toISOString()}>${time}</time><span class="date">${date}</span>`;
  }
}

customElements.define('display-clock', DisplayClock);

declare global {
  interface HTMLElementTagNameMap {
    'display-clock': DisplayClock;
  }
}
