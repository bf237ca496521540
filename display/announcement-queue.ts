import type { VisitorLanguage } from '../common/i18n/languages.js';
import type { BoardCall } from './board.js';

export type AnnouncementState = 'queued' | 'playing' | 'done' | 'skipped' | 'failed';

/** One announcement as the page logs it (exposed as `window.__announcements` for tests and support). */
export interface Announcement {
  id: number;
  number: string;
  counterName: string;
  recall: boolean;
  /** The call's instant (server clock), which identifies it to the WAV endpoint. */
  at: number;
  languages: VisitorLanguage[];
  state: AnnouncementState;
  queuedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  note: string | null;
}

/** A burst beyond this (a dozen counters calling at once) drops the oldest waiting announcements. */
export const QUEUE_MAX = 12;
/** An announcement that could not start within this time is skipped: the number is on the screen, and late speech misleads. */
export const STALE_AFTER_MS = 120_000;
/** Finished entries kept in the log; the log never grows beyond this plus what is waiting. */
export const LOG_MAX = 40;

/**
 * The order of announcements: first in, first out, one at a time, never
 * overlapping. Pure bookkeeping (time is an input); playing the sound is the
 * caller's job.
 */
export class AnnouncementQueue {
  readonly log: Announcement[] = [];
  private nextId = 1;

  get waiting(): Announcement[] {
    return this.log.filter((a) => a.state === 'queued');
  }

  get current(): Announcement | null {
    return this.log.find((a) => a.state === 'playing') ?? null;
  }

  enqueue(call: BoardCall, languages: VisitorLanguage[], now: number): Announcement {
    const entry: Announcement = {
      id: this.nextId++,
      number: call.number,
      counterName: call.counterName,
      recall: call.recall,
      at: call.at,
      languages,
      state: 'queued',
      queuedAt: now,
      startedAt: null,
      endedAt: null,
      note: null,
    };
    this.log.push(entry);
    const waiting = this.waiting;
    for (const old of waiting.slice(0, Math.max(0, waiting.length - QUEUE_MAX))) this.end(old, 'skipped', now, 'too many calls at once');
    this.trim();
    return entry;
  }

  /** The next announcement to play, now marked playing; null while one plays or none waits. */
  next(now: number): Announcement | null {
    if (this.current) return null;
    for (const entry of this.waiting) {
      if (now - entry.queuedAt > STALE_AFTER_MS) {
        this.end(entry, 'skipped', now, 'too late');
        continue;
      }
      entry.state = 'playing';
      entry.startedAt = now;
      return entry;
    }
    return null;
  }

  finish(entry: Announcement, state: 'done' | 'failed', now: number, note: string | null = null): void {
    if (entry.state !== 'playing') return;
    this.end(entry, state, now, note);
    this.trim();
  }

  private end(entry: Announcement, state: AnnouncementState, now: number, note: string | null): void {
    entry.state = state;
    entry.endedAt = now;
    entry.note = note;
  }

  private trim(): void {
    while (this.log.length > LOG_MAX) {
      const i = this.log.findIndex((a) => a.state !== 'queued' && a.state !== 'playing');
      if (i < 0) return;
      this.log.splice(i, 1);
    }
  }
}
