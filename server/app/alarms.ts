// STUB in branch `http` only: helper S2a writes the real server/app/alarms.ts
// (same signatures); at merge take theirs and drop this file's content.
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { AlarmCleared, CounterAlarm } from '../../common/protocol.js';
import { event } from '../domain/events.js';
import { businessDate, startOfDay } from '../domain/time.js';
import { newId } from './ids.js';
import type { Office } from './office.js';

export async function raiseAlarm(office: Office, counterId: string, user: SessionUser): Promise<CounterAlarm> {
  return office.command((tx, now) => {
    const counter = tx.counter(counterId);
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    if (counter.open && counter.userId !== user.id && user.role !== 'admin') throw new AppError('COUNTER_NOT_YOURS');
    const alarmId = newId('alarm');
    return {
      result: { alarmId, counterId: counter.id, counterName: counter.name, raisedBy: user.displayName, at: now },
      events: [event('counter.alarm_raised', now, { counterId: counter.id, userId: user.id, data: { alarmId } })],
    };
  });
}

export async function acknowledgeAlarm(office: Office, alarmId: string, user: SessionUser): Promise<AlarmCleared> {
  return office.command<AlarmCleared>((tx, now) => {
    const tz = tx.settings().timeZone;
    const events = tx
      .latestEvents(['counter.alarm_raised', 'counter.alarm_acknowledged'], 500, startOfDay(businessDate(now, tz), tz))
      .filter((e) => e.data.alarmId === alarmId);
    const raised = events.find((e) => e.type === 'counter.alarm_raised');
    if (!raised) throw new AppError('NOT_FOUND', 'No alarm with this id today.');
    const earlier = events.find((e) => e.type === 'counter.alarm_acknowledged');
    if (earlier) return { result: { alarmId, at: earlier.at }, events: [] };
    return {
      result: { alarmId, acknowledgedBy: user.displayName, at: now },
      events: [event('counter.alarm_acknowledged', now, { counterId: raised.counterId, userId: user.id, data: { alarmId } })],
    };
  });
}
