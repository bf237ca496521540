import { AppError } from '../../common/errors.js';
import { StorageError, type QueueStore, type StorageFailure } from '../store/store.js';

/** How often the storage is tried with a tiny write, healthy or not (a load balancer must see a recovery). */
export const STORAGE_PROBE_MS = 5_000;

export interface StorageTrouble {
  reason: StorageFailure;
  message: string;
  /** When writes started failing (epoch ms). */
  since: number;
}

/**
 * Whether the storage takes writes. A StorageError from any unit of work
 * turns it degraded; only a probe write that succeeds turns it back. Other
 * errors (refused commands, bugs) never touch it.
 */
export class StorageHealth {
  private trouble: StorageTrouble | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Null while writes work. */
  current(): StorageTrouble | null {
    return this.trouble;
  }

  /**
   * What a failed unit of work throws on: a StorageError becomes the
   * client's 503 STORAGE_UNAVAILABLE (and degrades health); anything else
   * is passed on unchanged.
   */
  failed(err: unknown): unknown {
    if (!(err instanceof StorageError)) return err;
    this.trouble ??= { reason: err.reason, message: err.message, since: this.now() };
    return new AppError('STORAGE_UNAVAILABLE', undefined, { reason: err.reason });
  }

  /** Tries a write now; healthy again when it works. */
  async probe(store: QueueStore): Promise<void> {
    try {
      await store.probe();
      this.trouble = null;
    } catch (err) {
      this.failed(err);
    }
  }

  startProbing(store: QueueStore, intervalMs = STORAGE_PROBE_MS): void {
    this.stopProbing();
    this.timer = setInterval(() => void this.probe(store), intervalMs).unref();
  }

  stopProbing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * The store as the application uses it: every unit of work that fails
 * because of the storage reports to `health` and reaches its caller as
 * AppError STORAGE_UNAVAILABLE (503 over HTTP and in socket acks), never as
 * a bare 500. A Proxy, so the adapter's own members (tests read the SQLite
 * handle) stay reachable.
 */
export function monitoredStore<S extends QueueStore>(store: S, health: StorageHealth): S {
  const guarded = new Set<PropertyKey>(['transaction', 'read', 'shared']);
  return new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (!guarded.has(prop)) return fn.bind(target);
      return (...args: unknown[]) =>
        (fn.apply(target, args) as Promise<unknown>).catch((err: unknown) => {
          throw health.failed(err);
        });
    },
  });
}
