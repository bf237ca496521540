import type { FeedbackDayStats } from '../../../common/dto.js';
import type { FeedbackRecord, FeedbackWriter } from '../store.js';
import type { Statements } from './statements.js';
import type { Row } from './rows.js';

function feedbackRecord(r: Row): FeedbackRecord {
  return {
    serviceId: String(r.service_id),
    counterId: r.counter_id === null ? null : String(r.counter_id),
    businessDate: String(r.business_date),
    language: String(r.language),
    grade: Number(r.grade),
    comment: r.comment === null ? null : String(r.comment),
    createdAt: Number(r.created_at),
  };
}

export class SqliteFeedback implements FeedbackWriter {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
  ) {}

  async day(businessDate: string): Promise<FeedbackRecord[]> {
    return this.sql
      .all(
        'SELECT * FROM feedback WHERE site_id = ? AND business_date = ? ORDER BY service_id, grade, language, created_at',
        this.siteId,
        businessDate,
      )
      .map(feedbackRecord);
  }
  async range(fromDate: string, toDate: string): Promise<FeedbackRecord[]> {
    return this.sql
      .all(
        'SELECT * FROM feedback WHERE site_id = ? AND business_date BETWEEN ? AND ? ORDER BY business_date, service_id, grade, language, created_at',
        this.siteId,
        fromDate,
        toDate,
      )
      .map(feedbackRecord);
  }
  async stats(fromDate: string, toDate: string): Promise<FeedbackDayStats[]> {
    return this.sql
      .all(
        'SELECT business_date, service_id, COUNT(*) AS n, AVG(grade) AS avg FROM feedback ' +
          'WHERE site_id = ? AND business_date BETWEEN ? AND ? GROUP BY business_date, service_id ORDER BY business_date, service_id',
        this.siteId,
        fromDate,
        toDate,
      )
      .map((r) => ({
        date: String(r.business_date),
        serviceId: String(r.service_id),
        count: Number(r.n),
        average: Math.round(Number(r.avg) * 100) / 100,
      }));
  }
  async insert(f: FeedbackRecord): Promise<void> {
    this.sql.run(
      'INSERT INTO feedback (site_id, service_id, counter_id, business_date, language, grade, comment, created_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      this.siteId,
      f.serviceId,
      f.counterId,
      f.businessDate,
      f.language,
      f.grade,
      f.comment,
      f.createdAt,
    );
  }
}
