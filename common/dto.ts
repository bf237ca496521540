import type { ErrorBody } from './errors.js';
import type { AppointmentStatus, ClosedReason, Counter, Estimate, PriorityClass, Role, Ticket, TicketStatus } from './model.js';
import type { PublicPrinterStatus } from './printing.js';

/** A service as kiosks and the public API show it. */
export interface PublicService {
  id: string;
  prefix: string;
  names: Record<string, string>;
  icon: string;
  open: boolean;
  closedReason: ClosedReason | null;
  waiting: number;
  estimate: Estimate | null;
  priorityEnabled: boolean;
  /** When the current opening period ends (epoch ms), null when closed. */
  closesAt: number | null;
}

/** What the visitor's phone and the public API see of a ticket: no personal data. */
export interface PublicTicket {
  id: string;
  number: string;
  serviceId: string;
  language: string;
  status: TicketStatus;
  /** 1-based place in the service's queue while waiting, else null. */
  position: number | null;
  estimate: Estimate | null;
  issuedAt: number;
  /** Slot time of a checked-in appointment (null for walk-ins and late arrivals served as walk-ins). */
  appointmentAt: number | null;
  calledAt: number | null;
  counterName: string | null;
  transferredFrom: string | null;
  /** #17: the services still to come in this visit, in order (the phone page shows "next: …"). */
  nextServiceIds: string[];
  statusUrl: string;
  /** The token stops working at this instant (end of the office day). */
  expiresAt: number;
}

/**
 * What happened to the paper ticket: `printed`; `failed` (the kiosk shows the
 * number and QR code longer instead); `agent` (handed to a remote print
 * agent); `none` (this kiosk has no printer).
 */
export interface PrintOutcome {
  status: 'printed' | 'failed' | 'agent' | 'none';
  reason?: string;
}

/** The answer to a staff reprint: the outcome and the kiosk that printed. */
export interface ReprintOutcome extends PrintOutcome {
  kioskId: string;
}

/** The answer to drawing a ticket or checking in at a kiosk. */
export interface IssuedTicket extends PublicTicket {
  print?: PrintOutcome;
}

/** A counter as the public sees it: no staff names. */
export interface PublicCounter {
  id: string;
  name: string;
  area: string;
  serviceIds: string[];
  open: boolean;
  currentTicket: { number: string; status: TicketStatus } | null;
}

/**
 * A ticket as staff see it: named by its staff reference `ref`, never by its id
 * (the visitor's token, which opens the phone page and cancels the ticket).
 */
export interface StaffTicket extends Omit<Ticket, 'id'> {
  position: number | null;
}

/** A counter as staff see it; its current ticket by staff reference. */
export interface StaffCounter extends Omit<Counter, 'currentTicketId'> {
  currentTicketRef: string | null;
  userName: string | null;
}

export interface ServiceQueueStats {
  serviceId: string;
  waiting: number;
  /** Longest current wait among waiting tickets, ms. */
  longestWaitMs: number;
  /** Checked-in appointments that are due now. */
  dueAppointments: number;
  estimate: Estimate | null;
  open: boolean;
}

/** One call as waiting-room screens show it. */
export interface DisplayCall {
  number: string;
  counterId: string;
  counterName: string;
  area: string;
  serviceId: string;
  language: string;
  recall: boolean;
  at: number;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  languages: string[];
  /** Signed in with a one-time password: until it is changed, only the auth routes answer (#15). */
  mustChangePassword: boolean;
}

export type { PriorityClass };

export interface ErrorResponse {
  error: ErrorBody;
}

/** `GET /api/health`: still "ok" with a broken printer; the details say what is wrong. */
export interface Health {
  /** `degraded` (with status 503) while the storage refuses writes: the reason says why. */
  status: 'ok' | 'degraded';
  reason?: 'read_only' | 'disk_full' | 'io_error' | 'cannot_open' | 'corrupt' | 'busy';
  message?: string;
  /** Since when writes fail (epoch ms). */
  since?: number;
  details: { printers: PublicPrinterStatus[] };
}

/** What anyone may know about a kiosk: printer settings stay on the server. */
export interface PublicKiosk {
  id: string;
  name: string;
  area: string | null;
}

/** A booked appointment as staff get it back: `startsAt` as an ISO 8601 instant. */
export interface BookedAppointment {
  id: string;
  /** What the visitor types or scans at the kiosk. */
  code: string;
  serviceId: string;
  startsAt: string;
  language: string | null;
  status: AppointmentStatus;
  ticketId: string | null;
  createdAt: number;
}

/** A new print agent token, shown once. */
export interface AgentTokenIssued {
  kioskId: string;
  token: string;
  /** When the token stops working (epoch ms), or null when it never expires. */
  expiresAt: number | null;
}

/** #13 part 1: a new kiosk device token, shown once, with the link that pairs the kiosk's browser. */
export interface DeviceTokenIssued {
  kioskId: string;
  token: string;
  pairingUrl: string;
}

/** #13 part 1: a revoked kiosk device token; `revoked` is false when the kiosk had none. */
export interface DeviceTokenRevoked {
  kioskId: string;
  revoked: boolean;
}

export interface LoggedOut {
  ok: true;
}

/** Whether the visitor already answered the feedback question for a ticket. */
export interface FeedbackState {
  given: boolean;
}

/** Anonymous feedback, one row per service and office day. */
export interface FeedbackDayStats {
  /** Business date, YYYY-MM-DD. */
  date: string;
  serviceId: string;
  count: number;
  /** Mean German school grade (1 best … 6 worst), two decimals. */
  average: number;
}

export interface FeedbackStats {
  from: string;
  to: string;
  days: FeedbackDayStats[];
}

/** #14: server time of one command name, measured around its handler (µs, one decimal). */
export interface CommandTiming {
  /** `issue`, `checkin`, or a counter action (`call-next`, `start`, `finish`, `transfer`, …). */
  command: string;
  /** Commands answered successfully since `since`. */
  count: number;
  /** Commands refused or failed since `since` (not in the times). */
  errors: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
  /** How many of the `count` times the percentiles come from (a uniform sample of at most 1,024). */
  samples: number;
}

/** #14: `GET /api/admin/metrics/commands`, per command since the server started or the figures were reset. */
export interface CommandTimings {
  /** When the figures began (server start or reset), epoch ms. */
  since: number;
  commands: CommandTiming[];
}
