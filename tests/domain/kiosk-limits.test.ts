import { describe, expect, it } from 'vitest';
import { anonymousLimit, anonymousShareOf, issuingStatus, kioskRate } from '../../server/domain/capacity.js';
import { DEFAULT_KIOSK, defaultOfficeSettings, kioskSettings } from '../../server/domain/settings.js';
import { ALWAYS_OPEN_HOURS } from '../../server/seed/demo-data.js';
import type { Service } from '../../common/model.js';

/** #13 part 1: the per-kiosk sanity limit and the kiosks' share of a daily contingent are settings the domain applies. */

const T = Date.UTC(2026, 5, 10, 8, 0, 0);
const service = (dailyLimit: number | null): Service => ({
  id: 'naturalisation',
  prefix: 'E',
  names: { de: 'Einbürgerung' },
  icon: 'passport',
  hours: ALWAYS_OPEN_HOURS,
  dailyLimit,
  defaultServiceMinutes: 20,
  priorityEnabled: false,
  active: true,
  sortOrder: 1,
});

describe('per-kiosk limit', () => {
  it('allows `perMinute` draws in a sliding minute and refuses the next, counting only allowed draws', () => {
    let recent: number[] = [];
    for (let i = 0; i < 30; i++) {
      const d = kioskRate(recent, T + i * 100, 30);
      expect(d.allowed).toBe(true);
      recent = d.recent;
    }
    const refused = kioskRate(recent, T + 3_000, 30);
    expect(refused).toMatchObject({ allowed: false });
    if (refused.allowed) throw new Error('unreachable');
    expect(refused.recent).toHaveLength(30);
    // The oldest draw leaves the window 60 s after it was made.
    expect(refused.retryAfterMs).toBe(60_000 - 3_000);
    expect(kioskRate(refused.recent, T + 60_000, 30).allowed).toBe(true);
  });

  it('forgets draws older than a minute', () => {
    expect(kioskRate([T - 61_000, T - 60_000], T, 1).allowed).toBe(true);
    expect(kioskRate([T - 59_000], T, 1).allowed).toBe(false);
  });

  it('is a setting with a default of 30 a minute, also for offices stored before it existed', () => {
    expect(DEFAULT_KIOSK.ticketsPerMinute).toBe(30);
    const { kiosk: _absent, ...old } = defaultOfficeSettings('Europe/Berlin');
    expect(kioskSettings(old).ticketsPerMinute).toBe(30);
    expect(kioskSettings({ ...old, kiosk: { ...DEFAULT_KIOSK, ticketsPerMinute: 5 } }).ticketsPerMinute).toBe(5);
  });
});

describe("the kiosks' share of a daily contingent", () => {
  it('is the share of the daily limit, rounded down; no limit means no cap', () => {
    expect(anonymousLimit(service(80), 0.5)).toBe(40);
    expect(anonymousLimit(service(80), 0.33)).toBe(26);
    expect(anonymousLimit(service(80), 1)).toBe(80);
    expect(anonymousLimit(service(80), 7)).toBe(80);
    expect(anonymousLimit(service(80), -1)).toBe(0);
    expect(anonymousLimit(service(null), 0.5)).toBeNull();
  });

  it('is set per service, with a default for the others', () => {
    const rules = { anonymousShare: { naturalisation: 0.5 }, defaultAnonymousShare: 0.9 };
    expect(anonymousShareOf('naturalisation', rules)).toBe(0.5);
    expect(anonymousShareOf('residence', rules)).toBe(0.9);
  });

  it('closes the service for kiosks once kiosks drew their share, while the contingent is not yet used up', () => {
    const base = { service: service(80), now: T, timeZone: 'Europe/Berlin', holidays: [], issuedToday: 45, estimate: null };
    expect(issuingStatus({ ...base, anonymous: { issuedToday: 39, share: 0.5 } })).toMatchObject({ open: true });
    expect(issuingStatus({ ...base, anonymous: { issuedToday: 40, share: 0.5 } })).toEqual({ open: false, reason: 'daily_limit' });
    // Without the kiosks' figures (staff), only the contingent itself counts.
    expect(issuingStatus(base)).toMatchObject({ open: true });
  });
});
