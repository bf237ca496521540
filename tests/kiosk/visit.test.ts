import { describe, expect, it } from 'vitest';
import type { PublicService } from '../../common/dto.js';
import { INITIAL_STATE, MAX_ALSO, reduce, toggleAlso, type KioskAction, type KioskState } from '../../kiosk/logic/kiosk-state.js';
import { afterTile, canAdd, nextServices } from '../../kiosk/logic/visit.js';

/** #17: "I also need…" at the kiosk: up to two more services after the first, in the order tapped. */

const service = (id: string, open = true): PublicService => ({
  id,
  prefix: id.slice(0, 1).toUpperCase(),
  names: { de: id },
  icon: 'info',
  open,
  closedReason: open ? null : 'outside_hours',
  waiting: 0,
  estimate: null,
  priorityEnabled: false,
  closesAt: null,
});

const run = (...actions: KioskAction[]): KioskState => actions.reduce(reduce, INITIAL_STATE);
const onServices: KioskAction = { type: 'choose-language', lang: 'de' };

describe('the "I also need…" step', () => {
  it('a tile opens the step with that service first; further taps add services in the order tapped, at most two', () => {
    expect(MAX_ALSO).toBe(2);
    const s = run(onServices, { type: 'choose-service', serviceId: 'residence' });
    expect(s).toMatchObject({ screen: 'also', chosen: ['residence'] });
    const three = run(
      onServices,
      { type: 'choose-service', serviceId: 'residence' },
      { type: 'toggle-also', serviceId: 'integration' },
      { type: 'toggle-also', serviceId: 'youth' },
      { type: 'toggle-also', serviceId: 'information' },
    );
    expect(three.chosen).toEqual(['residence', 'integration', 'youth']);
  });

  it('the first service stays; a second tap on an added one takes it off, and the rest keep their order', () => {
    expect(toggleAlso(['a'], 'a')).toEqual(['a']);
    expect(toggleAlso(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(toggleAlso(['a', 'c'], 'b')).toEqual(['a', 'c', 'b']);
    expect(toggleAlso([], 'b')).toEqual([]);
  });

  it('back returns to the tiles and forgets the choice; a reset forgets everything', () => {
    const s = run(onServices, { type: 'choose-service', serviceId: 'a' }, { type: 'toggle-also', serviceId: 'b' });
    expect(reduce(s, { type: 'back' })).toMatchObject({ screen: 'services', chosen: [] });
    expect(reduce(s, { type: 'reset' })).toEqual(INITIAL_STATE);
  });

  it('a refused draw goes back to the tiles with the reason; an issued ticket clears the choice', () => {
    const s = run(onServices, { type: 'choose-service', serviceId: 'a' }, { type: 'toggle-also', serviceId: 'b' }, { type: 'request', kind: 'ticket' });
    // While the request runs, taps change nothing.
    expect(reduce(s, { type: 'toggle-also', serviceId: 'c' })).toBe(s);
    expect(reduce(s, { type: 'failed', message: 'errServiceClosed' })).toMatchObject({ screen: 'services', chosen: [], message: 'errServiceClosed', pending: null });
  });

  it('the tile actions do nothing on other screens', () => {
    const onLanguages = INITIAL_STATE;
    expect(reduce(onLanguages, { type: 'choose-service', serviceId: 'a' })).toBe(onLanguages);
    const s = run(onServices);
    expect(reduce(s, { type: 'toggle-also', serviceId: 'a' })).toBe(s);
  });
});

describe('when the kiosk asks, and what can be added', () => {
  const offered = [service('a'), service('b'), service('c', false)];

  it('asks after an open tile when another open service could be added', () => {
    expect(afterTile(offered, 'a')).toBe('also');
  });

  it('draws at once for a closed tile (the server says why) and when nothing else is open', () => {
    expect(afterTile(offered, 'c')).toBe('draw');
    expect(afterTile([service('a'), service('c', false)], 'a')).toBe('draw');
    expect(afterTile(offered, 'gone')).toBe('draw');
  });

  it('adds only open services not chosen yet, while there is room', () => {
    expect(canAdd(service('b'), ['a'], 2)).toBe(true);
    expect(canAdd(service('c', false), ['a'], 2)).toBe(false);
    expect(canAdd(service('a'), ['a'], 2)).toBe(false);
    expect(canAdd(service('b'), ['a', 'x', 'y'], 2)).toBe(false);
  });

  it("the ticket screen lists the server's next services; without them, the ones asked for; unknown ids are left out", () => {
    const all = [service('a'), service('b'), service('c')];
    expect(nextServices({ number: 'A001', nextServiceIds: ['c', 'b'] }, ['b', 'c'], all).map((s) => s.id)).toEqual(['c', 'b']);
    expect(nextServices({ number: 'A001' }, ['b', 'c'], all).map((s) => s.id)).toEqual(['b', 'c']);
    expect(nextServices({ number: 'A001', nextServiceIds: ['gone', 'b'] }, [], all).map((s) => s.id)).toEqual(['b']);
  });
});
