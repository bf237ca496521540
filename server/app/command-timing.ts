import type { CommandTiming, CommandTimings as CommandTimingsReport, SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Office } from './office.js';
import { can } from './access.js';

/**
 * Server time per command (#14, target 2): the adapters wrap each command's
 * handler in `timings.time(name, run)`, which reads `process.hrtime.bigint()`
 * before and after and keeps, per command name, an exact count, error count,
 * sum and maximum plus a bounded uniform sample (reservoir sampling) for the
 * percentiles. Recording costs two clock reads and a few array writes; the
 * answer (value or error) passes through untouched.
 *
 * The time is the handler's wall time on the server: validation, the session
 * lookup of a socket command, the store transaction with its fsync, the
 * domain's decision and the view of the answer, and any wait for the store's
 * lock behind other commands. It excludes HTTP parsing and serialisation, the
 * socket frame, printing, and the pushes that follow the commit.
 */

/** Samples kept per command name for the percentiles. */
export const TIMING_SAMPLES = 1024;

class CommandSeries {
  count = 0;
  errors = 0;
  sumUs = 0;
  maxUs = 0;
  readonly samples: Float64Array;

  constructor(size: number) {
    this.samples = new Float64Array(size);
  }

  add(us: number, random: () => number): void {
    const i = this.count++;
    this.sumUs += us;
    if (us > this.maxUs) this.maxUs = us;
    if (i < this.samples.length) {
      this.samples[i] = us;
    } else {
      // Algorithm R: every sample so far has the same chance to be among those kept.
      const j = Math.floor(random() * (i + 1));
      if (j < this.samples.length) this.samples[j] = us;
    }
  }
}

const round1 = (us: number) => Math.round(us * 10) / 10;

/** Nearest-rank percentile of an ascending array (as the bench's stats.ts). */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

export class CommandTimings {
  private readonly series = new Map<string, CommandSeries>();
  private since: number;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly size = TIMING_SAMPLES,
    private readonly random: () => number = Math.random,
  ) {
    this.since = now();
  }

  /** Runs `run` and records its time under `command` (successes in the figures, failures as errors). */
  async time<T>(command: string, run: () => Promise<T>): Promise<T> {
    const t0 = process.hrtime.bigint();
    let ok = false;
    try {
      const result = await run();
      ok = true;
      return result;
    } finally {
      this.record(command, Number(process.hrtime.bigint() - t0) / 1000, ok);
    }
  }

  /** Records one command's time in µs; a failed command only counts as an error. */
  record(command: string, us: number, ok = true): void {
    let s = this.series.get(command);
    if (!s) this.series.set(command, (s = new CommandSeries(this.size)));
    if (ok) s.add(us, this.random);
    else s.errors++;
  }

  /** Count, errors, p50, p99, max and mean per command since the start (or the last reset), by name. */
  report(): CommandTimingsReport {
    const commands: CommandTiming[] = [];
    for (const [command, s] of [...this.series].sort(([a], [b]) => a.localeCompare(b))) {
      const kept = s.samples.slice(0, Math.min(s.count, s.samples.length)).sort();
      commands.push({
        command,
        count: s.count,
        errors: s.errors,
        p50Us: round1(percentile(kept, 50)),
        p99Us: round1(percentile(kept, 99)),
        maxUs: round1(s.maxUs),
        meanUs: round1(s.count > 0 ? s.sumUs / s.count : 0),
        samples: kept.length,
      });
    }
    return { since: this.since, commands };
  }

  /** Forgets every figure; the next report covers what runs from now on. */
  reset(): void {
    this.series.clear();
    this.since = this.now();
  }
}

/** One recorder per office (per site and process): HTTP routes and socket handlers of that office share it. */
const recorders = new WeakMap<Office, CommandTimings>();

export function commandTimings(office: Office): CommandTimings {
  let timings = recorders.get(office);
  if (!timings) recorders.set(office, (timings = new CommandTimings(() => office.now())));
  return timings;
}

function requireAdmin(user: SessionUser): void {
  if (!can(user, 'metrics.commands')) throw new AppError('FORBIDDEN', 'Only an admin may read or reset the command timings.');
}

/** Admin only: the figures since the server started or they were last reset. */
export function readCommandTimings(office: Office, user: SessionUser): CommandTimingsReport {
  requireAdmin(user);
  return commandTimings(office).report();
}

/** Admin only: starts the figures afresh (e.g. after a warm-up or a change of configuration). */
export function resetCommandTimings(office: Office, user: SessionUser): void {
  requireAdmin(user);
  commandTimings(office).reset();
}
