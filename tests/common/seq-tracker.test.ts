import { describe, expect, it } from 'vitest';
import { SeqTracker } from '../../common/client/seq-tracker.js';

const at = (seq: number, epoch = 'e1') => ({ seq, epoch });

describe('push ordering (SeqTracker)', () => {
  it('drops pushes until the first snapshot: the snapshot on its way has them', () => {
    const t = new SeqTracker();
    expect(t.push(at(1))).toBe('drop');
    expect(t.snapshot(at(1))).toBe(true);
    expect(t.push(at(2))).toBe('apply');
  });

  it('applies the next seq, drops what is already applied, resyncs on a gap', () => {
    const t = new SeqTracker();
    t.snapshot(at(5));
    expect(t.push(at(5))).toBe('drop');
    expect(t.push(at(4))).toBe('drop');
    expect(t.push(at(6))).toBe('apply');
    expect(t.push(at(8))).toBe('resync');
    // Until a snapshot comes, later pushes are still out of order.
    expect(t.push(at(9))).toBe('resync');
    expect(t.snapshot(at(9))).toBe(true);
    expect(t.push(at(10))).toBe('apply');
  });

  it('resyncs on a new epoch (the server restarted), whatever the number', () => {
    const t = new SeqTracker();
    t.snapshot(at(40));
    expect(t.push(at(1, 'e2'))).toBe('resync');
    expect(t.push(at(41, 'e2'))).toBe('resync');
    expect(t.snapshot(at(3, 'e2'))).toBe(true);
    expect(t.push(at(4, 'e2'))).toBe('apply');
  });

  it('ignores a snapshot older than what was applied (a late answer), but not one of a new epoch', () => {
    const t = new SeqTracker();
    t.snapshot(at(5));
    t.push(at(6));
    expect(t.snapshot(at(4))).toBe(false);
    expect(t.push(at(7))).toBe('apply');
    expect(t.snapshot(at(7))).toBe(true);
    expect(t.snapshot(at(1, 'e2'))).toBe(true);
  });

  it('starts over after a reset (a lost connection)', () => {
    const t = new SeqTracker();
    t.snapshot(at(5));
    t.reset();
    expect(t.push(at(6))).toBe('drop');
    expect(t.snapshot(at(2))).toBe(true);
    expect(t.push(at(3))).toBe('apply');
  });
});
