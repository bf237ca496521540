import { html, type TemplateResult } from 'lit';
import type { HttpResult } from '../../common/client/http.js';
import type { StatsGroup, StatsQuery, StatsSummary } from '../../common/stats-schemas.js';
import { previousPeriod } from '../stats/range.js';
import { statsApi } from '../stats/stats-api.js';
import { figure, type ChartSpec } from '../stats/stats-chart.js';
import '../stats/stats-chart.js';
import { CHART_COLORS } from '../stats/stats-colors.js';
import { allNamed, StatsPage } from '../stats/stats-page.js';

type Loaded = Record<'total' | 'previous' | 'byHour' | 'byDay' | 'byService', StatsSummary>;

const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

/** The figures of one group by key (groups the server left out had nothing to count). */
const byKey = (s: StatsSummary) => new Map(s.groups.map((g) => [g.key, g]));

/**
 * @summary Statistics overview for a date range: key figures beside the period
 * before, waiting time and arrivals by hour, the services, the feedback and the
 * trend by day. Every chart has its numbers one click away; it prints on A4.
 */
export class AdminStats extends StatsPage<Loaded> {
  protected readonly heading = 'navStats' as const;

  protected fetch(q: StatsQuery): Promise<HttpResult<Loaded>> {
    return allNamed({
      total: statsApi.summary(q),
      previous: statsApi.summary({ ...q, ...previousPeriod({ from: q.from, to: q.to }) }),
      byHour: statsApi.grouped(q, 'hour'),
      byDay: statsApi.grouped(q, 'day'),
      byService: statsApi.grouped(q, 'service'),
    });
  }

  private keyFigures(l: Loaded) {
    const { t } = this.texts.value;
    const now = l.total.total;
    const before = l.previous.total;
    const share = (g: StatsGroup) => (g.withinTarget === null ? null : Math.round(g.withinTarget * 1000) / 10);
    const rows: Array<[string, number | null, number | null]> = [
      [t('statsIssued'), now.counts.issued, before.counts.issued],
      [t('statsServed'), now.counts.served, before.counts.served],
      [t('statsWaitMedian'), now.wait.median, before.wait.median],
      [t('statsWaitP90'), now.wait.p90, before.wait.p90],
      [t('statsWithinTarget', { n: l.total.waitTargetMinutes }), share(now), share(before)],
      [t('statsServiceMedian'), now.serviceTime.median, before.serviceTime.median],
      [t('statsNoShow'), now.counts.noShow, before.counts.noShow],
      [t('statsRefused'), now.counts.refused.total, before.counts.refused.total],
      [t('statsFeedbackMean'), now.feedback?.mean ?? null, before.feedback?.mean ?? null],
    ];
    return rows;
  }

  private waitByHour(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const g = byKey(l.byHour);
    const hours = this.openHours(l);
    return {
      labels: hours,
      unit: t('statsMinutes'),
      series: [
        { label: t('statsMedian'), kind: 'line', color: CHART_COLORS.median, values: hours.map((h) => g.get(h)?.wait.median ?? null) },
        { label: t('statsP90'), kind: 'line', color: CHART_COLORS.p90, dash: [8, 4], values: hours.map((h) => g.get(h)?.wait.p90 ?? null) },
        { label: t('statsTarget'), kind: 'line', color: CHART_COLORS.target, dash: [2, 4], values: hours.map(() => l.total.waitTargetMinutes) },
      ],
    };
  }

  /** The hours that saw any ticket, and those between: a day's hours without the empty night. */
  private openHours(l: Loaded): string[] {
    const used = l.byHour.groups.filter((g) => g.counts.issued > 0 || g.counts.refused.total > 0).map((g) => Number(g.key));
    if (used.length === 0) return HOURS.slice(7, 18);
    return HOURS.slice(Math.min(...used), Math.max(...used) + 1);
  }

  private arrivalsByHour(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const g = byKey(l.byHour);
    const hours = this.openHours(l);
    return {
      labels: hours,
      unit: t('statsTickets'),
      series: [
        { label: t('statsIssued'), kind: 'bars', color: CHART_COLORS.issued, values: hours.map((h) => g.get(h)?.counts.issued ?? 0) },
        { label: t('statsServed'), kind: 'line', color: CHART_COLORS.served, values: hours.map((h) => g.get(h)?.counts.served ?? 0) },
      ],
    };
  }

  private trend(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const days = l.byDay.groups;
    return {
      labels: days.map((d) => d.key.slice(5)),
      unit: t('statsMinutes'),
      series: [
        { label: t('statsWaitMedian'), kind: 'line', color: CHART_COLORS.median, values: days.map((d) => d.wait.median) },
        { label: t('statsWaitP90'), kind: 'line', color: CHART_COLORS.p90, dash: [8, 4], values: days.map((d) => d.wait.p90) },
      ],
    };
  }

  private ticketsByDay(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const days = l.byDay.groups;
    return {
      labels: days.map((d) => d.key.slice(5)),
      unit: t('statsTickets'),
      series: [
        { label: t('statsIssued'), kind: 'bars', color: CHART_COLORS.issued, values: days.map((d) => d.counts.issued) },
        { label: t('statsServed'), kind: 'line', color: CHART_COLORS.served, values: days.map((d) => d.counts.served) },
      ],
    };
  }

  private feedback(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const grades = l.total.total.feedback?.grades ?? [0, 0, 0, 0, 0, 0];
    return {
      labels: grades.map((_, i) => String(i + 1)),
      unit: t('statsAnswers'),
      series: [{ label: t('statsAnswers'), kind: 'bars', color: CHART_COLORS.median, values: grades }],
    };
  }

  private renderServices(l: Loaded) {
    const { t, lang } = this.texts.value;
    const pct = (v: number | null) => (v === null ? '–' : `${figure(v * 100, lang)} %`);
    return html`<table class="figures">
      <caption>${t('statsByService')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('statsService')}</th>
          <th scope="col">${t('statsIssued')}</th>
          <th scope="col">${t('statsServed')}</th>
          <th scope="col">${t('statsWaitMedian')}</th>
          <th scope="col">${t('statsWaitP90')}</th>
          <th scope="col">${t('statsWithinTarget', { n: l.total.waitTargetMinutes })}</th>
          <th scope="col">${t('statsServiceMedian')}</th>
          <th scope="col">${t('statsRefused')}</th>
          <th scope="col">${t('statsFeedbackMean')}</th>
        </tr>
      </thead>
      <tbody>
        ${l.byService.groups.map(
          (g) => html`<tr data-service=${g.key}>
            <th scope="row">${this.serviceName(g.key)}</th>
            <td>${g.counts.issued}</td>
            <td>${g.counts.served}</td>
            <td>${figure(g.wait.median, lang)}</td>
            <td>${figure(g.wait.p90, lang)}</td>
            <td>${pct(g.withinTarget)}</td>
            <td>${figure(g.serviceTime.median, lang)}</td>
            <td>${g.counts.refused.total}</td>
            <td>${figure(g.feedback?.mean, lang)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  protected renderLoaded(l: Loaded): TemplateResult {
    const { t, lang } = this.texts.value;
    const prev = previousPeriod({ from: l.total.from, to: l.total.to });
    return html`<section aria-labelledby="key-figures" class="panel">
        <h2 id="key-figures">${t('statsKeyFigures')}</h2>
        <table class="figures key">
          <thead>
            <tr>
              <th scope="col">${t('statsFigure')}</th>
              <th scope="col">${t('statsThisPeriod', { from: l.total.from, to: l.total.to })}</th>
              <th scope="col">${t('statsPreviousPeriod', { from: prev.from, to: prev.to })}</th>
            </tr>
          </thead>
          <tbody>
            ${this.keyFigures(l).map(
              ([label, now, before]) => html`<tr>
                <th scope="row">${label}</th>
                <td data-now>${figure(now, lang)}</td>
                <td>${figure(before, lang)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section class="panel charts">
        <stats-chart data-chart="wait-by-hour" caption=${t('statsWaitByHour')} .spec=${this.waitByHour(l)}></stats-chart>
        <stats-chart data-chart="arrivals-by-hour" caption=${t('statsArrivalsByHour')} .spec=${this.arrivalsByHour(l)}></stats-chart>
      </section>
      <section class="panel">${this.renderServices(l)}</section>
      <section class="panel charts">
        <stats-chart data-chart="feedback" caption=${t('statsFeedbackDistribution')} .spec=${this.feedback(l)}></stats-chart>
        <stats-chart data-chart="tickets-by-day" caption=${t('statsTicketsByDay')} .spec=${this.ticketsByDay(l)}></stats-chart>
        <stats-chart data-chart="wait-by-day" caption=${t('statsWaitByDay')} .spec=${this.trend(l)}></stats-chart>
      </section>`;
  }
}

customElements.define('admin-stats', AdminStats);

declare global {
  interface HTMLElementTagNameMap {
    'admin-stats': AdminStats;
  }
}
