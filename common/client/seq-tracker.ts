import type { Sequenced } from '../protocol.js';

/**
 * What to do with a push: `apply` it (the next one in order), `drop` it (the
 * snapshot already has it, or a snapshot is still on its way and will), or
 * `resync` (a gap or a new server epoch: only a fresh snapshot is right).
 */
export type PushVerdict = 'apply' | 'drop' | 'resync';

/**
 * The protocol's ordering rule, apart from any socket: remembers the last
 * applied `{seq, epoch}` and judges each snapshot and push against it.
 */
export class SeqTracker {
  private last: Sequenced | null = null;

  /** Takes a snapshot unless it is older than what was already applied (a late answer); returns whether to apply it. */
  snapshot(s: Sequenced): boolean {
    if (this.last && s.epoch === this.last.epoch && s.seq < this.last.seq) return false;
    this.last = { seq: s.seq, epoch: s.epoch };
    return true;
  }

  push(p: Sequenced): PushVerdict {
    if (!this.last) return 'drop';
    if (p.epoch === this.last.epoch && p.seq <= this.last.seq) return 'drop';
    if (p.epoch !== this.last.epoch || p.seq !== this.last.seq + 1) return 'resync';
    this.last = { seq: p.seq, epoch: p.epoch };
    return 'apply';
  }

  /** The connection dropped: nothing applies until the next snapshot. */
  reset(): void {
    this.last = null;
  }
}
