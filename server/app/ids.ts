import { randomFillSync, randomInt } from 'node:crypto';

/**
 * Random bytes for ids, taken from a pool filled by the CSPRNG 4 KiB at a
 * time: one system call per ~250 ids instead of one per id (issuing makes two).
 */
const pool = Buffer.alloc(4096);
let taken = pool.length;

function randomText(n: number, encoding: 'base64url' | 'hex'): string {
  if (taken + n > pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  taken += n;
  return pool.toString(encoding, taken - n, taken);
}

/** 128 random bits: a ticket id doubles as the bearer token of the visitor's phone page. */
export function newToken(): string {
  return randomText(16, 'base64url');
}

/**
 * A ticket's staff reference: what staff screens and commands name a ticket by, so
 * the visitor's token never reaches them. It opens nothing for the public; 48 bits
 * keep it unique per site (the store's unique index refuses a repeat).
 */
export function newTicketRef(): string {
  return `r${randomText(6, 'hex')}`;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomText(9, 'base64url')}`;
}

/** Without 0/O, 1/I/L, so a code read aloud or typed on a kiosk keypad is unambiguous. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newBookingCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Staff type codes in any case, with spaces or dashes; compare on one canonical form. */
export function normaliseBookingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}
