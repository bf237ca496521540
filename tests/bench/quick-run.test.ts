import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_KEYS, type BenchReport, type ScenarioKey } from '../../bench/report.js';

/**
 * The bench is a measurement, not a test: slow machines never fail here.
 * This only checks that `--quick` runs every scenario against real server
 * processes and writes a well-formed report.
 */
const ENTRY = resolve(import.meta.dirname, '../../dist/node/bench/run.js');
const dir = mkdtempSync(join(tmpdir(), 'amtsqueue-bench-test-'));
const out = join(dir, 'quick.json');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIOS: Record<ScenarioKey, { scenario: number; figures: string[]; floor: boolean; ratio: boolean }> = {
  'call-latency-small': { scenario: 1, figures: ['displays', 'p50Ms', 'p99Ms', 'maxMs', 'samples'], floor: true, ratio: true },
  'call-latency-large': { scenario: 1, figures: ['displays', 'p50Ms', 'p99Ms', 'maxMs', 'samples'], floor: true, ratio: true },
  'ticket-throughput': { scenario: 2, figures: ['ticketsPerSecond', 'p99Ms', 'created201', 'rowsInDatabase'], floor: true, ratio: true },
  'pick-next': { scenario: 3, figures: ['usAt10000'], floor: false, ratio: false },
  'idle-clients': { scenario: 4, figures: ['idleSockets', 'rssMiB'], floor: true, ratio: true },
  'office-hour': { scenario: 5, figures: ['ops', 'opsPerSecond', 'errors', 'counters', 'worstP99Ms'], floor: true, ratio: true },
  fairness: { scenario: 6, figures: ['seconds', 'worstServicesP50Ms', 'worstKioskPageP50Ms'], floor: true, ratio: true },
  phones: { scenario: 7, figures: ['sockets', 'watched', 'p99Ms', 'rssMiB'], floor: true, ratio: true },
  'command-cost': { scenario: 8, figures: ['worstHandlerRatio', 'worstCpuRatio', 'cycles'], floor: false, ratio: true },
  // #16
  stats: { scenario: 9, figures: ['events', 'segments', 'rebuildSeconds', 'rssPeakMiB'], floor: false, ratio: false },
};

/** Every leaf of a figures object is a finite number. */
function numericLeaves(value: unknown, path: string): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} is ${value}`];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numericLeaves(v, `${path}.${k}`));
  }
  return [`${path} is ${typeof value}`];
}

describe('npm run bench -- --quick', () => {
  it('runs every scenario and writes well-formed JSON', { timeout: 240_000 }, async () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: run "npm run build:server" first`).toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [ENTRY, '--quick', '--out', out], {
      timeout: 230_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toContain('scenario');

    // Read back as the type run.ts writes; the expectations below check that it really has that shape.
    const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    expect(report.schema).toBe('amtsqueue-bench/1');
    expect(report.mode).toBe('quick');
    expect(report.failures).toEqual({});
    expect(report.machine.nproc).toBeGreaterThan(0);
    expect(typeof report.machine.cpu).toBe('string');
    expect(Object.keys(report.scenarios).sort()).toEqual([...SCENARIO_KEYS].sort());

    const scenario = (key: ScenarioKey) => {
      const s = report.scenarios[key];
      if (!s) throw new Error(`scenario ${key} is missing`);
      return s;
    };
    for (const key of SCENARIO_KEYS) {
      const spec = SCENARIOS[key];
      const s = scenario(key);
      expect(s.scenario, key).toBe(spec.scenario);
      expect(typeof s.headline, key).toBe('string');
      for (const f of spec.figures) expect(typeof s.figures[f], `${key}.figures.${f}`).toBe('number');
      expect(numericLeaves(s.figures, `${key}.figures`)).toEqual([]);
      expect(typeof s.target.text, key).toBe('string');
      expect(typeof s.target.met, key).toBe('boolean');
      if (spec.floor) {
        expect(typeof s.floor?.what, key).toBe('string');
        expect(numericLeaves(s.floor?.figures, `${key}.floor.figures`)).toEqual([]);
      } else {
        expect(s.floor, key).toBeNull();
      }
      if (spec.ratio) expect(Number.isFinite(s.ratio?.value), `${key}.ratio`).toBe(true);
      else expect(s.ratio, key).toBeNull();
    }
    // The quick run still measures something: every call reached every display.
    expect(scenario('call-latency-small').figures.samples).toBe(report.plan.callLatency.calls.small * report.plan.callLatency.runs);
    // …and every call reached every watching phone.
    expect(scenario('phones').figures.samples).toBe(report.plan.phones.calls);
    expect(scenario('ticket-throughput').figures.created201).toBeGreaterThan(0);
    expect(Object.keys(scenario('pick-next').figures.perSize ?? {})).toEqual(['100', '1000', '10000', '100000']);
    // Every flood ran, and the probes were answered meanwhile.
    for (const phase of ['snapshots', 'logins', 'announcements']) {
      const f = JSON.parse(JSON.stringify(scenario('fairness').figures[phase] ?? null)) as { services: { samples: number }; floodRequests: number } | null;
      expect(f?.floodRequests, phase).toBeGreaterThan(0);
      expect(f?.services.samples, phase).toBeGreaterThan(0);
    }
  });
});
