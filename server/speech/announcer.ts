import { announcementText, type CallToSpeak } from '../../common/i18n/announce/compose.js';
import type { VisitorLanguage } from '../../common/i18n/languages.js';
import { ByteLru } from './byte-lru.js';
import { sharedSpeechEngine, type SpeechEngine } from './engine.js';
import { encodeWav } from './wav.js';

/** About a hundred two-language announcements (a few hundred KB each). */
export const ANNOUNCEMENT_CACHE_BYTES = 32 * 1024 * 1024;
export const ANNOUNCEMENT_CACHE_ENTRIES = 500;

/**
 * Turns a call into a WAV: the texts come from the announcement catalogs, one
 * sentence per language. Every screen asks for the same call at about the
 * same moment, so results are cached by their text and concurrent requests
 * share one synthesis.
 */
export class Announcer {
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly engine: SpeechEngine = sharedSpeechEngine(),
    readonly cache = new ByteLru(ANNOUNCEMENT_CACHE_BYTES, ANNOUNCEMENT_CACHE_ENTRIES),
  ) {}

  wav(call: CallToSpeak, languages: readonly VisitorLanguage[]): Promise<Buffer> {
    const segments = languages.map((lang) => ({ lang, text: announcementText(lang, call) }));
    const key = JSON.stringify(segments);
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    let job = this.pending.get(key);
    if (!job) {
      job = this.engine
        .synthesize(segments)
        .then(({ samples, sampleRate }) => {
          const wav = encodeWav(samples, sampleRate);
          this.cache.set(key, wav);
          return wav;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, job);
    }
    return job;
  }
}

let shared: Announcer | null = null;

export function sharedAnnouncer(): Announcer {
  shared ??= new Announcer();
  return shared;
}
