import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Everything the bench starts or creates is registered here, so an error, a
 * Ctrl-C or a SIGTERM never leaves a server process or a temp folder behind.
 */
const children = new Set<ChildProcess>();
const dirs = new Set<string>();
const closers = new Set<() => void>();

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** A fresh folder under the system temp dir, removed at exit. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `amtsqueue-bench-${name}-`));
  dirs.add(dir);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** Synchronous work to do at exit before the folders go (closing client sockets, databases). */
export function atExit(fn: () => void): () => void {
  closers.add(fn);
  return () => closers.delete(fn);
}

/** Synchronous on purpose: it also runs from process 'exit', where nothing asynchronous happens any more. */
export function cleanUpNow(): void {
  for (const fn of closers) {
    try {
      fn();
    } catch {
      // Best effort: the process is going away.
    }
  }
  closers.clear();
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

let installed = false;

export function installCleanupHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanUpNow);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping the servers it started\n`);
      cleanUpNow();
      process.exit(code);
    });
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`bench: uncaught ${err.stack ?? err.message}\n`);
    cleanUpNow();
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    process.stderr.write(`bench: unhandled rejection ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    cleanUpNow();
    process.exit(1);
  });
}
