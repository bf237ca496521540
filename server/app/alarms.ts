import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { AlarmCleared, CounterAlarm } from '../../common/protocol.js';
import { event, type EventOf, type LoggedEvent, type LoggedEventOf } from '../domain/events.js';
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
type AlarmEventType = (typeof ALARM_EVENTS)[number];
/** Far more alarms than an office raises in a day; older ones of the day would be ignored. */
const ALARM_LOOKBACK = 500;

const isAlarmEvent = (e: LoggedEvent): e is LoggedEventOf<AlarmEventType> =>
  e.type === 'counter.alarm_raised' || e.type === 'counter.alarm_acknowledged';

/** Today's alarm events, newest first. */
function todaysAlarmEvents(r: StoreReader, now: number): Array<LoggedEventOf<AlarmEventType>> {
  const tz = r.settings().timeZone;
  return r.latestEvents(ALARM_EVENTS, ALARM_LOOKBACK, startOfDay(businessDate(now, tz), tz));
}

function toAlarm(r: StoreReader, raised: EventOf<'counter.alarm_raised'>): CounterAlarm {
  const raisedBy = raised.userId ? r.user(raised.userId)?.displayName : undefined;
  const counterId = raised.counterId ?? '';
  return {
    alarmId: raised.data.alarmId,
    counterId,
    counterName: r.counter(counterId)?.name ?? counterId,
    ...(raisedBy ? { raisedBy } : {}),
    at: raised.at,
  };
}

function toCleared(r: StoreReader, acknowledged: EventOf<'counter.alarm_acknowledged'>): AlarmCleared {
  const acknowledgedBy = acknowledged.userId ? r.user(acknowledged.userId)?.displayName : undefined;
  return { alarmId: acknowledged.data.alarmId, ...(acknowledgedBy ? { acknowledgedBy } : {}), at: acknowledged.at };
}

/** Alarms raised today that nobody has acknowledged, oldest first. */
export function openAlarmsIn(r: StoreReader, now: number): CounterAlarm[] {
  const events = todaysAlarmEvents(r, now);
  const acknowledged = new Set(events.filter((e) => e.type === 'counter.alarm_acknowledged').map((e) => e.data.alarmId));
  const open: CounterAlarm[] = [];
  for (const e of events.reverse()) {
    if (e.type === 'counter.alarm_raised' && !acknowledged.has(e.data.alarmId)) open.push(toAlarm(r, e));
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
    return { result: toAlarm(tx, raised), events: [raised] };
  });
}

/** Acknowledging twice is not an error: the second one finds it already cleared, answers the first, and logs nothing. */
export function acknowledgeAlarm(office: Office, alarmId: string, user: SessionUser): Promise<AlarmCleared> {
  return office.command((tx, now) => {
    const events = todaysAlarmEvents(tx, now).filter((e) => e.data.alarmId === alarmId);
    const raised = events.find((e) => e.type === 'counter.alarm_raised');
    if (!raised) throw new AppError('NOT_FOUND', 'No alarm with this id today.');
    const earlier = events.find((e) => e.type === 'counter.alarm_acknowledged');
    if (earlier) return { result: toCleared(tx, earlier), events: [] };
    const acknowledged = event('counter.alarm_acknowledged', now, { counterId: raised.counterId, userId: user.id, data: { alarmId } });
    return { result: toCleared(tx, acknowledged), events: [acknowledged] };
  });
}

export type AlarmChange = { raised: CounterAlarm } | { cleared: AlarmCleared };

/** What committed alarm events tell staff screens, in log order. */
export function alarmChanges(r: StoreReader, events: readonly LoggedEvent[]): AlarmChange[] {
  const changes: AlarmChange[] = [];
  for (const e of events.filter(isAlarmEvent)) {
    changes.push(e.type === 'counter.alarm_raised' ? { raised: toAlarm(r, e) } : { cleared: toCleared(r, e) });
  }
  return changes;
}
