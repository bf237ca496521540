import { LitElement, css, html } from 'lit';
import type { CounterAlarm } from '../common/protocol.js';
import { counterIntents } from './intents.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';

/**
 * @summary Open alarms, above everything else: another counter's alarm in red
 * until someone acknowledges it; this counter's own one as a quiet confirmation.
 * @fires counter-intent - `alarm-ack` with the alarm id.
 */
export class CounterAlarmBanner extends LitElement {
  static override properties = {
    alarms: { attribute: false },
    ownCounterId: { type: String },
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .alarm {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 1rem 1.25rem;
        background: var(--c-danger);
        color: #fff;
        border-bottom: 4px solid #5e0f0b;
      }
      .alarm strong {
        font-size: 1.6rem;
        letter-spacing: 0.02em;
      }
      .alarm p {
        margin: 0;
      }
      .alarm button {
        margin-inline-start: auto;
        background: #fff;
        color: var(--c-danger);
        border-color: #fff;
        font-weight: 700;
      }
      .own {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.6rem 1rem;
        background: var(--c-danger-soft);
        color: var(--c-danger);
        border-bottom: 1px solid var(--c-danger);
      }
      .own p {
        margin: 0;
      }
      .own button {
        margin-inline-start: auto;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare alarms: CounterAlarm[];
  declare ownCounterId: string;

  constructor() {
    super();
    this.alarms = [];
    this.ownCounterId = '';
  }

  private ack(a: CounterAlarm): void {
    counterIntents.fire(this, { type: 'alarm-ack', alarmId: a.alarmId });
  }

  private renderAlarm(a: CounterAlarm) {
    const { t } = this.texts.value;
    const time = this.texts.value.time(a.at);
    if (a.counterId === this.ownCounterId) {
      return html`<div class="own" role="status" data-alarm=${a.alarmId}>
        <p>${t('alarmOwn', { time })}</p>
        <button class="danger" @click=${() => this.ack(a)}>${t('alarmWithdraw')}</button>
      </div>`;
    }
    return html`<div class="alarm" role="alert" data-alarm=${a.alarmId} data-counter=${a.counterId}>
      <strong>${t('alarmIncoming', { counter: a.counterName })}</strong>
      <p>${a.raisedBy ? t('alarmRaisedBy', { name: a.raisedBy, time }) : t('alarmRaisedAt', { time })}</p>
      <button @click=${() => this.ack(a)}>${t('alarmAck')}</button>
    </div>`;
  }

  override render() {
    return html`${this.alarms.map((a) => this.renderAlarm(a))}`;
  }
}

customElements.define('counter-alarm-banner', CounterAlarmBanner);

declare global {
  interface HTMLElementTagNameMap {
    'counter-alarm-banner': CounterAlarmBanner;
  }
}
