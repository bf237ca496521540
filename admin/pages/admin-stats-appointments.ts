import { html, type TemplateResult } from 'lit';
import type { HttpResult } from '../../common/client/http.js';
import type { StatsGroup, StatsQuery, StatsSummary } from '../../common/stats-schemas.js';
import { statsApi } from '../stats/stats-api.js';
import { figure, type ChartSpec } from '../stats/stats-chart.js';
import '../stats/stats-chart.js';
import { CHART_COLORS } from '../stats/stats-colors.js';
import { allNamed, StatsPage } from '../stats/stats-page.js';

type Loaded = Record<'total' | 'byDay' | 'walkInByDay', StatsSummary>;

/** Missed appointments as a share of those booked, in per cent; null when none was booked. */
export function noShowRate(g: StatsGroup): number | null {
  const a = g.appointments;
  return a.booked === 0 ? null : Math.round((a.missed / a.booked) * 1000) / 10;
}

/**
 * @summary Appointments for a date range: booked against walk-ins per day,
 * the share of missed appointments, how late visitors came and how late the
 * office called them.
 */
export class AdminStatsAppointments extends StatsPage<Loaded> {
  protected readonly heading = 'navStatsAppointments' as const;

  protected fetch(q: StatsQuery): Promise<HttpResult<Loaded>> {
    return allNamed({
      total: statsApi.summary(q),
      byDay: statsApi.grouped(q, 'day'),
      walkInByDay: statsApi.grouped({ ...q, channel: 'walk_in' }, 'day'),
    });
  }

  private bookedAndWalkIns(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const walkIns = new Map(l.walkInByDay.groups.map((g) => [g.key, g.counts.issued]));
    const days = l.byDay.groups;
    return {
      labels: days.map((d) => d.key.slice(5)),
      unit: t('statsTickets'),
      series: [
        { label: t('statsBooked'), kind: 'bars', color: CHART_COLORS.issued, values: days.map((d) => d.appointments.booked) },
        { label: t('statsWalkIns'), kind: 'line', color: CHART_COLORS.median, values: days.map((d) => walkIns.get(d.key) ?? 0) },
      ],
    };
  }

  private noShows(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const days = l.byDay.groups;
    return {
      labels: days.map((d) => d.key.slice(5)),
      unit: '%',
      series: [{ label: t('statsNoShowRate'), kind: 'line', color: CHART_COLORS.p90, values: days.map(noShowRate) }],
    };
  }

  private lateness(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const days = l.byDay.groups;
    return {
      labels: days.map((d) => d.key.slice(5)),
      unit: t('statsMinutes'),
      series: [
        { label: t('statsLateness'), kind: 'line', color: CHART_COLORS.median, values: days.map((d) => d.appointments.lateness.mean) },
        { label: t('statsOfficeDelay'), kind: 'line', color: CHART_COLORS.p90, dash: [8, 4], values: days.map((d) => d.appointments.officeDelay.mean) },
      ],
    };
  }

  protected renderLoaded(l: Loaded): TemplateResult {
    const { t, lang } = this.texts.value;
    const g = l.total.total;
    const a = g.appointments;
    const walkIns = l.walkInByDay.total.counts.issued;
    const rows: Array<[string, number | null]> = [
      [t('statsBooked'), a.booked],
      [t('statsCheckedIn'), a.checkedIn],
      [t('statsMissed'), a.missed],
      [t('statsNoShowRate'), noShowRate(g)],
      [t('statsWalkIns'), walkIns],
      [t('statsLatenessMean'), a.lateness.mean],
      [t('statsLatenessP90'), a.lateness.p90],
      [t('statsOfficeDelayMean'), a.officeDelay.mean],
      [t('statsOfficeDelayP90'), a.officeDelay.p90],
    ];
    return html`<section aria-labelledby="key-figures" class="panel">
        <h2 id="key-figures">${t('statsKeyFigures')}</h2>
        <table class="figures key">
          <tbody>
            ${rows.map(([label, v]) => html`<tr><th scope="row">${label}</th><td>${figure(v, lang)}</td></tr>`)}
          </tbody>
        </table>
      </section>
      <section class="panel charts">
        <stats-chart data-chart="booked-walk-in" caption=${t('statsBookedAndWalkIns')} .spec=${this.bookedAndWalkIns(l)}></stats-chart>
        <stats-chart data-chart="no-shows" caption=${t('statsNoShowRateByDay')} .spec=${this.noShows(l)}></stats-chart>
        <stats-chart data-chart="lateness" caption=${t('statsLatenessByDay')} .spec=${this.lateness(l)}></stats-chart>
      </section>`;
  }
}

customElements.define('admin-stats-appointments', AdminStatsAppointments);

declare global {
  interface HTMLElementTagNameMap {
    'admin-stats-appointments': AdminStatsAppointments;
  }
}
