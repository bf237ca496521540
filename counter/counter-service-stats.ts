import { LitElement, css, html } from 'lit';
import type { PublicService, ServiceQueueStats } from '../common/dto.js';
import { serviceName } from './i18n.js';
import { counterTexts } from './texts.js';
import { base, tableStyles } from './styles.js';
import { wholeMinutes } from './time-format.js';

/**
 * @summary Per service the counter serves: how many wait, the longest wait and
 * the appointments due now. Counts are the server's; the longest wait ticks locally.
 */
export class CounterServiceStats extends LitElement {
  static override properties = {
    stats: { attribute: false },
    primaryIds: { attribute: false },
    services: { attribute: false },
    longestWait: { attribute: false },
  };

  static override styles = [
    base,
    tableStyles,
    css`
      .count {
        font-weight: 700;
        font-size: 1.1rem;
      }
      .tag {
        font-size: 0.8rem;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare stats: ServiceQueueStats[];
  declare primaryIds: string[];
  declare services: PublicService[];
  /** Longest current wait per service id, ms. */
  declare longestWait: (serviceId: string) => number;

  constructor() {
    super();
    this.stats = [];
    this.primaryIds = [];
    this.services = [];
    this.longestWait = () => 0;
  }

  override render() {
    const { t } = this.texts.value;
    return html`<section class="panel" aria-labelledby="stats-title">
      <h2 id="stats-title">${t('statsTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${t('statsService')}</th>
            <th scope="col" class="num">${t('statsWaiting')}</th>
            <th scope="col" class="num">${t('statsLongest')}</th>
            <th scope="col" class="num">${t('statsDue')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.stats.map(
            (s) => html`<tr data-service=${s.serviceId}>
              <th scope="row">
                ${serviceName(this.services, s.serviceId, this.texts.value.lang)}
                ${this.primaryIds.includes(s.serviceId) ? html`<span class="tag muted">(${t('statsPrimary')})</span>` : ''}
              </th>
              <td class="num count" data-waiting=${s.waiting}>${s.waiting}</td>
              <td class="num">${s.waiting > 0 ? t('minutes', { n: wholeMinutes(this.longestWait(s.serviceId)) }) : t('none')}</td>
              <td class="num">${s.dueAppointments}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

customElements.define('counter-service-stats', CounterServiceStats);

declare global {
  interface HTMLElementTagNameMap {
    'counter-service-stats': CounterServiceStats;
  }
}
