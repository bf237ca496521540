/**
 * Facts the core emits. The store appends each one to the event log in the
 * same transaction as the state change; statistics and the audit trail are
 * read from that log.
 */
export const EVENT_TYPES = [
  'ticket.issued',
  'ticket.checked_in',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no_show',
  'ticket.returned',
  'ticket.transferred',
  'ticket.cancelled',
  'ticket.expired',
  'ticket.noted',
  'ticket.reprinted',
  'counter.opened',
  'counter.closed',
  'counter.alarm_raised',
  'counter.alarm_acknowledged',
  'appointment.created',
  'appointment.cancelled',
  'device.agent_token_issued',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DomainEvent {
  type: EventType;
  at: number;
  ticketId: string | null;
  serviceId: string | null;
  counterId: string | null;
  userId: string | null;
  data: Record<string, unknown>;
}

/** An event as stored: the log assigns the sequence number. */
export interface LoggedEvent extends DomainEvent {
  seq: number;
}

export function event(
  type: EventType,
  at: number,
  fields: Partial<Omit<DomainEvent, 'type' | 'at'>> = {},
): DomainEvent {
  return {
    type,
    at,
    ticketId: fields.ticketId ?? null,
    serviceId: fields.serviceId ?? null,
    counterId: fields.counterId ?? null,
    userId: fields.userId ?? null,
    data: fields.data ?? {},
  };
}
