import { describe, expect, it } from 'vitest';
import type { IssuedTicket, PublicService } from '../../common/dto.js';
import { ERROR_STATUS, type ErrorCode } from '../../common/errors.js';
import { KIOSK_CATALOGS } from '../../common/i18n/kiosk/index.js';
import { failureText, needsHelp } from '../../kiosk/logic/error-texts.js';
import { printState } from '../../kiosk/logic/print-state.js';
import { closedMessage, closedText, closingPassed, serviceName, servicesAt } from '../../kiosk/logic/services.js';

const service = (over: Partial<PublicService> = {}): PublicService => ({
  id: 'residence',
  prefix: 'A',
  names: { de: 'Aufenthaltstitel', ar: 'تصريح الإقامة' },
  icon: 'id-card',
  open: true,
  closedReason: null,
  waiting: 2,
  estimate: { low: 5, high: 15 },
  priorityEnabled: true,
  closesAt: 10_000,
  ...over,
});

describe('service status on the kiosk', () => {
  it('a service past its closing time shows as closed at once, before the server says so', () => {
    const list = [service(), service({ id: 'b', closesAt: null }), service({ id: 'c', closesAt: 20_000 })];
    expect(closingPassed(list, 9_999)).toBe(false);
    expect(servicesAt(list, 9_999)[0]).toBe(list[0]);
    expect(closingPassed(list, 10_000)).toBe(true);
    const later = servicesAt(list, 10_000);
    expect(later[0]).toMatchObject({ open: false, closedReason: 'outside_hours' });
    expect(later[1]).toBe(list[1]);
    expect(later[2]).toBe(list[2]);
  });

  it('names a service in the visitor’s language, else in German', () => {
    expect(serviceName(service(), 'ar')).toBe('تصريح الإقامة');
    expect(serviceName(service(), 'ti')).toBe('Aufenthaltstitel');
  });

  it('says why a service is closed: outside hours, holiday, or no more numbers today', () => {
    expect(closedText(service({ open: false, closedReason: 'outside_hours' }))).toBe('closedNow');
    expect(closedText(service({ open: false, closedReason: 'holiday' }))).toBe('closedHoliday');
    expect(closedText(service({ open: false, closedReason: 'daily_limit' }))).toBe('closedNoMoreTickets');
    expect(closedText(service({ open: false, closedReason: 'past_closing' }))).toBe('closedNoMoreTickets');
    expect(closedMessage(service({ open: false, closedReason: 'daily_limit' }))).toBe('errNoMoreTickets');
    expect(closedMessage(service({ open: false, closedReason: 'holiday' }))).toBe('errServiceClosed');
  });
});

describe('failures in the visitor’s language', () => {
  it('every check-in refusal has its own explanation', () => {
    expect(failureText('APPOINTMENT_NOT_FOUND')).toBe('errNotFound');
    expect(failureText('CHECKIN_TOO_EARLY')).toBe('errTooEarly');
    expect(failureText('ALREADY_CHECKED_IN')).toBe('errAlreadyCheckedIn');
    expect(failureText('APPOINTMENT_CANCELLED')).toBe('errCancelled');
    expect(failureText('APPOINTMENT_EXPIRED')).toBe('errExpired');
  });

  it('every error code, and no answer at all, maps to a text that exists', () => {
    for (const code of [...(Object.keys(ERROR_STATUS) as ErrorCode[]), 'NETWORK' as const]) {
      expect(KIOSK_CATALOGS.de[failureText(code)]).toBeTruthy();
    }
    expect(failureText('NETWORK')).toBe('errGeneric');
    expect(failureText('RATE_LIMITED')).toBe('errBusy');
  });

  it('points to the information desk only where a person can help', () => {
    expect(needsHelp('errNotFound')).toBe(true);
    expect(needsHelp('errCancelled')).toBe(true);
    expect(needsHelp('errBusy')).toBe(false);
    expect(needsHelp('errAlreadyCheckedIn')).toBe(false);
  });
});

describe('what the ticket screen says about paper', () => {
  const t = (print?: IssuedTicket['print']) => ({ print }) as IssuedTicket;
  it('printed or handed to the print agent: take it; failed: say so; no printer or no word: none', () => {
    expect(printState(t({ status: 'printed' }))).toBe('printed');
    expect(printState(t({ status: 'agent' }))).toBe('printed');
    expect(printState(t({ status: 'failed', reason: 'paper out' }))).toBe('failed');
    expect(printState(t({ status: 'none' }))).toBe('none');
    expect(printState(t())).toBe('none');
  });
});
