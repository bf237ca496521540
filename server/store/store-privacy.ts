/**
 * #17 data protection: the actor keys (server/app/actors.ts) and what the purge
 * (server/app/purge.ts) removes. Counts tell the dry run what would go; each
 * removal takes at most `limit` items, so the purge runs in small units of work.
 * Nothing here touches the event log or the statistics facts.
 */
export interface ActorKeyRecord {
  key: string;
  userId: string;
  /** The office's calendar month the key is for, `YYYY-MM`. */
  period: string;
  createdAt: number;
}

export interface PrivacyReader {
  /** The site's key for a user and period, if one was made (and not yet purged). */
  actorKeyOf(userId: string, period: string): Promise<ActorKeyRecord | null>;
  /** The keys of these (kept keys only; purged or unknown keys are absent). */
  actorKeys(keys: readonly string[]): Promise<ActorKeyRecord[]>;
  /** Every kept key of one user, oldest period first. */
  actorKeysOfUser(userId: string): Promise<ActorKeyRecord[]>;
  /** Tickets of office days before `beforeDate` that still hold notes. */
  notesDue(beforeDate: string): Promise<number>;
  /** Feedback answers of office days before `beforeDate` that still hold a comment. */
  feedbackCommentsDue(beforeDate: string): Promise<number>;
  /** Appointments starting before `beforeAt` that still hold contact data. */
  appointmentContactsDue(beforeAt: number): Promise<number>;
  /** Actor keys of periods before `beforePeriod` (`YYYY-MM`). */
  actorKeysDue(beforePeriod: string): Promise<number>;
}

export interface PrivacyWriter extends PrivacyReader {
  putActorKey(k: ActorKeyRecord): Promise<void>;
  clearNotes(beforeDate: string, limit: number): Promise<number>;
  clearFeedbackComments(beforeDate: string, limit: number): Promise<number>;
  clearAppointmentContacts(beforeAt: number, limit: number): Promise<number>;
  deleteActorKeys(beforePeriod: string, limit: number): Promise<number>;
}
