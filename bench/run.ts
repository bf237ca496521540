import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanUpNow, installCleanupHandlers } from './cleanup.js';
import { FULL, QUICK } from './plan.js';
import {
  describeMachine,
  machineLine,
  markdownTable,
  SCENARIO_KEYS,
  textTable,
  type BenchReport,
  type ScenarioKey,
  type ScenarioResult,
} from './report.js';
import { callLatency } from './scenarios/call-latency.js';
import { commandCost } from './scenarios/command-cost.js';
import { fairness } from './scenarios/fairness.js';
import { idleClients } from './scenarios/idle-clients.js';
import { officeHour } from './scenarios/office-hour.js';
import { phones } from './scenarios/phones.js';
import { pickNextCost } from './scenarios/pick-next.js';
import { ticketThroughput } from './scenarios/ticket-throughput.js';
import { SERVER_MAIN } from './server-process.js';
import { setVerbose } from './progress.js';
// #16: a year of statistics facts
import { statsYear } from './scenarios/stats-year.js';

/**
 * `npm run bench [-- --quick] [-- --out file.json] [-- --only key,key]`
 *
 * Runs every scenario against real server processes on 127.0.0.1, prints a
 * table and writes the JSON report. Unmet targets are findings, not failures:
 * the exit code is non-zero only when a scenario could not run at all.
 */
const USAGE = `usage: node dist/node/bench/run.js [--quick] [--out <file.json>] [--only <key,…>] [--verbose]
  --quick   a smoke run of every scenario (small N, short durations)
  --out     where to write the JSON (default bench/results/latest.json, quick: bench/results/quick.json);
            a Markdown table goes next to it (.md)
  --only    run only these scenarios: ${SCENARIO_KEYS.join(', ')} (call-latency runs both sizes)
  --verbose phase timings on stderr`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run "npm run build:server" first`);
  installCleanupHandlers();
  setVerbose(values.verbose === true);
  const plan = values.quick ? QUICK : FULL;
  const repoRoot = resolve(import.meta.dirname, '../../..');
  const out = resolve(values.out ?? resolve(repoRoot, 'bench/results', values.quick ? 'quick.json' : 'latest.json'));
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const wanted = (key: string) => only === null || only.has(key) || (key.startsWith('call-latency') && only.has('call-latency'));

  const startedAt = new Date();
  const machine = describeMachine();
  const report: BenchReport = {
    schema: 'amtsqueue-bench/1',
    mode: plan.mode,
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    wallSeconds: 0,
    machine,
    plan,
    scenarios: {},
    failures: {},
  };
  process.stdout.write(`amtsqueue bench (${plan.mode}) on ${machineLine(machine)}\n`);

  const step = async (keys: ScenarioKey[], run: () => Promise<ScenarioResult[]>) => {
    if (!keys.some(wanted)) return;
    const t0 = Date.now();
    process.stdout.write(`· ${keys.join(' + ')} … `);
    try {
      const results = await run();
      keys.forEach((k, i) => {
        const r = results[i];
        if (r) report.scenarios[k] = r;
      });
      process.stdout.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      for (const k of keys) report.failures[k] = message;
      process.stdout.write(`FAILED after ${((Date.now() - t0) / 1000).toFixed(1)} s\n${message}\n`);
    }
  };

  await step(['pick-next'], () => Promise.resolve([pickNextCost(plan)]));
  await step(['call-latency-small', 'call-latency-large'], async () => {
    const r = await callLatency(plan);
    return [r.small, r.large];
  });
  await step(['ticket-throughput'], async () => [await ticketThroughput(plan)]);
  await step(['idle-clients'], async () => [await idleClients(plan, machine.openFilesLimit)]);
  await step(['office-hour'], async () => [await officeHour(plan)]);
  await step(['fairness'], async () => [await fairness(plan)]);
  await step(['phones'], async () => [await phones(plan)]);
  await step(['command-cost'], async () => [await commandCost(plan)]);
  // #16: a year of statistics facts written into the store, rebuilt and read
  await step(['stats'], async () => [await statsYear(plan)]);

  const finishedAt = new Date();
  report.finishedAt = finishedAt.toISOString();
  report.wallSeconds = Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10;
  report.machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  const md = out.replace(/\.json$/, '') + '.md';
  writeFileSync(
    md,
    `Measured ${report.startedAt.slice(0, 10)} (${plan.mode} run, ${report.wallSeconds} s) on ${machineLine(machine)}.\n\n${markdownTable(report)}\n`,
  );
  process.stdout.write(`\n${textTable(report)}\n\nwall time ${report.wallSeconds} s; wrote ${out} and ${md}\n`);
  return Object.keys(report.failures).length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    cleanUpNow();
    process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    cleanUpNow();
    process.exit(1);
  },
);
