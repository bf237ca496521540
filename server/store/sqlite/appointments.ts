import type { Appointment } from '../../../common/model.js';
import type { AppointmentWriter } from '../store.js';
import * as rows from './rows.js';
import type { Statements } from './statements.js';

export class SqliteAppointments implements AppointmentWriter {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
  ) {}

  async get(id: string): Promise<Appointment | null> {
    const r = this.sql.get('SELECT * FROM appointments WHERE id = ? AND site_id = ?', id, this.siteId);
    return r ? rows.appointmentFromRow(r) : null;
  }
  async byCode(code: string): Promise<Appointment | null> {
    const r = this.sql.get('SELECT * FROM appointments WHERE code = ? AND site_id = ?', code, this.siteId);
    return r ? rows.appointmentFromRow(r) : null;
  }
  async put(a: Appointment): Promise<void> {
    this.sql.upsertOfSite('appointments', { ...rows.appointmentToRow(a), site_id: this.siteId });
  }
}
