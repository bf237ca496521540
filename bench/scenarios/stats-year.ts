import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Office } from '../../server/app/office.js';
import { statsProjection } from '../../server/app/stats/projection.js';
import { statsSummary } from '../../server/app/stats/summary.js';
import type { SessionUser } from '../../common/dto.js';
import type { StatsQuery } from '../../common/stats-schemas.js';
import { defaultOfficeSettings } from '../../server/domain/settings.js';
import type { FactQuery } from '../../server/domain/stats/facts.js';
import { addDays, instantAt } from '../../server/domain/time.js';
import { officeDays, SERVICES, TZ, writeOfficeDays } from '../office-history.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import type { Plan } from '../plan.js';
import { progress } from '../progress.js';
import type { ScenarioResult } from '../report.js';
import { removeDir, tempDir } from '../cleanup.js';
import { coldSummary } from '../stats-cold.js';
import { round, seededRandom } from '../stats.js';

/**
 * Scenario 9 (#16). A year of a busy office — 250 office days × 600 visits
 * (quick: 10 days), about a million events in a realistic mix (walk-ins,
 * priority, appointments early, late and missed, staff issues, transfers with
 * and without keeping the place, recalls, no-shows, cancellations, tickets
 * expired at the day's end, refusals, phone estimates, notes) — is written
 * straight into the store's event log, since driving a million commands
 * through the server would take most of an hour. Then `npm run stats:rebuild`'s
 * work (StatsProjection.rebuild: drop the facts, project the whole log) with its
 * seconds and memory, then the year's fact rows (what the CSV export reads), and
 * the summaries (read from the day packs): each first as the first request of a
 * fresh process (cold, bench/stats-cold.ts), then in this process (median of 3).
 */

const SITE = 'main';
const SIZES = { full: { days: 250, visits: 600 }, quick: { days: 10, visits: 600 } } as const;
function medianMs(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return round(s[Math.floor(s.length / 2)] as number, 1);
}

export async function statsYear(plan: Plan): Promise<ScenarioResult> {
  const size = SIZES[plan.mode];
  const dir = tempDir('stats');
  const file = join(dir, 'stats.sqlite');
  const store = new SqliteStore(file);
  try {
    await store.shared((tx) => tx.putSite({ id: SITE, settings: defaultOfficeSettings(TZ) }));
    await store.transaction(SITE, async (tx) => {
      for (const [id, prefix] of SERVICES) {
        await tx.catalog.putService({ id, prefix, names: { de: id }, icon: 'info', hours: {}, dailyLimit: null, defaultServiceMinutes: 10, priorityEnabled: true, active: true, sortOrder: 1 });
      }
    });
    const rng = seededRandom(16);
    const days = officeDays(size.days);
    const w0 = performance.now();
    await writeOfficeDays(store, SITE, days, size.visits, rng, (i, events) => {
      if (i % 25 === 0) progress(`stats: wrote ${i + 1}/${days.length} days, ${events} events`);
    });
    const writeS = (performance.now() - w0) / 1000;

    // The rebuild (what `npm run stats:rebuild` does), with the process's memory sampled meanwhile.
    const office = new Office({ store, siteId: SITE, now: () => instantAt(addDays(days[days.length - 1] as string, 1), '12:00', TZ), publicUrl: '' });
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 20);
    const r0 = performance.now();
    const counts = await statsProjection(office).rebuild();
    const rebuildS = (performance.now() - r0) / 1000;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

    // The year's fact reads the summary is built on (median of 3 each).
    const year: FactQuery = { fromDate: days[0] as string, toDate: days[days.length - 1] as string };
    const reads: Record<string, FactQuery> = {
      all: year,
      languageTr: { ...year, language: 'tr' },
      channelAppointment: { ...year, channel: 'appointment' },
    };
    const readMs: Record<string, number> = {};
    const rows: Record<string, number> = {};
    for (const [name, q] of Object.entries(reads)) {
      const samples: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        const facts = await store.read(SITE, (r) => r.stats.segments(q));
        samples.push(performance.now() - t0);
        rows[name] = facts.length;
      }
      readMs[name] = medianMs(samples);
    }

    // The summaries the statistics pages ask for, through the same use case as GET /api/stats/summary (median of 3 each).
    const admin: SessionUser = { id: 'usr_bench', username: 'bench', displayName: 'Bench', role: 'admin', languages: [], mustChangePassword: false };
    const whole: StatsQuery = { from: year.fromDate, to: year.toDate };
    const summaries: Record<string, StatsQuery> = {
      byMonth: { ...whole, groupBy: 'month' },
      byHour: { ...whole, groupBy: 'hour' },
      byService: { ...whole, groupBy: 'service' },
      languageTr: { ...whole, language: 'tr', groupBy: 'month' },
      channelAppointment: { ...whole, channel: 'appointment', groupBy: 'month' },
    };
    // Cold: each summary as the first request of a fresh process on the same file (bench/stats-cold.ts).
    const coldMs: Record<string, number> = {};
    let coldRssMiB = 0;
    for (const [name, q] of Object.entries(summaries)) {
      const cold = await coldSummary({ file, siteId: SITE, now: office.now(), query: q });
      coldMs[name] = round(cold.ms, 1);
      coldRssMiB = Math.max(coldRssMiB, round(cold.peakRssMiB, 0));
    }
    const summaryMs: Record<string, number> = {};
    const summarySpread: Record<string, { minMs: number; maxMs: number }> = {};
    for (const [name, q] of Object.entries(summaries)) {
      const samples: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        await statsSummary(office, admin, q);
        samples.push(performance.now() - t0);
      }
      summaryMs[name] = medianMs(samples);
      summarySpread[name] = { minMs: round(Math.min(...samples), 1), maxMs: round(Math.max(...samples), 1) };
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }

    // The target is the summaries' (the full fact rows are the CSV export's read, reported beside them).
    const slowest = Math.max(...Object.values(coldMs), ...Object.values(summaryMs));
    const mb = (b: number) => round(b / 2 ** 20, 0);
    return {
      scenario: 9,
      title: 'Statistics: a year of facts (rebuild and reads)',
      headline:
        `${size.days} days × ${size.visits} visits: ${counts.events} events → ${counts.segments} segments; rebuild ${round(rebuildS, 1)} s, ` +
        `peak RSS ${mb(rssPeak)} MiB (+${mb(rssPeak - rssBefore)}); year of facts read in ${readMs.all} ms (tr ${readMs.languageTr} ms, appointments ${readMs.channelAppointment} ms); summaries by month ${summaryMs.byMonth} ms, hour ${summaryMs.byHour} ms, service ${summaryMs.byService} ms, tr ${summaryMs.languageTr} ms, appointments ${summaryMs.channelAppointment} ms; ` +
        `cold (first request of a fresh process) by month ${coldMs.byMonth} ms, hour ${coldMs.byHour} ms, service ${coldMs.byService} ms, tr ${coldMs.languageTr} ms, appointments ${coldMs.channelAppointment} ms, its peak RSS ${coldRssMiB} MiB`,
      figures: {
        days: size.days,
        visitsPerDay: size.visits,
        events: counts.events,
        segments: counts.segments,
        refusals: counts.refusals,
        appointments: counts.appointments,
        writeSeconds: round(writeS, 1),
        rebuildSeconds: round(rebuildS, 2),
        rssBeforeMiB: mb(rssBefore),
        rssPeakMiB: mb(rssPeak),
        readMs,
        rows,
        summaryMs,
        summarySpreadMs: summarySpread,
        coldMs,
        coldRssMiB,
      },
      floor: null,
      ratio: null,
      target: { text: 'each year summary (by month, hour, service; filtered by language, channel) ≤ 1 s, the first (cold) request included; memory bounded', met: slowest <= 1000 },
      details: [
        ...Object.entries(readMs).map(([k, v]) => `  segments ${k}: ${rows[k]} rows in ${v} ms`),
        ...Object.entries(summaryMs).map(([k, v]) => `  summary ${k}: ${v} ms (of 3: ${summarySpread[k]?.minMs}–${summarySpread[k]?.maxMs} ms), cold ${coldMs[k]} ms`),
      ],
      notes: ['The rebuild projects in batches of 5,000 events, each its own transaction; the facts are rows in SQLite, not in memory.'],
    };
  } finally {
    await store.close();
    removeDir(dir);
  }
}
