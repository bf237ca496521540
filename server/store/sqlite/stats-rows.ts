import type { PriorityClass } from '../../../common/model.js';
import type { StatsChannel } from '../../../common/stats-schemas.js';
import type { AppointmentFact, SegmentFact, SegmentFigures, SegmentOutcome } from '../../domain/stats/facts.js';
import type { SqlValue } from './rows.js';

/** #16: the statistics facts' columns and their mappers (raw values of named columns: the reads of many rows). */

export const str = (v: SqlValue | undefined): string => String(v);
export const num = (v: SqlValue | undefined): number => Number(v);
export const numOrNull = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
export const strOrNull = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** The segment columns in SegmentFact's order, for the reads of many rows (`segmentFromValues`). */
export const SEGMENT_COLUMNS =
  'ticket_id, segment, business_date, hour, weekday, number, service_id, channel, language, priority_class, joined_at, ' +
  'first_called_at, started_at, ended_at, counter_id, outcome, wait_ms, service_ms, call_to_start_ms, appointment_id, lateness_ms, office_delay_ms';
export const SEGMENT_FIELDS = 22;

export function segmentFromValues(v: SqlValue[]): SegmentFact {
  return {
    ticketId: str(v[0]),
    segment: num(v[1]),
    businessDate: str(v[2]),
    hour: num(v[3]),
    weekday: num(v[4]),
    number: str(v[5]),
    serviceId: str(v[6]),
    channel: str(v[7]) as StatsChannel,
    language: str(v[8]),
    priorityClass: str(v[9]) as PriorityClass,
    joinedAt: num(v[10]),
    firstCalledAt: numOrNull(v[11]),
    startedAt: numOrNull(v[12]),
    endedAt: numOrNull(v[13]),
    counterId: strOrNull(v[14]),
    outcome: str(v[15]) as SegmentOutcome,
    waitMs: numOrNull(v[16]),
    serviceMs: numOrNull(v[17]),
    callToStartMs: numOrNull(v[18]),
    appointmentId: strOrNull(v[19]),
    latenessMs: numOrNull(v[20]),
    officeDelayMs: numOrNull(v[21]),
  };
}

export const APPOINTMENT_COLUMNS = 'appointment_id, business_date, hour, weekday, service_id, language, slot_start, status';

export function appointmentFromValues(v: SqlValue[]): AppointmentFact {
  return {
    appointmentId: str(v[0]),
    businessDate: str(v[1]),
    hour: num(v[2]),
    weekday: num(v[3]),
    serviceId: str(v[4]),
    language: str(v[5]),
    slotStart: num(v[6]),
    status: str(v[7]) as AppointmentFact['status'],
  };
}

export const FIGURE_COLUMNS = 'segment, business_date, hour, weekday, service_id, channel, language, counter_id, outcome, wait_ms, service_ms, lateness_ms, office_delay_ms';

export function figuresFromValues(v: SqlValue[]): SegmentFigures {
  return {
    segment: num(v[0]),
    businessDate: str(v[1]),
    hour: num(v[2]),
    weekday: num(v[3]),
    serviceId: str(v[4]),
    channel: str(v[5]) as StatsChannel,
    language: str(v[6]),
    counterId: strOrNull(v[7]),
    outcome: str(v[8]) as SegmentOutcome,
    waitMs: numOrNull(v[9]),
    serviceMs: numOrNull(v[10]),
    latenessMs: numOrNull(v[11]),
    officeDelayMs: numOrNull(v[12]),
  };
}
