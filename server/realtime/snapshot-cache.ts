import type { Sequenced } from '../../common/protocol.js';
import type { Sequencer } from './sequencer.js';

/** A socket that asks again sooner than this after its last request waits out the rest of the second. */
export const SNAPSHOT_REQUEST_INTERVAL_MS = 1000;

/**
 * The pushes of a namespace as a snapshot cache sees them: one sequence, or
 * one per room (the display's areas, #14).
 */
export interface PushCount {
  /** Moves with every push to any of the namespace's sockets. */
  readonly version: number;
  /** Each room's sequence as it is now. */
  stamps(): ReadonlyMap<Sequencer, Sequenced>;
}

/** A namespace numbered by one sequence. */
export function singleSequence(sequencer: Sequencer): PushCount {
  return {
    get version() {
      return sequencer.current().seq;
    },
    stamps: () => new Map([[sequencer, sequencer.current()]]),
  };
}

interface Entry<S> {
  version: number;
  /** Every room's sequence before the read: the snapshot holds at least what they say. */
  stamps: ReadonlyMap<Sequencer, Sequenced>;
  value: Promise<S>;
}

/**
 * The snapshot of a public namespace, built once per change and shared by
 * every socket (and every room: a room's screens get it numbered with their
 * room's sequence). It is numbered with the sequence as it was before the
 * read (so it holds at least what its seq says) and reused until a push goes
 * out or a commit changes the state (`changed`; not every change is pushed,
 * e.g. a counter that opens); requests that come while it is being built
 * share that build. A room that appeared after the build began has seen no
 * push the build may count on: its snapshot carries seq 0 of its epoch, and
 * a screen that already saw more pushes resyncs at the next one.
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
    private readonly pushes: PushCount,
    private readonly read: () => Promise<S>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The state changed: the next request builds anew (a build under way still answers those who asked for it). */
  readonly changed = (): void => {
    this.entry = null;
  };

  /** The snapshot for the current sequence of `room` (a Sequencer of the namespace). */
  async get(room: Sequencer): Promise<S & Sequenced> {
    const entry = this.current() ?? this.build();
    const s = await entry.value;
    return { ...s, ...(entry.stamps.get(room) ?? { seq: 0, epoch: room.epoch }) };
  }

  /** What one socket's requests go through: at most one snapshot built for it per second. */
  forSocket(room: Sequencer): () => Promise<S & Sequenced> {
    let lastAt = Number.NEGATIVE_INFINITY;
    let waiting: Promise<S & Sequenced> | null = null;
    return () => {
      if (waiting) return waiting;
      const now = this.clock();
      const wait = lastAt + SNAPSHOT_REQUEST_INTERVAL_MS - now;
      if (this.current() || wait <= 0) {
        lastAt = now;
        return this.get(room);
      }
      waiting = new Promise<void>((resolve) => setTimeout(resolve, wait).unref()).then(() => {
        waiting = null;
        lastAt = this.clock();
        return this.get(room);
      });
      return waiting;
    };
  }

  private current(): Entry<S> | null {
    return this.entry && this.entry.version === this.pushes.version ? this.entry : null;
  }

  private build(): Entry<S> {
    this.builds += 1;
    const entry: Entry<S> = { version: this.pushes.version, stamps: this.pushes.stamps(), value: this.read() };
    this.entry = entry;
    // A failed read is not kept: the next request tries again.
    entry.value.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    return entry;
  }
}
