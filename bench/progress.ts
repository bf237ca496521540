import { performance } from 'node:perf_hooks';

/** Phase timings on stderr with --verbose, to see where a scenario spends its time. */
let enabled = false;
const t0 = performance.now();

export function setVerbose(on: boolean): void {
  enabled = on;
}

export function progress(message: string): void {
  if (enabled) process.stderr.write(`  [${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}
