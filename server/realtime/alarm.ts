import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import Type from 'typebox';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { AlarmCleared, AlarmRef, CounterAlarm, CounterRef } from '../../common/protocol.js';
import { CounterRefPayload, Id } from '../../common/schemas.js';
import { newId } from '../app/ids.js';
import type { Office } from '../app/office.js';
import { event, type LoggedEventOf } from '../domain/events.js';
import { businessDate, startOfDay } from '../domain/time.js';
import type { StoreReader } from '../store/store.js';
import { answer } from './ack.js';
import { validator } from '../app/validate.js';

const ALARM_EVENTS = ['counter.alarm_raised', 'counter.alarm_acknowledged'] as const;
/** Far more alarms than an office raises in a day; older ones of the day would be ignored. */
const ALARM_LOOKBACK = 500;

const raisePayload = validator<CounterRef>(CounterRefPayload);
const ackPayload = validator<AlarmRef>(Type.Object({ alarmId: Id }, { additionalProperties: false }));

type AlarmEvent = LoggedEventOf<(typeof ALARM_EVENTS)[number]>;
const alarmIdOf = (e: AlarmEvent): string => e.data.alarmId;

/** Today's alarm events, newest first. The log is the only state: alarms survive a restart. */
function todaysAlarmEvents(r: StoreReader, now: number): AlarmEvent[] {
  const tz = r.settings().timeZone;
  return r.latestEvents(ALARM_EVENTS, ALARM_LOOKBACK, startOfDay(businessDate(now, tz), tz));
}

function toAlarm(r: StoreReader, e: AlarmEvent): CounterAlarm {
  const raisedBy = e.userId ? r.user(e.userId)?.displayName : undefined;
  return {
    alarmId: String(alarmIdOf(e)),
    counterId: e.counterId ?? '',
    counterName: (e.counterId ? r.counter(e.counterId)?.name : undefined) ?? e.counterId ?? '',
    ...(raisedBy ? { raisedBy } : {}),
    at: e.at,
  };
}

/** Alarms raised today that nobody has acknowledged, oldest first. */
export function activeAlarms(r: StoreReader, now: number): CounterAlarm[] {
  const events = todaysAlarmEvents(r, now);
  const acknowledged = new Set(events.filter((e) => e.type === 'counter.alarm_acknowledged').map(alarmIdOf));
  return events
    .filter((e) => e.type === 'counter.alarm_raised' && !acknowledged.has(alarmIdOf(e)))
    .reverse()
    .map((e) => toAlarm(r, e));
}

async function raise(office: Office, input: CounterRef, user: SessionUser): Promise<CounterAlarm> {
  return office.command((tx, now) => {
    const counter = tx.counter(input.counterId);
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    // From one's own desk or a free one; a desk staffed by someone else is theirs to alarm from.
    if (counter.open && counter.userId !== user.id && user.role !== 'admin') throw new AppError('COUNTER_NOT_YOURS');
    const alarmId = newId('alarm');
    return {
      result: { alarmId, counterId: counter.id, counterName: counter.name, raisedBy: user.displayName, at: now },
      events: [event('counter.alarm_raised', now, { counterId: counter.id, userId: user.id, data: { alarmId } })],
    };
  });
}

/** Acknowledging twice is not an error: the second one finds it already cleared and logs nothing. */
async function acknowledge(office: Office, input: AlarmRef, user: SessionUser): Promise<{ cleared: AlarmCleared; fresh: boolean }> {
  return office.command<{ cleared: AlarmCleared; fresh: boolean }>((tx, now) => {
    const events = todaysAlarmEvents(tx, now).filter((e) => alarmIdOf(e) === input.alarmId);
    const raised = events.find((e) => e.type === 'counter.alarm_raised');
    if (!raised) throw new AppError('NOT_FOUND', 'No alarm with this id today.');
    const earlier = events.find((e) => e.type === 'counter.alarm_acknowledged');
    if (earlier) {
      const by = earlier.userId ? tx.user(earlier.userId)?.displayName : undefined;
      return { result: { cleared: { alarmId: input.alarmId, ...(by ? { acknowledgedBy: by } : {}), at: earlier.at }, fresh: false }, events: [] };
    }
    return {
      result: { cleared: { alarmId: input.alarmId, acknowledgedBy: user.displayName, at: now }, fresh: true },
      events: [
        event('counter.alarm_acknowledged', now, { counterId: raised.counterId, userId: user.id, data: { alarmId: input.alarmId } }),
      ],
    };
  });
}

function payloadAndAck(payload: unknown, ack: unknown): [unknown, unknown] {
  // socket.io passes the ack as the last argument; a payload-less emit puts it first.
  return typeof payload === 'function' ? [undefined, payload] : [payload, ack];
}

/**
 * The emergency / silent alarm of the /counter namespace: `counter:alarm` raises one
 * and every other staff socket gets it; `counter:alarm-ack` clears it for everyone.
 * A socket that connects while alarms are open gets them at once (`counter:alarms`).
 */
export function registerAlarm(
  socket: Socket,
  office: Office,
  log: FastifyBaseLogger,
  currentUser: () => Promise<SessionUser>,
): void {
  void currentUser()
    .then(() => office.view((v) => activeAlarms(v.r, v.now)))
    .then((alarms) => socket.emit('counter:alarms', { alarms }), () => undefined);

  socket.on('counter:alarm', (payload: unknown, ack: unknown) => {
    const [body, callback] = payloadAndAck(payload, ack);
    return answer(callback, log, async () => {
      const input = raisePayload(body);
      const alarm = await raise(office, input, await currentUser());
      socket.broadcast.emit('counter:alarm', alarm);
      log.warn({ alarmId: alarm.alarmId, counterId: alarm.counterId }, 'counter alarm raised');
      return { alarm };
    });
  });

  socket.on('counter:alarm-ack', (payload: unknown, ack: unknown) => {
    const [body, callback] = payloadAndAck(payload, ack);
    return answer(callback, log, async () => {
      const input = ackPayload(body);
      const { cleared, fresh } = await acknowledge(office, input, await currentUser());
      if (fresh) socket.nsp.emit('counter:alarm-cleared', cleared);
      return { cleared };
    });
  });
}
