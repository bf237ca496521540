import { PrintError } from './print-error.js';

/**
 * One printer's jobs, one at a time. Every job carries a deadline counted from
 * the moment it was queued, so a hanging printer costs each waiting job at
 * most its own deadline, never the sum of everyone's; a job whose deadline
 * passed while it waited is dropped without touching the printer; and at
 * most `maxWaiting` jobs wait behind the one printing.
 */
export class PrintQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waitingCount = 0;
  private active = 0;
  private closed = false;
  private readonly running = new Set<AbortController>();

  constructor(private readonly maxWaiting: number) {}

  /** Jobs waiting or printing. */
  get pending(): number {
    return this.waitingCount + this.active;
  }

  run<T>(timeoutMs: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new PrintError('shutting_down', 'the server is shutting down'));
    // One printing plus maxWaiting behind it; a job not started yet counts as printing when it is first in line.
    if (this.pending >= this.maxWaiting + 1) {
      return Promise.reject(new PrintError('busy', `${this.pending - 1} tickets are already waiting for this printer`));
    }
    const deadline = Date.now() + timeoutMs;
    this.waitingCount++;
    const result = this.tail.then(async () => {
      this.waitingCount--;
      if (this.closed) throw new PrintError('shutting_down', 'the server is shutting down');
      const left = deadline - Date.now();
      if (left <= 0) throw new PrintError('timeout', 'the printer was busy with earlier tickets until the deadline');
      this.active++;
      const controller = new AbortController();
      this.running.add(controller);
      const timer = setTimeout(() => controller.abort(), left);
      try {
        return await untilAborted(task(controller.signal), controller.signal);
      } finally {
        clearTimeout(timer);
        this.running.delete(controller);
        this.active--;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Refuses new jobs and aborts the one printing. */
  close(): void {
    this.closed = true;
    for (const c of this.running) c.abort();
  }
}

/** A task that ignores its signal must still not hold the queue past the deadline. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new PrintError('timeout', 'the printer did not finish the job in time'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error('the print job failed without an error'));
      },
    );
  });
}
