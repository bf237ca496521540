import type { Sequenced } from '../../common/protocol.js';
import type { Sequencer } from './sequencer.js';

/** A socket that asks again sooner than this after its last request waits out the rest of the second. */
export const SNAPSHOT_REQUEST_INTERVAL_MS = 1000;

interface Entry<S> {
  seq: number;
  epoch: string;
  value: Promise<S & Sequenced>;
}

/**
 * The snapshot of a public namespace, built once per change and shared by
 * every socket. It is numbered with the namespace's sequence as it was before
 * the read (so it holds at least what its seq says) and reused until that
 * sequence moves or a commit changes the state (`changed`; not every change
 * is pushed, e.g. a counter that opens); requests that come while it is being
 * built share that build.
 *
 * One socket cannot make the server build more than one snapshot a second
 * either: a socket asking again within a second gets the cached snapshot
 * while it is current, and otherwise an answer at the end of its second, then
 * built for the sequence of that moment. Never a refusal and never an old
 * snapshot, so a well-behaved client that resyncs after a gap is never misled.
 */
export class SnapshotCache<S extends object> {
  private entry: Entry<S> | null = null;
  /** Snapshots built so far (the rest were served from the cache). */
  builds = 0;

  constructor(
    private readonly sequencer: Sequencer,
    private readonly read: () => Promise<S>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The state changed: the next request builds anew (a build under way still answers those who asked for it). */
  readonly changed = (): void => {
    this.entry = null;
  };

  /** The snapshot for the namespace's current sequence. */
  get(): Promise<S & Sequenced> {
    const at = this.sequencer.current();
    if (this.entry && this.entry.seq === at.seq && this.entry.epoch === at.epoch) return this.entry.value;
    this.builds += 1;
    const value = this.read().then((s) => ({ ...s, ...at }));
    const entry: Entry<S> = { ...at, value };
    this.entry = entry;
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    return value;
  }

  /** What one socket's requests go through: at most one snapshot built for it per second. */
  forSocket(): () => Promise<S & Sequenced> {
    let lastAt = Number.NEGATIVE_INFINITY;
    let waiting: Promise<S & Sequenced> | null = null;
    return () => {
      if (waiting) return waiting;
      const now = this.clock();
      const current = this.entry !== null && this.entry.seq === this.sequencer.current().seq;
      const wait = lastAt + SNAPSHOT_REQUEST_INTERVAL_MS - now;
      if (current || wait <= 0) {
        lastAt = now;
        return this.get();
      }
      waiting = new Promise<void>((resolve) => setTimeout(resolve, wait).unref()).then(() => {
        waiting = null;
        lastAt = this.clock();
        return this.get();
      });
      return waiting;
    };
  }
}
