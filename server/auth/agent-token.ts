import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device tokens (print agents, kiosks): 256 random bits, shown once, stored
 * only as a SHA-256 hash. (A slow password hash buys nothing for a token
 * nobody chose.)
 */
export function newAgentToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function agentTokenMatches(token: unknown, storedHash: unknown): boolean {
  if (typeof token !== 'string' || typeof storedHash !== 'string' || token.length > 200) return false;
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/** The stored form of a token (hex SHA-256), e.g. of one given by KIOSK_TOKEN. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
