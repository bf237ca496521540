import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../common/model.js';
import { checkIn } from '../../server/domain/check-in.js';
import { DEFAULT_CHECKIN } from '../../server/domain/settings.js';
import { instantAt } from '../../server/domain/time.js';

const TZ = 'Europe/Berlin';
const at = (date: string, hhmm: string) => instantAt(date, hhmm, TZ);
const S = DEFAULT_CHECKIN; // grace 5, opens 60, late 15

function appt(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'ap1',
    code: 'K7Q2M',
    serviceId: 'residence',
    startsAt: at('2026-06-10', '10:00'),
    language: 'de',
    status: 'booked',
    ticketId: null,
    createdAt: at('2026-06-01', '09:00'),
    ...overrides,
  };
}

describe('checkIn', () => {
  it('is too early more than checkinOpensMinutes before the slot', () => {
    expect(checkIn(appt(), at('2026-06-10', '08:59'), S, TZ)).toMatchObject({ ok: false, code: 'CHECKIN_TOO_EARLY' });
    expect(checkIn(appt(), at('2026-06-10', '09:00'), S, TZ).ok).toBe(true);
  });

  it('an early arrival is queued now but due at its slot', () => {
    const now = at('2026-06-10', '09:30');
    expect(checkIn(appt(), now, S, TZ)).toEqual({
      ok: true,
      value: { priorityClass: 'appointment', dueAt: at('2026-06-10', '10:00'), queuedAt: now, availableAt: at('2026-06-10', '09:55') },
    });
  });

  it('within the grace period it is available at once', () => {
    const now = at('2026-06-10', '09:57');
    expect(checkIn(appt(), now, S, TZ)).toMatchObject({ ok: true, value: { priorityClass: 'appointment', availableAt: now } });
  });

  it('up to lateWindowMinutes late it keeps its appointment', () => {
    const now = at('2026-06-10', '10:15');
    expect(checkIn(appt(), now, S, TZ)).toMatchObject({
      ok: true,
      value: { priorityClass: 'appointment', dueAt: at('2026-06-10', '10:00'), queuedAt: now, availableAt: now },
    });
  });

  it('later than that it is served like a walk-in', () => {
    const now = at('2026-06-10', '10:15') + 1000;
    expect(checkIn(appt(), now, S, TZ)).toEqual({
      ok: true,
      value: { priorityClass: 'walk_in', dueAt: null, queuedAt: now, availableAt: now },
    });
  });

  it('an appointment on another day has expired', () => {
    expect(checkIn(appt(), at('2026-06-11', '10:00'), S, TZ)).toMatchObject({ ok: false, code: 'APPOINTMENT_EXPIRED' });
    expect(checkIn(appt(), at('2026-06-09', '10:00'), S, TZ)).toMatchObject({ ok: false, code: 'APPOINTMENT_EXPIRED' });
    // Within the hour before, but across local midnight.
    const justAfterMidnight = appt({ startsAt: at('2026-06-11', '00:10') });
    expect(checkIn(justAfterMidnight, at('2026-06-10', '23:55'), S, TZ)).toMatchObject({ ok: false, code: 'APPOINTMENT_EXPIRED' });
  });

  it('a cancelled appointment cannot check in', () => {
    expect(checkIn(appt({ status: 'cancelled' }), at('2026-06-10', '09:50'), S, TZ)).toMatchObject({ ok: false, code: 'APPOINTMENT_CANCELLED' });
  });

  it('an appointment checks in only once', () => {
    expect(checkIn(appt({ status: 'checked_in', ticketId: 't1' }), at('2026-06-10', '09:50'), S, TZ)).toMatchObject({
      ok: false,
      code: 'ALREADY_CHECKED_IN',
    });
  });
});
