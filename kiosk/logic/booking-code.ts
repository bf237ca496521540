/**
 * Booking codes as the server makes them: capitals and digits without the
 * look-alikes 0/O, 1/I/L, so the on-screen keypad offers only these keys.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_KEYS: readonly string[] = [...'23456789', ...'ABCDEFGHJKMNPQRSTUVWXYZ'];
/** Codes are 6 long today; the keypad accepts a few more in case an office sets longer ones. */
export const CODE_SLOTS = 6;
export const CODE_MIN_LENGTH = 4;
export const CODE_MAX_LENGTH = 12;

const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_MIN_LENGTH},${CODE_MAX_LENGTH}}$`);

/** The server's canonical form: upper case, no spaces or dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

export function isBookingCode(code: string): boolean {
  return CODE.test(code);
}

/**
 * What a QR/barcode scanner typed, as a booking code: the plain code, or a
 * link that carries it (`…?code=AB3DEF`, `…/checkin/AB3DEF`). Null when the
 * scan holds no code (a ticket's own QR code, a product barcode, …).
 */
export function bookingCodeFromScan(text: string): string | null {
  const trimmed = text.trim();
  let candidate = trimmed;
  const param = /[?&#]code=([^&#\s]+)/i.exec(trimmed);
  if (param?.[1]) candidate = safeDecode(param[1]);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) candidate = trimmed.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? '';
  const code = normaliseCode(candidate);
  return isBookingCode(code) ? code : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
