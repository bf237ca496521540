/**
 * Display numbers: service prefix + sequence, zero-padded to three digits
 * (A001 … A999) and simply longer beyond that (A1000), so numbers never wrap
 * and a visitor can never hold the same number as someone earlier that day.
 *
 * The sequence is per (serviceId, businessDate) and lives in the store, which
 * increments it in the same transaction that inserts the ticket. Because the
 * counter is persisted (not held in memory) and keyed by the local business
 * date (not by a UTC day or a "last 24 h" window), a number is never reused
 * within a day: not after a server restart, and not on the 23 h / 25 h DST days.
 */
export function formatTicketNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) {
    throw new RangeError(`Ticket sequence must be a positive integer, got ${String(seq)}`);
  }
  return prefix + String(seq).padStart(3, '0');
}
