import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { AlarmCleared, CounterAlarm } from '../../common/protocol.js';
import { event, type EventOf, type LoggedEvent, type LoggedEventOf } from '../domain/events.js';
import { businessDate, startOfDay } from '../domain/time.js';
import type { SiteReader } from '../store/store.js';
import { actorUsers } from './actors.js';
import { newId } from './ids.js';
import type { Office } from './office.js';
import { can } from './access.js';

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
async function todaysAlarmEvents(r: SiteReader, now: number): Promise<Array<LoggedEventOf<AlarmEventType>>> {
  const tz = (await r.catalog.settings()).timeZone;
  return r.events.latest(ALARM_EVENTS, ALARM_LOOKBACK, startOfDay(businessDate(now, tz), tz));
}

async function toAlarm(r: SiteReader, raised: EventOf<'counter.alarm_raised'>): Promise<CounterAlarm> {
  const raisedBy = raised.userId ? (await actorUsers(r, [raised.userId])).get(raised.userId)?.displayName : undefined;
  const counterId = raised.counterId ?? '';
  return {
    alarmId: raised.data.alarmId,
    counterId,
    counterName: (await r.catalog.counter(counterId))?.name ?? counterId,
    ...(raisedBy ? { raisedBy } : {}),
    at: raised.at,
  };
}

async function toCleared(r: SiteReader, acknowledged: EventOf<'counter.alarm_acknowledged'>): Promise<AlarmCleared> {
  const acknowledgedBy = acknowledged.userId ? (await actorUsers(r, [acknowledged.userId])).get(acknowledged.userId)?.displayName : undefined;
  return { alarmId: acknowledged.data.alarmId, ...(acknowledgedBy ? { acknowledgedBy } : {}), at: acknowledged.at };
}

/** Alarms raised today that nobody has acknowledged, oldest first. */
export async function openAlarmsIn(r: SiteReader, now: number): Promise<CounterAlarm[]> {
  const events = await todaysAlarmEvents(r, now);
  const acknowledged = new Set(events.filter((e) => e.type === 'counter.alarm_acknowledged').map((e) => e.data.alarmId));
  const open: CounterAlarm[] = [];
  for (const e of events.reverse()) {
    if (e.type === 'counter.alarm_raised' && !acknowledged.has(e.data.alarmId)) open.push(await toAlarm(r, e));
  }
  return open;
}

export function openAlarms(office: Office): Promise<CounterAlarm[]> {
  const now = office.now();
  return office.store.read(office.siteId, (r) => openAlarmsIn(r, now));
}

/** From one's own desk or a free one; a desk staffed by someone else is theirs to alarm from (an admin's anywhere). */
export function raiseAlarm(office: Office, counterId: string, user: SessionUser): Promise<CounterAlarm> {
  return office.command(async (tx, now) => {
    const counter = await tx.catalog.counter(counterId);
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    if (counter.open && counter.userId !== user.id && !can(user, 'counter.anyDesk')) throw new AppError('COUNTER_NOT_YOURS');
    const alarmId = newId('alarm');
    const raised = event('counter.alarm_raised', now, { counterId: counter.id, userId: user.id, data: { alarmId } });
    return { result: await toAlarm(tx, raised), events: [raised] };
  });
}

/** Acknowledging twice is not an error: the second one finds it already cleared, answers the first, and logs nothing. */
export function acknowledgeAlarm(office: Office, alarmId: string, user: SessionUser): Promise<AlarmCleared> {
  return office.command(async (tx, now) => {
    const events = (await todaysAlarmEvents(tx, now)).filter((e) => e.data.alarmId === alarmId);
    const raised = events.find((e) => e.type === 'counter.alarm_raised');
    if (!raised) throw new AppError('NOT_FOUND', 'No alarm with this id today.');
    const earlier = events.find((e) => e.type === 'counter.alarm_acknowledged');
    if (earlier) return { result: await toCleared(tx, earlier), events: [] };
    const acknowledged = event('counter.alarm_acknowledged', now, { counterId: raised.counterId, userId: user.id, data: { alarmId } });
    return { result: await toCleared(tx, acknowledged), events: [acknowledged] };
  });
}

export type AlarmChange = { raised: CounterAlarm } | { cleared: AlarmCleared };

/** What committed alarm events tell staff screens, in log order. */
export async function alarmChanges(r: SiteReader, events: readonly LoggedEvent[]): Promise<AlarmChange[]> {
  const changes: AlarmChange[] = [];
  for (const e of events.filter(isAlarmEvent)) {
    changes.push(e.type === 'counter.alarm_raised' ? { raised: await toAlarm(r, e) } : { cleared: await toCleared(r, e) });
  }
  return changes;
}
