import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { AlarmCleared, CounterAlarm } from '../../common/protocol.js';
import { event, type DomainEvent, type LoggedEvent } from '../domain/events.js';
import { businessDate, startOfDay } from '../domain/time.js';
import type { StoreReader } from '../store/store.js';
import { newId } from './ids.js';
import type { Office } from './office.js';

/**
 * The silent alarm of a counter. The event log is its only state: an alarm is
 * open from its `counter.alarm_raised` event until a `counter.alarm_acknowledged`
 * with the same id, so open alarms survive a restart. The pushes to staff
 * screens are sent by the broadcaster from these events (`alarmChanges`).
 */

const ALARM_EVENTS = ['counter.alarm_raised', 'counter.alarm_acknowledged'] as const;
/** Far more alarms than an office raises in a day; older ones of the day would be ignored. */
const ALARM_LOOKBACK = 500;

function alarmIdOf(e: DomainEvent): string | null {
  return e.type === 'counter.alarm_raised' || e.type === 'counter.alarm_acknowledged' ? String(e.data.alarmId) : null;
}

/** Today's alarm events, newest first. */
function todaysAlarmEvents(r: StoreReader, now: number): LoggedEvent[] {
  const tz = r.settings().timeZone;
  return r.latestEvents(ALARM_EVENTS, ALARM_LOOKBACK, startOfDay(businessDate(now, tz), tz));
}

function toAlarm(r: StoreReader, raised: DomainEvent, alarmId: string): CounterAlarm {
  const raisedBy = raised.userId ? r.user(raised.userId)?.displayName : undefined;
  const counterId = raised.counterId ?? '';
  return {
    alarmId,
    counterId,
    counterName: r.counter(counterId)?.name ?? counterId,
    ...(raisedBy ? { raisedBy } : {}),
    at: raised.at,
  };
}

function toCleared(r: StoreReader, acknowledged: DomainEvent, alarmId: string): AlarmCleared {
  const acknowledgedBy = acknowledged.userId ? r.user(acknowledged.userId)?.displayName : undefined;
  return { alarmId, ...(acknowledgedBy ? { acknowledgedBy } : {}), at: acknowledged.at };
}

/** Alarms raised today that nobody has acknowledged, oldest first. */
export function openAlarmsIn(r: StoreReader, now: number): CounterAlarm[] {
  const events = todaysAlarmEvents(r, now);
  const acknowledged = new Set(events.filter((e) => e.type === 'counter.alarm_acknowledged').map(alarmIdOf));
  const open: CounterAlarm[] = [];
  for (const e of events.reverse()) {
    const alarmId = alarmIdOf(e);
    if (e.type === 'counter.alarm_raised' && alarmId && !acknowledged.has(alarmId)) open.push(toAlarm(r, e, alarmId));
  }
  return open;
}

export function openAlarms(office: Office): Promise<CounterAlarm[]> {
  return office.view((v) => openAlarmsIn(v.r, v.now));
}

/** From one's own desk or a free one; a desk staffed by someone else is theirs to alarm from (an admin's anywhere). */
export function raiseAlarm(office: Office, counterId: string, user: SessionUser): Promise<CounterAlarm> {
  return office.command((tx, now) => {
    const counter = tx.counter(counterId);
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    if (counter.open && counter.userId !== user.id && user.role !== 'admin') throw new AppError('COUNTER_NOT_YOURS');
    const alarmId = newId('alarm');
    const raised = event('counter.alarm_raised', now, { counterId: counter.id, userId: user.id, data: { alarmId } });
    return { result: toAlarm(tx, raised, alarmId), events: [raised] };
  });
}

/** Acknowledging twice is not an error: the second one finds it already cleared, answers the first, and logs nothing. */
export function acknowledgeAlarm(office: Office, alarmId: string, user: SessionUser): Promise<AlarmCleared> {
  return office.command((tx, now) => {
    const events = todaysAlarmEvents(tx, now).filter((e) => alarmIdOf(e) === alarmId);
    const raised = events.find((e) => e.type === 'counter.alarm_raised');
    if (!raised) throw new AppError('NOT_FOUND', 'No alarm with this id today.');
    const earlier = events.find((e) => e.type === 'counter.alarm_acknowledged');
    if (earlier) return { result: toCleared(tx, earlier, alarmId), events: [] };
    const acknowledged = event('counter.alarm_acknowledged', now, { counterId: raised.counterId, userId: user.id, data: { alarmId } });
    return { result: toCleared(tx, acknowledged, alarmId), events: [acknowledged] };
  });
}

export type AlarmChange = { raised: CounterAlarm } | { cleared: AlarmCleared };

/** What committed alarm events tell staff screens, in log order. */
export function alarmChanges(r: StoreReader, events: readonly LoggedEvent[]): AlarmChange[] {
  const changes: AlarmChange[] = [];
  for (const e of events) {
    const alarmId = alarmIdOf(e);
    if (!alarmId) continue;
    changes.push(e.type === 'counter.alarm_raised' ? { raised: toAlarm(r, e, alarmId) } : { cleared: toCleared(r, e, alarmId) });
  }
  return changes;
}
