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
  /**
   * #17 "finish and next service": the next segment's place in line. `credit` the time already
   * waited (at most `maxOvertakeMinutes`), or join at the `back`. Absent before #17: read it with
   * `nextServicePlacement()`.
   */
  nextServicePlacement?: 'credit' | 'back';
}

/**
 * #17: how long personal data is kept (README "Data protection"), in days. Notes: 0 deletes them
 * at the end of the office day. Sessions end at their expiry and have no setting.
 */
export interface RetentionSettings {
  notesDays: number;
  feedbackCommentDays: number;
  /** Counted from the appointment's day. */
  appointmentContactDays: number;
  /** After this, the actor keys in events and tickets no longer lead to the staff member. */
  actorLinkDays: number;
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

/** #13 part 1: what anonymous visitors may draw at the office's kiosks. */
export interface KioskSettings {
  /** Tickets (and check-ins) one kiosk may draw per minute: a sanity limit, a real kiosk draws a few. */
  ticketsPerMinute: number;
  /**
   * Share (0–1) of a service's daily contingent (`dailyLimit`) that kiosks may
   * draw; the rest stays for staff. By service id; services not listed use
   * `defaultAnonymousShare`. No effect on a service without a daily limit.
   */
  anonymousShare: Record<string, number>;
  defaultAnonymousShare: number;
}

export interface OfficeSettings {
  name: string;
  timeZone: string;
  /** Local dates (YYYY-MM-DD) when the whole office is closed. */
  holidays: string[];
  policy: PolicySettings;
  checkin: CheckinSettings;
  estimate: EstimateSettings;
  /** Absent in databases from before #13: read it with `kioskSettings()`. */
  kiosk?: KioskSettings;
  /** #15: the wait the office aims at, in minutes (statistics use it). Absent before #15: read it with `waitTargetMinutes()`. */
  waitTargetMinutes?: number;
  /**
   * #16: whether statistics may be asked per counter (`counterId`, `groupBy=counter`). A counter is
   * usually one person's desk, so this stays off unless the office has an agreement with its staff
   * council. Absent before #16: read it with `counterStatsEnabled()`.
   */
  counterStats?: boolean;
  /** #17: absent before #17: read it with `retentionSettings()`. */
  retention?: RetentionSettings;
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

export const DEFAULT_KIOSK: KioskSettings = {
  ticketsPerMinute: 30,
  anonymousShare: {},
  defaultAnonymousShare: 1,
};

/** The office's kiosk rules, with the defaults for whatever a stored settings object lacks. */
export function kioskSettings(s: OfficeSettings): KioskSettings {
  return { ...DEFAULT_KIOSK, ...s.kiosk };
}

/** #15: the wait target when an office has set none. */
export const DEFAULT_WAIT_TARGET_MINUTES = 15;

/** The office's wait target in minutes, the default for settings stored before #15. */
export function waitTargetMinutes(s: OfficeSettings): number {
  return s.waitTargetMinutes ?? DEFAULT_WAIT_TARGET_MINUTES;
}

/** #16: per-counter statistics, off unless an admin switched them on. */
export function counterStatsEnabled(s: OfficeSettings): boolean {
  return s.counterStats ?? false;
}

/** #17: the retention periods when an office has set none. */
export const DEFAULT_RETENTION: RetentionSettings = {
  notesDays: 0,
  feedbackCommentDays: 90,
  appointmentContactDays: 30,
  actorLinkDays: 90,
};

export function retentionSettings(s: OfficeSettings): RetentionSettings {
  return { ...DEFAULT_RETENTION, ...s.retention };
}

export function nextServicePlacement(p: PolicySettings): 'credit' | 'back' {
  return p.nextServicePlacement ?? 'credit';
}

export function defaultOfficeSettings(timeZone: string, name = 'Bürgeramt'): OfficeSettings {
  return {
    name,
    timeZone,
    holidays: [],
    policy: { ...DEFAULT_POLICY },
    checkin: { ...DEFAULT_CHECKIN },
    estimate: { ...DEFAULT_ESTIMATE },
    kiosk: { ...DEFAULT_KIOSK, anonymousShare: {} },
    waitTargetMinutes: DEFAULT_WAIT_TARGET_MINUTES,
  };
}
