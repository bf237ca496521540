/**
 * Office-wide rules the pure core needs. Minutes unless named otherwise.
 * All values are stored in the database and editable by an admin later.
 */
export interface PolicySettings {
  /** Walk-in anti-starvation bound: no ticket is ever called before a walk-in that was queued more than this many minutes earlier (advantages are capped at it). */
  maxOvertakeMinutes: number;
  /** Advantage of an accessibility/urgent priority ticket over walk-ins. */
  priorityBoostMinutes: number;
  /** Advantage of a checked-in appointment, measured from its slot time. */
  appointmentBoostMinutes: number;
  /** Advantage of a ticket whose language the counter's staff speak. */
  languageMatchMinutes: number;
  /** Handicap of a counter's secondary services against its primary ones. */
  secondaryPenaltyMinutes: number;
  /** A returned (parked) ticket is not offered again before this many seconds. */
  recallCooldownSeconds: number;
  /** Once a ticket has been called this many times, returning it makes it a no-show. */
  maxCalls: number;
}

export interface CheckinSettings {
  /** An appointment becomes due this many minutes before its slot. */
  earlyGraceMinutes: number;
  /** Check-in opens this many minutes before the slot; earlier is "too early". */
  checkinOpensMinutes: number;
  /** Arrivals later than this after the slot are served like walk-ins. */
  lateWindowMinutes: number;
}

export interface EstimateSettings {
  /** Recent service durations averaged per service. */
  historySize: number;
  /** Range around the central estimate. */
  lowFactor: number;
  highFactor: number;
}

export interface OfficeSettings {
  name: string;
  timeZone: string;
  /** Local dates (YYYY-MM-DD) when the whole office is closed. */
  holidays: string[];
  policy: PolicySettings;
  checkin: CheckinSettings;
  estimate: EstimateSettings;
}

export const DEFAULT_POLICY: PolicySettings = {
  maxOvertakeMinutes: 30,
  priorityBoostMinutes: 20,
  appointmentBoostMinutes: 30,
  languageMatchMinutes: 10,
  secondaryPenaltyMinutes: 10,
  recallCooldownSeconds: 120,
  maxCalls: 3,
};

export const DEFAULT_CHECKIN: CheckinSettings = {
  earlyGraceMinutes: 5,
  checkinOpensMinutes: 60,
  lateWindowMinutes: 15,
};

export const DEFAULT_ESTIMATE: EstimateSettings = {
  historySize: 20,
  lowFactor: 0.8,
  highFactor: 1.3,
};

export function defaultOfficeSettings(timeZone: string, name = 'Bürgeramt'): OfficeSettings {
  return {
    name,
    timeZone,
    holidays: [],
    policy: { ...DEFAULT_POLICY },
    checkin: { ...DEFAULT_CHECKIN },
    estimate: { ...DEFAULT_ESTIMATE },
  };
}
