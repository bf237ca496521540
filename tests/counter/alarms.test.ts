import { describe, expect, it } from 'vitest';
import type { CounterAlarm } from '../../common/protocol.js';
import { alarmsFromSnapshot, NO_ALARMS, withCleared, withRaised } from '../../counter/alarms.js';

const alarm = (alarmId: string, counterId = 'schalter-4'): CounterAlarm => ({ alarmId, counterId, counterName: counterId, at: 0 });
const ids = (a: { open: readonly CounterAlarm[] }) => a.open.map((x) => x.alarmId);

describe('open alarms on a desk', () => {
  it('keeps the own alarm once, whether the acknowledgement or the push comes first', () => {
    const ackFirst = withRaised(withRaised(NO_ALARMS, alarm('a1')), alarm('a1'));
    expect(ids(ackFirst)).toEqual(['a1']);
    const pushFirst = withRaised(withRaised(NO_ALARMS, alarm('a2', 'schalter-5')), alarm('a1'));
    expect(ids(withRaised(pushFirst, alarm('a1')))).toEqual(['a2', 'a1']);
  });

  it('names the ended alarm once, and never brings a cleared one back from a late answer', () => {
    const open = withRaised(withRaised(NO_ALARMS, alarm('a1')), alarm('a2'));
    const first = withCleared(open, { alarmId: 'a1', acknowledgedBy: 'Olena Kovalenko', at: 1 });
    expect(first.ended?.alarmId).toBe('a1');
    expect(ids(first.alarms)).toEqual(['a2']);
    // The clearing desk has it from its acknowledgement and from the push.
    const echo = withCleared(first.alarms, { alarmId: 'a1', at: 1 });
    expect(echo.ended).toBeNull();
    expect(ids(withRaised(echo.alarms, alarm('a1')))).toEqual(['a2']);
  });

  it('takes the snapshot as the open alarms', () => {
    const known = withRaised(NO_ALARMS, alarm('gone'));
    expect(ids(alarmsFromSnapshot(known, [alarm('b1'), alarm('b2')]))).toEqual(['b1', 'b2']);
  });
});
