import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../common/dto.js';
import { INITIAL_STATE, isPristine, reduce, type KioskAction, type KioskState } from '../../kiosk/logic/kiosk-state.js';

const ticket: IssuedTicket = {
  id: 't1',
  number: 'A001',
  serviceId: 'residence',
  language: 'ar',
  status: 'waiting',
  position: 1,
  estimate: null,
  issuedAt: 0,
  appointmentAt: null,
  calledAt: null,
  counterName: null,
  transferredFrom: null,
  nextServiceIds: [],
  statusUrl: 'http://localhost/t/t1',
  expiresAt: 1,
};

const run = (...actions: KioskAction[]): KioskState => actions.reduce(reduce, INITIAL_STATE);

describe('the kiosk session reducer', () => {
  it('starts on the language screen, in German, with nothing to reset', () => {
    expect(INITIAL_STATE).toMatchObject({ screen: 'language', lang: 'de', contrast: false, priority: false });
    expect(isPristine(INITIAL_STATE)).toBe(true);
  });

  it('choosing a language opens the services in that language; back returns to the languages', () => {
    const s = run({ type: 'choose-language', lang: 'ar' });
    expect(s).toMatchObject({ screen: 'services', lang: 'ar' });
    expect(isPristine(s)).toBe(false);
    expect(reduce(s, { type: 'back' })).toMatchObject({ screen: 'language', lang: 'ar' });
    // Back on the language screen goes nowhere: it is the start.
    const start = reduce(s, { type: 'back' });
    expect(reduce(start, { type: 'back' })).toBe(start);
  });

  it('a language other than German is not pristine even on the start screen, so the idle timeout resets it', () => {
    const s = run({ type: 'choose-language', lang: 'fa' }, { type: 'show-languages' });
    expect(s.screen).toBe('language');
    expect(isPristine(s)).toBe(false);
    expect(isPristine(run({ type: 'toggle-contrast' }))).toBe(false);
  });

  it('types only booking-code characters on the check-in screen, up to the maximum, and deletes', () => {
    let s = run({ type: 'choose-language', lang: 'de' }, { type: 'open-checkin' });
    for (const char of ['A', 'B', '0', 'O', '1', 'I', 'l', '2']) s = reduce(s, { type: 'key', char });
    expect(s.code).toBe('AB2');
    s = reduce(s, { type: 'delete' });
    expect(s.code).toBe('AB');
    for (let i = 0; i < 20; i++) s = reduce(s, { type: 'key', char: 'Z' });
    expect(s.code).toHaveLength(12);
    // Keys outside the check-in screen do nothing.
    expect(reduce(INITIAL_STATE, { type: 'key', char: 'A' })).toBe(INITIAL_STATE);
  });

  it('back from the check-in screen clears the code and returns to the services', () => {
    const s = run({ type: 'choose-language', lang: 'de' }, { type: 'open-checkin' }, { type: 'key', char: 'A' }, { type: 'back' });
    expect(s).toMatchObject({ screen: 'services', code: '' });
  });

  it('while a request runs, taps change nothing; only its answer (or a reset) does', () => {
    const pending = run({ type: 'choose-language', lang: 'de' }, { type: 'request', kind: 'ticket' });
    expect(pending.pending).toBe('ticket');
    for (const a of [
      { type: 'request', kind: 'ticket' },
      { type: 'back' },
      { type: 'show-languages' },
      { type: 'open-checkin' },
      { type: 'toggle-priority' },
      { type: 'scanned', code: 'ABCDEF' },
    ] as KioskAction[]) {
      expect(reduce(pending, a)).toBe(pending);
    }
    const done = reduce(pending, { type: 'issued', issued: { ticket, kind: 'walk-in', priority: false, service: null, next: [] } });
    expect(done).toMatchObject({ screen: 'ticket', pending: null, issued: { ticket } });
    const failed = reduce(pending, { type: 'failed', message: 'errServiceClosed' });
    expect(failed).toMatchObject({ screen: 'services', pending: null, message: 'errServiceClosed' });
  });

  it('a scan opens the check-in with the code, from any screen, even the ticket screen', () => {
    const onTicket = run(
      { type: 'choose-language', lang: 'uk' },
      { type: 'request', kind: 'ticket' },
      { type: 'issued', issued: { ticket, kind: 'walk-in', priority: false, service: null, next: [] } },
    );
    expect(reduce(onTicket, { type: 'scanned', code: 'ABCDEF' })).toMatchObject({ screen: 'checkin', code: 'ABCDEF', lang: 'uk', issued: null });
    expect(reduce(INITIAL_STATE, { type: 'scanned', code: 'ABCDEF' })).toMatchObject({ screen: 'checkin', lang: 'de' });
  });

  it('a message goes away with the next key, a dismiss or a new screen', () => {
    const s = run({ type: 'choose-language', lang: 'de' }, { type: 'open-checkin' }, { type: 'notice', message: 'errNotFound' });
    expect(s.message).toBe('errNotFound');
    expect(reduce(s, { type: 'key', char: 'A' }).message).toBeNull();
    expect(reduce(s, { type: 'dismiss' }).message).toBeNull();
    expect(reduce(s, { type: 'back' }).message).toBeNull();
  });

  it('reset forgets everything: language, contrast, priority, code, ticket', () => {
    const s = run(
      { type: 'toggle-contrast' },
      { type: 'choose-language', lang: 'ti' },
      { type: 'toggle-priority' },
      { type: 'request', kind: 'ticket' },
      { type: 'issued', issued: { ticket, kind: 'walk-in', priority: true, service: null, next: [] } },
      { type: 'reset' },
    );
    expect(s).toEqual(INITIAL_STATE);
  });
});
