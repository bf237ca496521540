import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { adminBase } from '../styles.js';
import { adminTexts } from '../texts.js';

/** One line or bar series; `values` line up with the chart's `labels`. */
export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  kind: 'line' | 'bars';
  /** A colour plus a dash pattern: lines are told apart without colour too. */
  color: string;
  dash?: number[];
}

export interface ChartSpec {
  /** The x axis, as the table's first column shows it. */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Unit of the y axis (e.g. "min", "Tickets"). */
  unit: string;
}

const HEIGHT = 260;

/** Formats a figure for the table: one decimal at most, in the page's language; empty cells say "–". */
export function figure(v: number | null | undefined, lang: string): string {
  return v === null || v === undefined ? '–' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v);
}

/**
 * @summary A chart (uPlot on a canvas) with its numbers one click away: a button
 * swaps it for a table of the same values, and printing shows both.
 */
export class StatsChart extends LitElement {
  static override properties = { spec: { attribute: false }, caption: { type: String }, showTable: { state: true } };

  static override styles = [
    adminBase,
    unsafeCSS(uPlotCss),
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      figcaption {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        font-weight: 600;
        margin-block-end: 0.5rem;
      }
      .plot {
        min-height: ${HEIGHT}px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      th,
      td {
        padding: 0.25rem 0.5rem;
        border-bottom: 1px solid var(--a-line);
        text-align: end;
      }
      th:first-child,
      td:first-child {
        text-align: start;
      }
      @media print {
        button {
          display: none;
        }
        .table[hidden] {
          display: block !important;
        }
        figure {
          break-inside: avoid;
        }
      }
    `,
  ];

  private readonly texts = adminTexts.consume(this);
  declare spec: ChartSpec | null;
  declare caption: string;
  declare showTable: boolean;
  private plot: uPlot | null = null;
  private readonly resize = new ResizeObserver(() => this.fit());

  constructor() {
    super();
    this.spec = null;
    this.caption = '';
    this.showTable = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private get box(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.plot');
  }

  private fit(): void {
    const box = this.box;
    if (this.plot && box && box.clientWidth > 0) this.plot.setSize({ width: box.clientWidth, height: HEIGHT });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('spec')) this.draw();
  }

  private draw(): void {
    this.plot?.destroy();
    this.plot = null;
    const box = this.box;
    const spec = this.spec;
    if (!box || !spec || spec.labels.length === 0) return;
    this.resize.observe(box);
    const labels = spec.labels;
    const xs = labels.map((_, i) => i);
    const bars = uPlot.paths.bars?.({ size: [0.7, 60], align: 0 });
    const opts: uPlot.Options = {
      width: Math.max(box.clientWidth, 320),
      height: HEIGHT,
      scales: { x: { time: false, range: [-0.6, labels.length - 0.4] } },
      axes: [
        {
          values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (labels[t] ?? '') : '')),
          grid: { show: false },
        },
        { label: spec.unit, size: 56 },
      ],
      legend: { show: true, live: false },
      cursor: { show: false },
      series: [
        { label: '' },
        ...spec.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          ...(s.dash ? { dash: s.dash } : {}),
          ...(s.kind === 'bars' && bars ? { paths: bars, fill: `${s.color}aa`, points: { show: false } } : { points: { show: true, size: 5 } }),
        })),
      ],
    };
    const data: uPlot.AlignedData = [xs, ...spec.series.map((s) => [...s.values])];
    this.plot = new uPlot(opts, data, box);
  }

  override render() {
    const { t, lang } = this.texts.value;
    const spec = this.spec;
    return html`<figure>
      <figcaption>
        <span>${this.caption}</span>
        <button type="button" aria-pressed=${this.showTable ? 'true' : 'false'} @click=${() => (this.showTable = !this.showTable)}>
          ${t('statsShowNumbers')}
        </button>
      </figcaption>
      <div class="plot" role="img" aria-label=${this.caption} ?hidden=${this.showTable}></div>
      <div class="table" ?hidden=${!this.showTable}>
        ${spec
          ? html`<table>
              <caption hidden>${this.caption}</caption>
              <thead>
                <tr>
                  <th scope="col"></th>
                  ${spec.series.map((s) => html`<th scope="col">${s.label}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${spec.labels.map(
                  (l, i) => html`<tr>
                    <th scope="row">${l}</th>
                    ${spec.series.map((s) => html`<td>${figure(s.values[i], lang)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>`
          : ''}
      </div>
    </figure>`;
  }
}

customElements.define('stats-chart', StatsChart);

declare global {
  interface HTMLElementTagNameMap {
    'stats-chart': StatsChart;
  }
}
