import { describe, expect, it } from 'vitest';
import { ascending, SortedList } from '../../server/domain/sorted-array.js';
import { seededRandom } from '../../bench/stats.js';

/** The chunked sorted list under WaitingLine, against a plain sorted array, with chunks small enough to split and join all the time. */

interface Item {
  v: number;
  n: number;
}
const byValue = (a: Item, b: Item) => a.v - b.v;

/** Every element for which `pred` holds, walked with a cursor as callOrder's merge does. */
function seekAll(list: SortedList<Item>, pred: (x: Item) => boolean): number[] {
  const out: number[] = [];
  const at = { chunk: 0, index: 0 };
  for (let x = list.seek(at, pred); x !== undefined; at.index++, x = list.seek(at, pred)) out.push(x.n);
  return out;
}

describe('SortedList (under WaitingLine)', () => {
  it('answers like a sorted array through random inserts and deletes, duplicates included', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = seededRandom(seed);
      const load = 2 + (seed % 5);
      const list = new SortedList(byValue, load);
      const numbers = new SortedList(ascending, load);
      let ref: Item[] = [];
      let serial = 0;
      const label = (what: string) => `seed ${seed}, load ${load}: ${what}`;
      for (let step = 0; step < 600; step++) {
        const r = rnd();
        // Grow to a few dozen chunks, then shrink back to none.
        const growing = step % 300 < 200;
        if (r < (growing ? 0.7 : 0.3) || ref.length === 0) {
          const item = { v: Math.floor(rnd() * 40), n: serial++ };
          list.insert(item);
          numbers.insert(item.v);
          // Equal values keep their insertion order (the list inserts after the equal ones).
          ref.splice(ref.filter((x) => x.v <= item.v).length, 0, item);
        } else {
          const item = ref[Math.floor(rnd() * ref.length)] as Item;
          const deleted = [list.delete(item), numbers.delete(item.v), list.delete(item), list.delete({ v: item.v, n: -1 })];
          // Only the very object goes, once; an equal other object is not in the list.
          if (deleted.join() !== 'true,true,false,false') expect(deleted, label(`delete at step ${step}`)).toEqual([true, true, false, false]);
          ref = ref.filter((x) => x !== item);
        }
        const probe = Math.floor(rnd() * 42) - 1;
        // One comparison per step (a few hundred thousand expect() calls would take seconds).
        const got = {
          order: [...list].map((x) => x.n),
          numbers: [...numbers],
          size: list.size,
          first: list.first(),
          countBefore: numbers.countBefore((x) => x <= probe),
          firstNotBefore: numbers.firstNotBefore((x) => x <= probe),
          find: list.find((x) => x.n % 7 === 0),
          seek: seekAll(list, (x) => x.n % 3 === 0),
        };
        const want = {
          order: ref.map((x) => x.n),
          numbers: ref.map((x) => x.v),
          size: ref.length,
          first: ref[0],
          countBefore: ref.filter((x) => x.v <= probe).length,
          firstNotBefore: ref.find((x) => x.v > probe)?.v,
          find: ref.find((x) => x.n % 7 === 0),
          seek: ref.filter((x) => x.n % 3 === 0).map((x) => x.n),
        };
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, label(`step ${step}`)).toEqual(want);
      }
      expect(numbers.delete(1000)).toBe(false);
    }
  });

  it('loads in bulk: staged elements in any order, settled by one sort', () => {
    const list = new SortedList(ascending, 3);
    list.insert(5);
    for (const v of [9, 1, 7, 3, 3, 8, 2, 6, 4, 0]) list.stage(v);
    list.settle();
    expect([...list]).toEqual([0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
    list.insert(3);
    expect(list.delete(9)).toBe(true);
    expect([...list]).toEqual([0, 1, 2, 3, 3, 3, 4, 5, 6, 7, 8]);
    expect(list.size).toBe(11);
  });
});
