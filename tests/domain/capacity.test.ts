import { describe, expect, it } from 'vitest';
import type { ClosedReason, Service } from '../../common/model.js';
import { closedReasonToError, issuingStatus, type IssuingInput } from '../../server/domain/capacity.js';
import { instantAt } from '../../server/domain/time.js';
import { ALWAYS_OPEN_HOURS, DEMO_HOLIDAYS, DEMO_TIME_ZONE, DEMO_WEEKLY_HOURS } from '../../server/seed/demo-data.js';

const TZ = DEMO_TIME_ZONE;
const at = (date: string, hhmm: string) => instantAt(date, hhmm, TZ);

const service: Service = {
  id: 'residence',
  prefix: 'A',
  names: { de: 'Aufenthalt', en: 'Residence' },
  icon: 'id-card',
  hours: DEMO_WEEKLY_HOURS,
  dailyLimit: 80,
  defaultServiceMinutes: 15,
  priorityEnabled: true,
  active: true,
  sortOrder: 1,
};

function input(overrides: Partial<IssuingInput> = {}): IssuingInput {
  return {
    service,
    now: at('2026-06-10', '10:00'),
    timeZone: TZ,
    holidays: DEMO_HOLIDAYS,
    issuedToday: 0,
    estimate: { low: 10, high: 20 },
    ...overrides,
  };
}

describe('issuingStatus', () => {
  it('is open during opening hours and tells when it closes', () => {
    expect(issuingStatus(input())).toEqual({ open: true, closesAt: at('2026-06-10', '12:30') });
  });

  it('is closed for an inactive service, before anything else', () => {
    expect(issuingStatus(input({ service: { ...service, active: false } }))).toEqual({ open: false, reason: 'inactive' });
    expect(issuingStatus(input({ service: { ...service, active: false }, now: at('2026-06-04', '10:00') }))).toEqual({ open: false, reason: 'inactive' });
  });

  it('is closed on holidays and outside hours', () => {
    expect(issuingStatus(input({ now: at('2026-06-04', '10:00') }))).toEqual({ open: false, reason: 'holiday' });
    expect(issuingStatus(input({ now: at('2026-06-10', '12:45') }))).toEqual({ open: false, reason: 'outside_hours' });
    expect(issuingStatus(input({ now: at('2026-06-13', '10:00') }))).toEqual({ open: false, reason: 'outside_hours' });
  });

  it('stops at the daily limit', () => {
    expect(issuingStatus(input({ issuedToday: 79 })).open).toBe(true);
    expect(issuingStatus(input({ issuedToday: 80 }))).toEqual({ open: false, reason: 'daily_limit' });
    expect(issuingStatus(input({ issuedToday: 5000, service: { ...service, dailyLimit: null } })).open).toBe(true);
    expect(issuingStatus(input({ issuedToday: 0, service: { ...service, dailyLimit: 0 } }))).toEqual({ open: false, reason: 'daily_limit' });
  });

  it('refuses when even the optimistic wait runs past closing', () => {
    const now = at('2026-06-10', '12:00');
    expect(issuingStatus(input({ now, estimate: { low: 30, high: 45 } })).open).toBe(true);
    expect(issuingStatus(input({ now, estimate: { low: 31, high: 45 } }))).toEqual({ open: false, reason: 'past_closing' });
    expect(issuingStatus(input({ now, issuedToday: 80, estimate: { low: 31, high: 45 } }))).toEqual({ open: false, reason: 'daily_limit' });
  });

  it('does not close for an unknown estimate', () => {
    expect(issuingStatus(input({ now: at('2026-06-10', '12:29'), estimate: null })).open).toBe(true);
  });

  it('never runs past closing on round-the-clock hours', () => {
    const s = { ...service, hours: ALWAYS_OPEN_HOURS };
    expect(issuingStatus(input({ service: s, now: at('2026-06-13', '23:59'), estimate: { low: 600, high: 900 } }))).toEqual({ open: true, closesAt: null });
  });
});

describe('closedReasonToError', () => {
  it('maps every reason to its error code', () => {
    const cases: Array<[ClosedReason, string]> = [
      ['outside_hours', 'SERVICE_CLOSED'],
      ['holiday', 'SERVICE_CLOSED'],
      ['inactive', 'SERVICE_CLOSED'],
      ['daily_limit', 'DAILY_LIMIT_REACHED'],
      ['past_closing', 'PAST_CLOSING_TIME'],
    ];
    for (const [reason, code] of cases) expect(closedReasonToError(reason)).toBe(code);
  });
});
