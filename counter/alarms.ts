import type { AlarmCleared, CounterAlarm } from '../common/protocol.js';

/**
 * The open alarms as this desk knows them, from the snapshot and the sequenced
 * `alarm:raised` / `alarm:cleared` pushes. The desk that raised an alarm also
 * has it from its acknowledgement, before or after the push: the same alarm is
 * kept once, and one already cleared never comes back from a late answer.
 */
export interface Alarms {
  /** Oldest first, as the snapshot lists them. */
  open: readonly CounterAlarm[];
  cleared: ReadonlySet<string>;
}

export const NO_ALARMS: Alarms = { open: [], cleared: new Set() };

/** The snapshot is the server's word on what is open now. */
export function alarmsFromSnapshot(known: Alarms, open: readonly CounterAlarm[]): Alarms {
  return { open: [...open], cleared: known.cleared };
}

export function withRaised(known: Alarms, alarm: CounterAlarm): Alarms {
  if (known.cleared.has(alarm.alarmId) || known.open.some((a) => a.alarmId === alarm.alarmId)) return known;
  return { ...known, open: [...known.open, alarm] };
}

/** Also returns the alarm that was open, so the desk can say who took care of it (once, not per echo). */
export function withCleared(known: Alarms, c: AlarmCleared): { alarms: Alarms; ended: CounterAlarm | null } {
  const ended = known.open.find((a) => a.alarmId === c.alarmId) ?? null;
  const cleared = new Set(known.cleared).add(c.alarmId);
  return { alarms: { open: known.open.filter((a) => a.alarmId !== c.alarmId), cleared }, ended };
}
