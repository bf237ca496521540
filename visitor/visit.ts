/**
 * A visit of several services (#17): the phone page says which services
 * still come after the current one ("next: …"), in the visitor's language.
 */

const OPEN = new Set(['waiting', 'called', 'serving']);

/** The services still to come while the visit is open; none once it has ended (or from a server that sends none). */
export function laterServiceIds(ticket: { status: string; nextServiceIds?: readonly string[] | undefined }): readonly string[] {
  return OPEN.has(ticket.status) ? (ticket.nextServiceIds ?? []) : [];
}

/** Names as a list in the language's own way ("A, B" / "A، B"); the order is the visit's. */
export function serviceList(names: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { style: 'short', type: 'unit' }).format(names);
  } catch {
    return names.join(', ');
  }
}
