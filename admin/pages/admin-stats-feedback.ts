import { html, type TemplateResult } from 'lit';
import type { HttpResult } from '../../common/client/http.js';
import type { StatsComments, StatsQuery, StatsSummary } from '../../common/stats-schemas.js';
import { statsApi } from '../stats/stats-api.js';
import { figure, type ChartSpec } from '../stats/stats-chart.js';
import '../stats/stats-chart.js';
import { SERVICE_LINES } from '../stats/stats-colors.js';
import { allNamed, StatsPage } from '../stats/stats-page.js';

interface Loaded {
  byService: StatsSummary;
  /** Per service id, its figures by ISO week. */
  weekly: Record<string, StatsSummary>;
  comments: StatsComments;
}

const GRADES = [1, 2, 3, 4, 5, 6] as const;

/**
 * @summary Feedback for a date range: the mean grade per service week by week,
 * and how many gave each grade per service. Never by counter or person.
 */
export class AdminStatsFeedback extends StatsPage<Loaded> {
  protected readonly heading = 'navStatsFeedback' as const;

  protected async fetch(q: StatsQuery): Promise<HttpResult<Loaded>> {
    const ids = [...this.serviceNames.keys()];
    const weekly = await allNamed(Object.fromEntries(ids.map((id) => [id, statsApi.grouped({ ...q, serviceId: id }, 'week')])));
    if (!weekly.ok) return weekly;
    const [byService, comments] = await Promise.all([statsApi.grouped(q, 'service'), statsApi.comments(q)]);
    if (!byService.ok) return byService;
    if (!comments.ok) return comments;
    return { ok: true, value: { byService: byService.value, weekly: weekly.value, comments: comments.value } };
  }

  private gradesOverTime(l: Loaded): ChartSpec {
    const { t } = this.texts.value;
    const weeks = [...new Set(Object.values(l.weekly).flatMap((s) => s.groups.map((g) => g.key)))].sort();
    const withAnswers = Object.entries(l.weekly).filter(([, s]) => (s.total.feedback?.count ?? 0) > 0);
    return {
      labels: weeks,
      unit: t('statsGrade'),
      series: withAnswers.map(([id, s], i) => {
        const byWeek = new Map(s.groups.map((g) => [g.key, g.feedback?.mean ?? null]));
        const line = SERVICE_LINES[i % SERVICE_LINES.length] ?? { color: '#0a55a0' };
        return { label: this.serviceName(id), kind: 'line' as const, ...line, values: weeks.map((w) => byWeek.get(w) ?? null) };
      }),
    };
  }

  protected renderLoaded(l: Loaded): TemplateResult {
    const { t, lang } = this.texts.value;
    const total = l.byService.total.feedback;
    return html`<section class="panel">
        <stats-chart data-chart="grades-by-week" caption=${t('statsGradesByWeek')} .spec=${this.gradesOverTime(l)}></stats-chart>
      </section>
      <section class="panel">
        <table class="figures" data-table="grades">
          <caption>${t('statsGradesByService')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('statsService')}</th>
              <th scope="col">${t('statsAnswers')}</th>
              <th scope="col">${t('statsFeedbackMean')}</th>
              ${GRADES.map((n) => html`<th scope="col">${t('statsGradeN', { n })}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${l.byService.groups.map(
              (g) => html`<tr data-service=${g.key}>
                <th scope="row">${this.serviceName(g.key)}</th>
                <td>${g.feedback?.count ?? 0}</td>
                <td>${figure(g.feedback?.mean, lang)}</td>
                ${GRADES.map((_, i) => html`<td>${g.feedback?.grades[i] ?? 0}</td>`)}
              </tr>`,
            )}
            <tr>
              <th scope="row">${t('statsAll')}</th>
              <td>${total?.count ?? 0}</td>
              <td>${figure(total?.mean, lang)}</td>
              ${GRADES.map((_, i) => html`<td>${total?.grades[i] ?? 0}</td>`)}
            </tr>
          </tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="comments-heading">
        <h2 id="comments-heading">${t('statsComments')}</h2>
        ${l.comments.comments.length === 0
          ? html`<p>${t('statsNoComments')}</p>`
          : html`<ol class="comments" data-comments>
              ${l.comments.comments.map(
                (c) => html`<li>
                  <span class="meta">${c.date} · ${this.serviceName(c.serviceId)}</span>
                  <q>${c.text}</q>
                </li>`,
              )}
            </ol>`}
        ${l.comments.more ? html`<p>${t('statsMoreComments')}</p>` : ''}
      </section>`;
  }
}

customElements.define('admin-stats-feedback', AdminStatsFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'admin-stats-feedback': AdminStatsFeedback;
  }
}
