import type { Appointment, Counter, Device, Service, Ticket } from '../../../common/model.js';
import { UnreadableEventError, type StoredEvent } from '../../domain/event-upgrade.js';
import { isEventType } from '../../domain/events.js';
import type { UserRecord } from '../store.js';

/** Row ↔ domain mappers: snake_case columns, JSON for lists and maps, 0/1 for booleans. */
/** A value as better-sqlite3 hands it over (Buffers never occur here: no BLOB columns). */
export type SqlValue = string | number | bigint | null;
export type Row = Record<string, SqlValue>;

const str = (v: SqlValue | undefined): string => String(v);
const num = (v: SqlValue | undefined): number => Number(v);
const numOrNull = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const json = <T>(v: SqlValue | undefined): T => JSON.parse(String(v)) as T;

export function ticketFromRow(r: Row): Ticket {
  return {
    id: str(r.id),
    ref: str(r.ref),
    number: str(r.number),
    serviceId: str(r.service_id),
    businessDate: str(r.business_date),
    language: str(r.language),
    status: str(r.status) as Ticket['status'],
    priorityClass: str(r.priority_class) as Ticket['priorityClass'],
    channel: str(r.channel) as Ticket['channel'],
    appointmentId: strOrNull(r.appointment_id),
    dueAt: numOrNull(r.due_at),
    issuedAt: num(r.issued_at),
    queuedAt: num(r.queued_at),
    availableAt: num(r.available_at),
    targetCounterId: strOrNull(r.target_counter_id),
    counterId: strOrNull(r.counter_id),
    userId: strOrNull(r.user_id),
    calledAt: numOrNull(r.called_at),
    servingAt: numOrNull(r.serving_at),
    finishedAt: numOrNull(r.finished_at),
    callCount: num(r.call_count),
    transferredFrom: strOrNull(r.transferred_from),
    nextServiceIds: r.next_service_ids === undefined || r.next_service_ids === null ? [] : json<string[]>(r.next_service_ids),
    notes: str(r.notes),
  };
}

export function ticketToRow(t: Ticket): Row {
  return {
    id: t.id,
    ref: t.ref,
    number: t.number,
    service_id: t.serviceId,
    business_date: t.businessDate,
    language: t.language,
    status: t.status,
    priority_class: t.priorityClass,
    channel: t.channel,
    appointment_id: t.appointmentId,
    due_at: t.dueAt,
    issued_at: t.issuedAt,
    queued_at: t.queuedAt,
    available_at: t.availableAt,
    target_counter_id: t.targetCounterId,
    counter_id: t.counterId,
    user_id: t.userId,
    called_at: t.calledAt,
    serving_at: t.servingAt,
    finished_at: t.finishedAt,
    call_count: t.callCount,
    transferred_from: t.transferredFrom,
    next_service_ids: JSON.stringify(t.nextServiceIds),
    notes: t.notes,
  };
}

export function serviceFromRow(r: Row): Service {
  return {
    id: str(r.id),
    prefix: str(r.prefix),
    names: json(r.names),
    icon: str(r.icon),
    hours: json(r.hours),
    dailyLimit: numOrNull(r.daily_limit),
    defaultServiceMinutes: num(r.default_service_minutes),
    priorityEnabled: r.priority_enabled === 1,
    active: r.active === 1,
    sortOrder: num(r.sort_order),
  };
}

export function serviceToRow(s: Service): Row {
  return {
    id: s.id,
    prefix: s.prefix,
    names: JSON.stringify(s.names),
    icon: s.icon,
    hours: JSON.stringify(s.hours),
    daily_limit: s.dailyLimit,
    default_service_minutes: s.defaultServiceMinutes,
    priority_enabled: s.priorityEnabled ? 1 : 0,
    active: s.active ? 1 : 0,
    sort_order: s.sortOrder,
  };
}

export function counterFromRow(r: Row): Counter {
  return {
    id: str(r.id),
    name: str(r.name),
    area: str(r.area),
    primaryServiceIds: json(r.primary_service_ids),
    secondaryServiceIds: json(r.secondary_service_ids),
    open: r.open === 1,
    userId: strOrNull(r.user_id),
    currentTicketId: strOrNull(r.current_ticket_id),
  };
}

export function counterToRow(c: Counter): Row {
  return {
    id: c.id,
    name: c.name,
    area: c.area,
    primary_service_ids: JSON.stringify(c.primaryServiceIds),
    secondary_service_ids: JSON.stringify(c.secondaryServiceIds),
    open: c.open ? 1 : 0,
    user_id: c.userId,
    current_ticket_id: c.currentTicketId,
  };
}

export function userFromRow(r: Row): UserRecord {
  return {
    id: str(r.id),
    username: str(r.username),
    displayName: str(r.display_name),
    role: str(r.role) as UserRecord['role'],
    languages: json(r.languages),
    passwordHash: str(r.password_hash),
    active: r.active === 1,
    mustChangePassword: r.must_change_password === 1,
    version: num(r.version),
    siteIds: r.site_ids === undefined || r.site_ids === null ? [] : json(r.site_ids),
  };
}

export function userToRow(u: UserRecord): Row {
  return {
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    languages: JSON.stringify(u.languages),
    password_hash: u.passwordHash,
    active: u.active ? 1 : 0,
    must_change_password: u.mustChangePassword ? 1 : 0,
    version: u.version,
  };
}

export function appointmentFromRow(r: Row): Appointment {
  return {
    id: str(r.id),
    code: str(r.code),
    serviceId: str(r.service_id),
    startsAt: num(r.starts_at),
    language: strOrNull(r.language),
    status: str(r.status) as Appointment['status'],
    ticketId: strOrNull(r.ticket_id),
    createdAt: num(r.created_at),
    ...(r.contact === null || r.contact === undefined ? {} : { contact: str(r.contact) }),
  };
}

export function appointmentToRow(a: Appointment): Row {
  return {
    id: a.id,
    code: a.code,
    service_id: a.serviceId,
    starts_at: a.startsAt,
    language: a.language,
    status: a.status,
    ticket_id: a.ticketId,
    created_at: a.createdAt,
    contact: a.contact ?? null,
  };
}

/**
 * An events row as stored. The log holds only what appendEvents wrote for this
 * type at this payload version, so its JSON is that version's payload: the
 * one place a row is taken at its word. upgradeEvent turns it into today's type.
 */
export function storedEventFromRow(r: Row): StoredEvent {
  const seq = num(r.seq);
  const type = str(r.type);
  if (!isEventType(type)) throw new UnreadableEventError(seq, `the type "${type}" is unknown`);
  const data: unknown = JSON.parse(str(r.data));
  return {
    seq,
    type,
    v: num(r.v),
    at: num(r.at),
    ticketId: strOrNull(r.ticket_id),
    serviceId: strOrNull(r.service_id),
    counterId: strOrNull(r.counter_id),
    userId: strOrNull(r.user_id),
    data,
  } as StoredEvent;
}

export function deviceFromRow(r: Row): Device {
  return {
    id: str(r.id),
    kind: str(r.kind) as Device['kind'],
    name: str(r.name),
    area: strOrNull(r.area),
    settings: json(r.settings),
  };
}

export function deviceToRow(d: Device): Row {
  return { id: d.id, kind: d.kind, name: d.name, area: d.area, settings: JSON.stringify(d.settings) };
}
