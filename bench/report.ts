import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, release, totalmem } from 'node:os';
import type { Plan } from './plan.js';

export type FigureValue = number | { [key: string]: FigureValue };
export type Figures = Record<string, FigureValue>;

/** One row of the report: the figures, the floor measured in the same run, the ratio and the target. */
export interface ScenarioResult {
  scenario: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  title: string;
  /** One line for the table. */
  headline: string;
  figures: Figures;
  floor: { what: string; headline: string; figures: Figures } | null;
  ratio: { value: number; what: string } | null;
  target: { text: string; met: boolean };
  /** Extra table lines (per size, per operation). */
  details: string[];
  notes: string[];
}

export const SCENARIO_KEYS = [
  'call-latency-small',
  'call-latency-large',
  'ticket-throughput',
  'pick-next',
  'idle-clients',
  'office-hour',
  'fairness',
  'phones',
  'command-cost',
  // #16: a year of statistics facts (bench/scenarios/stats-year.ts)
  'stats',
] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

export interface Machine {
  nproc: number;
  cpu: string;
  ramGiB: number;
  freeRamGiBAtStart: number;
  node: string;
  kernel: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  openFilesLimit: number | null;
}

export interface BenchReport {
  schema: 'amtsqueue-bench/1';
  mode: Plan['mode'];
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  machine: Machine;
  plan: Plan;
  scenarios: Partial<Record<ScenarioKey, ScenarioResult>>;
  /** Scenarios that could not run, with the reason. */
  failures: Partial<Record<ScenarioKey, string>>;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) return m[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function openFilesLimit(): number | null {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m?.[1] ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function describeMachine(): Machine {
  return {
    nproc: availableParallelism(),
    cpu: cpuModel(),
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeRamGiBAtStart: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: release(),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    openFilesLimit: openFilesLimit(),
  };
}

const fmtRatio = (r: ScenarioResult['ratio']) => (r ? `${r.value.toFixed(2)} (${r.what})` : '–');

function rows(report: BenchReport): string[][] {
  const out: string[][] = [];
  for (const key of SCENARIO_KEYS) {
    const s = report.scenarios[key];
    if (!s) {
      const why = report.failures[key];
      if (why !== undefined) out.push([`${key}`, `FAILED: ${why.split('\n')[0] ?? ''}`, '', '', '', '']);
      continue;
    }
    out.push([
      `${s.scenario}. ${key}`,
      s.headline,
      s.floor?.headline ?? '–',
      fmtRatio(s.ratio),
      s.target.text,
      s.target.met ? 'yes' : 'NO',
    ]);
    for (const d of s.details) out.push(['', `  ${d}`, '', '', '', '']);
  }
  return out;
}

const HEADER = ['scenario', 'measured', 'floor (same run)', 'ratio', 'target', 'met'];

/** A plain text table for the terminal; detail lines may run past their column. */
export function textTable(report: BenchReport): string {
  const body = rows(report);
  const main = [HEADER, ...body.filter((r) => r[0] !== '')];
  const widths = HEADER.map((_, c) => Math.max(...main.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r[0] === '' && r.length > 1
      ? `${''.padEnd(widths[0] ?? 0)} │ ${r[1] ?? ''}`
      : r
          .map((cell, c) => cell.padEnd(widths[c] ?? 0))
          .join(' │ ')
          .trimEnd();
  return [line(HEADER), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}

/** The same table in Markdown, for the README. */
export function markdownTable(report: BenchReport): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [`| ${HEADER.join(' | ')} |`, `| ${HEADER.map(() => '---').join(' | ')} |`];
  for (const r of rows(report)) lines.push(`| ${r.map(esc).join(' | ')} |`);
  return lines.join('\n');
}

export function machineLine(m: Machine): string {
  return `${m.nproc} × ${m.cpu}, ${m.ramGiB} GiB RAM, Node ${m.node}, Linux ${m.kernel}, load average at start ${m.loadAverageAtStart.join(' / ')}`;
}
