import { announcementText, type CallToSpeak } from '../../common/i18n/announce/compose.js';
import type { VisitorLanguage } from '../../common/i18n/languages.js';
import { ByteLru } from './byte-lru.js';
import { sharedSpeechEngine, type SpeechEngine } from './engine.js';
import { FairSynthesis } from './fair-synthesis.js';
import { encodeWav } from './wav.js';

/** About a hundred two-language announcements (a few hundred KB each). */
export const ANNOUNCEMENT_CACHE_BYTES = 32 * 1024 * 1024;
export const ANNOUNCEMENT_CACHE_ENTRIES = 500;

/**
 * Turns a call into a WAV: the texts come from the announcement catalogs, one
 * sentence per language. Every screen asks for the same call at about the
 * same moment, so results are cached by their text and concurrent requests
 * share one synthesis. What is not cached is made one at a time per client
 * address, that client's newest call first (FairSynthesis).
 */
export class Announcer {
  private readonly queue = new FairSynthesis<Buffer>();

  constructor(
    private readonly engine: SpeechEngine = sharedSpeechEngine(),
    readonly cache = new ByteLru(ANNOUNCEMENT_CACHE_BYTES, ANNOUNCEMENT_CACHE_ENTRIES),
  ) {}

  /** Requests so far (cached or not). */
  asked = 0;

  /** `client` is the asking client's address; `call.at`, when given, orders that client's requests (newest first). */
  wav(call: CallToSpeak & { at?: number }, languages: readonly VisitorLanguage[], client = ''): Promise<Buffer> {
    this.asked += 1;
    const segments = languages.map((lang) => ({ lang, text: announcementText(lang, call) }));
    const key = JSON.stringify(segments);
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    return this.queue.request(client, key, call.at ?? 0, async () => {
      const { samples, sampleRate } = await this.engine.synthesize(segments);
      const wav = encodeWav(samples, sampleRate);
      this.cache.set(key, wav);
      return wav;
    });
  }
}

let shared: Announcer | null = null;

export function sharedAnnouncer(): Announcer {
  shared ??= new Announcer();
  return shared;
}
