import { announcementText, spokenLanguages } from '../common/i18n/announce/compose.js';
import { AnnouncementQueue, type Announcement } from './announcement-queue.js';
import type { BoardCall } from './board.js';
import { canSpeakInBrowser, speakInBrowser } from './browser-voice.js';
import { playChime } from './chime.js';
import type { DisplaySettings } from './settings.js';
import { SPEECH_MAX_MS, SpeechPlayer } from './speech-player.js';

declare global {
  interface Window {
    /** The announcement log, newest last: what was queued, played, skipped or failed. */
    __announcements?: Announcement[];
  }
}

/** How long a blocked audio context gets to start by itself before the screen asks for a tap. */
const AUTOPLAY_PROBE_MS = 500;

export interface CallAnnouncerOptions {
  settings: DisplaySettings;
  /** Called when the browser blocks sound until someone taps the screen, and when that is over. */
  onBlocked(blocked: boolean): void;
}

/**
 * Announces live calls: chime, then German, then the visitor's language,
 * strictly one after another. WAVs are fetched when the call arrives, so the
 * server synthesises while the chime plays.
 */
export class CallAnnouncer {
  readonly queue = new AnnouncementQueue();
  private readonly ctx: AudioContext | null;
  private readonly player: SpeechPlayer | null;
  private readonly prefetched = new Map<number, Promise<Blob>>();
  private running = false;
  private blocked = false;
  private release: (() => void) | null = null;
  private disposed = false;

  constructor(private readonly o: CallAnnouncerOptions) {
    const silent = o.settings.sound === 'off';
    this.ctx = silent ? null : new AudioContext();
    this.player = o.settings.sound === 'speech' ? new SpeechPlayer() : null;
    window.__announcements = this.queue.log;
    if (this.ctx) void this.probeAutoplay(this.ctx);
  }

  announce(call: BoardCall): void {
    if (this.disposed || this.o.settings.sound === 'off') return;
    const entry = this.queue.enqueue(call, spokenLanguages(call.language, this.o.settings.announce), Date.now());
    if (this.player && !this.prefersBrowserVoice(entry)) this.prefetch(entry);
    this.forgetSkipped();
    void this.pump();
  }

  /** A tap on the screen: the browser now allows sound. */
  enableSound(): void {
    void this.ctx?.resume();
    this.setBlocked(false);
  }

  dispose(): void {
    this.disposed = true;
    this.player?.dispose();
    void this.ctx?.close();
    this.prefetched.clear();
    this.release?.();
  }

  private async probeAutoplay(ctx: AudioContext): Promise<void> {
    if (ctx.state === 'running') return;
    // Without a user gesture (or the kiosk flag) resume() never settles.
    await Promise.race([ctx.resume(), new Promise((r) => setTimeout(r, AUTOPLAY_PROBE_MS))]);
    if ((ctx.state as AudioContextState) !== 'running') this.setBlocked(true);
    ctx.addEventListener('statechange', () => {
      if (ctx.state === 'running') this.setBlocked(false);
    });
  }

  private setBlocked(blocked: boolean): void {
    if (this.blocked === blocked) return;
    this.blocked = blocked;
    this.o.onBlocked(blocked);
    if (!blocked) {
      this.release?.();
      this.release = null;
    }
  }

  private untilUnblocked(): Promise<void> {
    return this.blocked ? new Promise((resolve) => (this.release = resolve)) : Promise.resolve();
  }

  private prefersBrowserVoice(entry: Announcement): boolean {
    return this.o.settings.voice === 'browser' && canSpeakInBrowser(entry.languages);
  }

  private prefetch(entry: Announcement): void {
    const lang = entry.languages.find((l) => l !== 'de');
    const query = new URLSearchParams({ at: String(entry.at), ...(lang ? { lang } : {}) });
    const job = fetch(`/api/announcements/${encodeURIComponent(entry.number)}.wav?${query}`).then(async (res) => {
      if (!res.ok) throw new Error(`announcement ${res.status}`);
      return res.blob();
    });
    job.catch(() => undefined); // reported when it is played
    this.prefetched.set(entry.id, job);
  }

  /** Drops fetched WAVs of announcements that were skipped (too late, too many at once). */
  private forgetSkipped(): void {
    const live = new Set(this.queue.log.filter((a) => a.state === 'queued' || a.state === 'playing').map((a) => a.id));
    for (const id of this.prefetched.keys()) if (!live.has(id)) this.prefetched.delete(id);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        await this.untilUnblocked();
        if (this.disposed) return;
        const entry = this.queue.next(Date.now());
        this.forgetSkipped();
        if (!entry) return;
        try {
          await this.play(entry);
          this.queue.finish(entry, 'done', Date.now());
        } catch (err) {
          this.queue.finish(entry, 'failed', Date.now(), err instanceof Error ? err.message : String(err));
        } finally {
          this.prefetched.delete(entry.id);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async play(entry: Announcement): Promise<void> {
    if (this.ctx) await playChime(this.ctx);
    if (!this.player) return;
    if (this.prefersBrowserVoice(entry)) {
      for (const lang of entry.languages) await speakInBrowser(lang, announcementText(lang, entry), SPEECH_MAX_MS);
      return;
    }
    const wav = await (this.prefetched.get(entry.id) ?? Promise.reject(new Error('not fetched')));
    try {
      await this.player.play(wav);
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'NotAllowedError')) throw err;
      // Sound got blocked after all: ask for a tap, then say it (unless it has become stale meanwhile).
      this.setBlocked(true);
      await this.untilUnblocked();
      await this.player.play(wav);
    }
  }
}
