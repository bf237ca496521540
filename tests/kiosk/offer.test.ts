import { describe, expect, it } from 'vitest';
import type { PublicService } from '../../common/dto.js';
import { LANGUAGES } from '../../common/i18n/languages.js';
import { failureText } from '../../kiosk/logic/error-texts.js';
import { idleLimitMs, offeredLanguages, offeredServices, type OfferSettings } from '../../kiosk/logic/offer.js';
import { idleInAddress, parseKioskOptions } from '../../kiosk/logic/options.js';

/** #15: the kiosk shows what its device record offers, in the record's order, and resets after the record's idle time. */

const service = (id: string): PublicService => ({
  id,
  prefix: id.slice(0, 1).toUpperCase(),
  names: { de: id },
  icon: 'info',
  open: true,
  closedReason: null,
  waiting: 0,
  estimate: null,
  priorityEnabled: false,
  closesAt: null,
});
const all = ['residence', 'permit-pickup', 'naturalisation', 'information'].map(service);
const settings = (over: Partial<OfferSettings> = {}): OfferSettings => ({ serviceIds: null, languages: null, idleSeconds: 60, ...over });

describe('services offered at this kiosk', () => {
  it('null offers every service the server lists, in its order', () => {
    expect(offeredServices(all, settings()).map((s) => s.id)).toEqual(['residence', 'permit-pickup', 'naturalisation', 'information']);
  });

  it("a list offers only those, in the record's (kiosk) order; ids the server does not list (inactive, deleted) are left out", () => {
    const offered = offeredServices(all, settings({ serviceIds: ['information', 'gone', 'residence'] }));
    expect(offered.map((s) => s.id)).toEqual(['information', 'residence']);
    expect(offeredServices(all, settings({ serviceIds: [] }))).toEqual([]);
  });

  it('before the record is read the kiosk filters nothing (it shows no services then anyway)', () => {
    expect(offeredServices(all, null)).toHaveLength(4);
  });
});

describe('languages offered at this kiosk', () => {
  it('null offers all fourteen; a list offers only those, in the start screen’s usual order', () => {
    expect(offeredLanguages(settings())).toBe(LANGUAGES);
    expect(offeredLanguages(settings({ languages: ['tr', 'de', 'ar'] })).map((l) => l.code)).toEqual(['de', 'tr', 'ar']);
  });
});

describe('idle time', () => {
  it("the record's seconds, unless the address names ?idle= (a quick test); 45 s until the record is read", () => {
    const plain = parseKioskOptions('');
    expect(idleLimitMs(plain, idleInAddress(''), settings({ idleSeconds: 30 }))).toBe(30_000);
    expect(idleLimitMs(plain, idleInAddress(''), null)).toBe(45_000);
    const fast = parseKioskOptions('?idle=3');
    expect(idleLimitMs(fast, idleInAddress('?idle=3'), settings({ idleSeconds: 30 }))).toBe(3000);
    expect(idleInAddress('?idle=abc')).toBe(false);
  });
});

it('a draw refused because the kiosk no longer offers the service reads as closed to the visitor', () => {
  expect(failureText('SERVICE_NOT_OFFERED')).toBe('errServiceClosed');
});
