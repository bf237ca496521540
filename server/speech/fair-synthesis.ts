interface Job<T> {
  key: string;
  /** The call's instant: a client's newest call is made first. */
  at: number;
  run: () => Promise<T>;
  started: boolean;
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

interface Lane<T> {
  busy: boolean;
  waiting: Array<Job<T>>;
}

/**
 * One synthesis at a time per client address, each client's newest call
 * first. The speech thread works through its requests in order, so without
 * this one client asking for many WAVs puts all of them ahead of a screen's
 * real request; now it has at most one in the thread, and the rest wait in
 * its own lane (a queue, not a refusal). A job asked for by several clients
 * is made once, by whichever lane reaches it first.
 */
export class FairSynthesis<T> {
  private readonly jobs = new Map<string, Job<T>>();
  private readonly lanes = new Map<string, Lane<T>>();

  /** `run` makes the result for `key`; it runs when `client`'s lane (or another that asked for the same key) gets to it. */
  request(client: string, key: string, at: number, run: () => Promise<T>): Promise<T> {
    let job = this.jobs.get(key);
    if (!job) {
      let resolve!: (value: T) => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      job = { key, at, run, started: false, promise, resolve, reject };
      this.jobs.set(key, job);
    }
    if (!job.started) {
      const lane = this.lanes.get(client) ?? { busy: false, waiting: [] };
      this.lanes.set(client, lane);
      if (!lane.waiting.includes(job)) lane.waiting.push(job);
      this.pump(client);
    }
    return job.promise;
  }

  /** Jobs waiting or running (for tests). */
  get size(): number {
    return this.jobs.size;
  }

  private pump(client: string): void {
    const lane = this.lanes.get(client);
    if (!lane || lane.busy) return;
    // Another lane may have started a job meanwhile: it is no longer this lane's to make.
    lane.waiting = lane.waiting.filter((j) => !j.started);
    if (lane.waiting.length === 0) {
      this.lanes.delete(client);
      return;
    }
    let next = lane.waiting[0] as Job<T>;
    for (const j of lane.waiting) if (j.at > next.at) next = j;
    lane.waiting.splice(lane.waiting.indexOf(next), 1);
    lane.busy = true;
    next.started = true;
    const job = next;
    // An async wrapper, so a `run` that throws fails its askers like one that rejects.
    const made = (async () => job.run())();
    made
      .then(job.resolve, job.reject)
      .finally(() => {
        this.jobs.delete(job.key);
        lane.busy = false;
        this.pump(client);
      })
      .catch(() => undefined);
  }
}
