import { AppError } from '../../common/errors.js';
import type { Appointment, Ticket } from '../../common/model.js';
import type { VisitorData } from '../../common/privacy-schemas.js';
import { retentionSettings, type RetentionSettings } from '../domain/settings.js';
import { addDays, businessDate } from '../domain/time.js';
import type { SiteReader } from '../store/store.js';
import { normaliseBookingCode } from './ids.js';
import type { Office } from './office.js';

/**
 * #17 a visitor's right of access: everything the office stores about a ticket (its token) or an
 * appointment (its booking code), and the early deletion of an appointment's contact data.
 * The token or code is the only key: an unknown one is 404, whoever asks. Unlike the phone
 * page, this works after the ticket's office day, for as long as anything is kept.
 */

function ticketData(t: Ticket, answered: boolean, r: RetentionSettings): NonNullable<VisitorData['ticket']> {
  return {
    number: t.number,
    serviceId: t.serviceId,
    businessDate: t.businessDate,
    language: t.language,
    status: t.status,
    channel: t.channel,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    finishedAt: t.finishedAt,
    notes: t.notes,
    notesKeptUntil: addDays(t.businessDate, r.notesDays),
    feedbackGiven: answered,
  };
}

function appointmentData(a: Appointment, timeZone: string, r: RetentionSettings): NonNullable<VisitorData['appointment']> {
  return {
    code: a.code,
    serviceId: a.serviceId,
    startsAt: new Date(a.startsAt).toISOString(),
    language: a.language,
    status: a.status,
    contact: a.contact ?? null,
    contactKeptUntil: addDays(businessDate(a.startsAt, timeZone), r.appointmentContactDays),
  };
}

async function dataOf(r: SiteReader, ticket: Ticket | null, appt: Appointment | null): Promise<VisitorData> {
  const settings = await r.catalog.settings();
  const retention = retentionSettings(settings);
  return {
    ticket: ticket ? ticketData(ticket, await r.tickets.answered(ticket.id), retention) : null,
    appointment: appt ? appointmentData(appt, settings.timeZone, retention) : null,
  };
}

export function ticketDataOf(office: Office, ticketId: string): Promise<VisitorData> {
  return office.store.read(office.siteId, async (r) => {
    const t = await r.tickets.get(ticketId);
    if (!t) throw new AppError('TICKET_NOT_FOUND');
    return dataOf(r, t, t.appointmentId ? await r.appointments.get(t.appointmentId) : null);
  });
}

export function appointmentDataOf(office: Office, code: string): Promise<VisitorData> {
  return office.store.read(office.siteId, async (r) => {
    const a = await r.appointments.byCode(normaliseBookingCode(code));
    if (!a) throw new AppError('APPOINTMENT_NOT_FOUND');
    return dataOf(r, a.ticketId ? await r.tickets.get(a.ticketId) : null, a);
  });
}

/** Deletes the contact data of the appointment behind a ticket (`ticketId`) or a booking code, at once; answers what is left. */
export async function deleteContact(office: Office, by: { ticketId: string } | { code: string }): Promise<VisitorData> {
  await office.command(async (tx) => {
    let appt: Appointment | null;
    if ('ticketId' in by) {
      const t = await tx.tickets.get(by.ticketId);
      if (!t) throw new AppError('TICKET_NOT_FOUND');
      appt = t.appointmentId ? await tx.appointments.get(t.appointmentId) : null;
    } else {
      appt = await tx.appointments.byCode(normaliseBookingCode(by.code));
      if (!appt) throw new AppError('APPOINTMENT_NOT_FOUND');
    }
    if (appt && (appt.contact ?? null) !== null) await tx.appointments.put({ ...appt, contact: null });
    return { result: null, events: [] };
  });
  return 'ticketId' in by ? ticketDataOf(office, by.ticketId) : appointmentDataOf(office, by.code);
}
