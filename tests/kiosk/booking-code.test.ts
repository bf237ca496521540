import { describe, expect, it } from 'vitest';
import { bookingCodeFromScan, CODE_ALPHABET, CODE_KEYS, isBookingCode, normaliseCode } from '../../kiosk/logic/booking-code.js';

describe('booking codes at the kiosk', () => {
  it('the keypad offers exactly the characters of the server’s code alphabet', async () => {
    expect([...CODE_KEYS].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
    // The server's alphabet, so codes it makes can always be typed.
    const { newBookingCode } = await import('../../server/app/ids.js');
    for (let i = 0; i < 200; i++) expect(isBookingCode(newBookingCode())).toBe(true);
  });

  it('normalises as the server does: upper case, no spaces or dashes', async () => {
    const { normaliseBookingCode } = await import('../../server/app/ids.js');
    for (const input of ['ab3-def', ' AB3 DEF ', 'ab3def']) expect(normaliseCode(input)).toBe(normaliseBookingCode(input));
  });

  it('reads a plain code from a scanner', () => {
    expect(bookingCodeFromScan('K7MPQ2')).toBe('K7MPQ2');
    expect(bookingCodeFromScan('k7m-pq2')).toBe('K7MPQ2');
  });

  it('reads the code out of a link in a QR code', () => {
    expect(bookingCodeFromScan('https://amt.example/termin?code=K7MPQ2&x=1')).toBe('K7MPQ2');
    expect(bookingCodeFromScan('https://amt.example/checkin/K7MPQ2')).toBe('K7MPQ2');
    expect(bookingCodeFromScan('https://amt.example/checkin/K7MPQ2/?utm=x')).toBe('K7MPQ2');
  });

  it('refuses what is not a booking code: a ticket link, look-alike characters, too short or too long', () => {
    expect(bookingCodeFromScan('http://localhost:3000/t/3nD0r1ZQaWv-xyz_12')).toBeNull();
    expect(bookingCodeFromScan('4006381333931')).toBeNull(); // a product barcode: contains 0 and 1
    expect(bookingCodeFromScan('ABO123')).toBeNull();
    expect(bookingCodeFromScan('AB2')).toBeNull();
    expect(bookingCodeFromScan('ABCDEFGHJKMNP')).toBeNull();
    expect(bookingCodeFromScan('')).toBeNull();
  });
});
