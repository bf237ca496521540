/**
 * The shared data model. Instants are epoch milliseconds (UTC); a business
 * date is an ISO `YYYY-MM-DD` in the office's time zone.
 */

export const TicketStatus = {
  waiting: 'waiting',
  called: 'called',
  serving: 'serving',
  done: 'done',
  noShow: 'no_show',
  cancelled: 'cancelled',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];

export const FINAL_STATUSES: readonly TicketStatus[] = ['done', 'no_show', 'cancelled'];

/**
 * Why a ticket is ahead of plain walk-ins. `appointment` is set when an
 * appointment was checked in within its window; late arrivals are `walk_in`.
 */
export type PriorityClass = 'appointment' | 'priority' | 'walk_in';

export type TicketChannel = 'kiosk' | 'staff' | 'checkin' | 'api';

export interface Ticket {
  /** Unguessable token; the phone page and QR code use it. The visitor's secret: never sent to staff screens. */
  id: string;
  /** Staff's name for the ticket (call it, notes, reprint): unique per site, opens nothing for the public. */
  ref: string;
  /** Display number, e.g. "A017". */
  number: string;
  serviceId: string;
  businessDate: string;
  language: string;
  status: TicketStatus;
  priorityClass: PriorityClass;
  channel: TicketChannel;
  appointmentId: string | null;
  /** Appointment slot start; null for walk-ins. */
  dueAt: number | null;
  issuedAt: number;
  /** Place in line (FIFO key). A transfer that keeps its place keeps this. */
  queuedAt: number;
  /** Not offered to counters before this instant (recall cool-down, early appointment). */
  availableAt: number;
  /** Only this counter may call it (transfer to a named counter). */
  targetCounterId: string | null;
  counterId: string | null;
  userId: string | null;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  callCount: number;
  /** Service the ticket was transferred from, last hop. */
  transferredFrom: string | null;
  /**
   * #17: the services still to come in this visit, in order (listed at the kiosk, at most two).
   * "Finish and next service" (`finish-next`) moves the ticket, same number, to the first of them.
   */
  nextServiceIds: string[];
  notes: string;
}

export interface OpeningPeriod {
  /** "HH:MM" local time */
  from: string;
  to: string;
}

/** Keys are ISO weekday numbers 1 (Monday) … 7 (Sunday). */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', OpeningPeriod[]>>;

export interface Service {
  id: string;
  prefix: string;
  names: Record<string, string>;
  /** Pictogram name for the kiosk tiles. */
  icon: string;
  hours: WeeklyHours;
  /** Tickets per business day, null = unlimited. */
  dailyLimit: number | null;
  /** Used for estimates before there is history. */
  defaultServiceMinutes: number;
  priorityEnabled: boolean;
  active: boolean;
  sortOrder: number;
}

export interface Counter {
  id: string;
  name: string;
  area: string;
  primaryServiceIds: string[];
  secondaryServiceIds: string[];
  open: boolean;
  /** Staff user who opened it. */
  userId: string | null;
  currentTicketId: string | null;
}

export interface Area {
  id: string;
  name: Record<string, string>;
}

/** A kiosk or a waiting-room screen. */
export interface Device {
  id: string;
  kind: 'kiosk' | 'display';
  name: string;
  area: string | null;
  /** Kiosk: `printer` (tcp://host[:port], a device path or "none"), `paperWidthDots` (576 or 384). */
  settings: Record<string, unknown>;
}

/** `admin`: everything; `supervisor`: counter work, staff passwords, reading the configuration; `staff`: counter work (#15). */
export const ROLES = ['admin', 'supervisor', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Languages the person can serve in (BCP-47 primary tags). */
  languages: string[];
}

export type AppointmentStatus = 'booked' | 'checked_in' | 'cancelled';

export interface Appointment {
  id: string;
  code: string;
  serviceId: string;
  startsAt: number;
  language: string | null;
  status: AppointmentStatus;
  ticketId: string | null;
  createdAt: number;
  /**
   * #17: how the visitor can be reached (the booking issue writes an e-mail address here); null when
   * none. Cleared by the purge `appointmentContactDays` after the appointment's day, or early by the visitor.
   */
  contact?: string | null;
}

export interface Estimate {
  low: number;
  high: number;
}

export type ClosedReason = 'outside_hours' | 'holiday' | 'daily_limit' | 'past_closing' | 'inactive';
