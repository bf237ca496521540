import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VisitorLanguage } from '../../common/i18n/languages.js';
import { espeakThreadMain } from './espeak-thread.js';
import type { ThreadReply, ThreadRequest } from './speech-protocol.js';
import { ssmlDocument } from './ssml.js';

/** eSpeak NG voice of each visitor language (all present in 0.3.5, Tigrinya included). */
export const VOICES: Record<VisitorLanguage, string> = {
  de: 'de',
  en: 'en',
  tr: 'tr',
  ar: 'ar',
  fa: 'fa',
  ku: 'ku',
  ru: 'ru',
  uk: 'uk',
  pl: 'pl',
  ro: 'ro',
  bg: 'bg',
  sq: 'sq',
  fr: 'fr',
  ti: 'ti',
};

/** A little slower than eSpeak's 175: a waiting room echoes, and many listeners are not native speakers. */
export const SPEECH_RATE_WPM = 150;
export const PAUSE_BETWEEN_LANGUAGES_MS = 700;
/** Some audio sinks clip the first milliseconds after waking up. */
export const LEAD_IN_MS = 150;
export const TRAIL_MS = 200;
/** The first sentence in a voice loads its dictionary (Arabic: most of a second); anything far longer is a hang. */
export const SYNTHESIS_TIMEOUT_MS = 20_000;

export class SpeechError extends Error {
  override name = 'SpeechError';
}

export interface SpeechSegment {
  lang: VisitorLanguage;
  /** Plain text; it is escaped into SSML here. */
  text: string;
}

export interface Pcm {
  samples: Int16Array;
  sampleRate: number;
}

interface Pending {
  resolve(reply: ThreadReply & { ok: true }): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * eSpeak NG compiled to WebAssembly: no apt step, no network, the same voice
 * on every screen. It runs in one long-lived worker thread, so a sentence
 * (tens of ms; the first in a voice up to a second) never stalls the event
 * loop that serves counters and sockets. Requests queue in the thread and are
 * synthesised one at a time. A thread that crashes or hangs is replaced on
 * the next request.
 */
export class SpeechEngine {
  private thread: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly voices: Readonly<Record<VisitorLanguage, string>> = VOICES) {}

  /** The segments one after another, each in its own voice, with a pause between languages. */
  async synthesize(segments: readonly SpeechSegment[]): Promise<Pcm> {
    if (segments.length === 0) throw new SpeechError('nothing to say');
    const reply = await this.request({
      kind: 'speak',
      rate: SPEECH_RATE_WPM,
      segments: segments.map((s) => ({ voice: this.voices[s.lang], ssml: ssmlDocument(s.text) })),
    });
    const silence = (ms: number) => new Int16Array(Math.round((reply.sampleRate * ms) / 1000));
    const parts: Int16Array[] = [silence(LEAD_IN_MS)];
    for (const [i, pcm] of reply.pcm.entries()) {
      if (pcm.length === 0) throw new SpeechError(`eSpeak NG produced no audio for ${segments[i]?.lang}`);
      if (i > 0) parts.push(silence(PAUSE_BETWEEN_LANGUAGES_MS));
      parts.push(pcm);
    }
    parts.push(silence(TRAIL_MS));
    return { samples: concat(parts), sampleRate: reply.sampleRate };
  }

  /** The phonemes eSpeak would speak; a voice switch shows as "(en)". */
  async ipa(lang: VisitorLanguage, text: string): Promise<string> {
    const reply = await this.request({ kind: 'ipa', rate: SPEECH_RATE_WPM, voice: this.voices[lang], text });
    return reply.ipa.trim();
  }

  /** Starts the thread and loads the engine ahead of the first call. */
  async warmUp(): Promise<void> {
    await this.synthesize([{ lang: 'de', text: 'Test' }]);
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    this.failAll(new SpeechError('speech engine closed'));
    await thread?.terminate();
  }

  private request(body: DistributiveOmit<ThreadRequest, 'id'>): Promise<ThreadReply & { ok: true }> {
    const thread = this.ensureThread();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // A hung synthesis blocks every later one: replace the thread.
        this.failAll(new SpeechError(`speech synthesis took longer than ${SYNTHESIS_TIMEOUT_MS} ms`));
        if (this.thread === thread) this.thread = null;
        void thread.terminate();
      }, SYNTHESIS_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      thread.postMessage({ ...body, id } satisfies ThreadRequest);
    });
  }

  private ensureThread(): Worker {
    if (this.thread) return this.thread;
    const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten')).href;
    // The import stays in this string: a bundler or test runner rewrites import() in compiled code.
    const source = `Promise.all([import('node:worker_threads'), import(${JSON.stringify(moduleUrl)})]).then(([threads, engine]) =>
      (${espeakThreadMain.toString()})(engine.default, threads.parentPort));`;
    const thread = new Worker(source, { eval: true });
    thread.on('message', (reply: ThreadReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply);
      else p.reject(new SpeechError(reply.message));
    });
    const lost = (why: string) => {
      if (this.thread !== thread) return;
      this.thread = null;
      this.failAll(new SpeechError(why));
    };
    thread.on('error', (err) => lost(`speech thread failed: ${err.message}`));
    thread.on('exit', (code) => lost(`speech thread exited with code ${code}`));
    // Idle speech must never keep the process from exiting (after the listeners: adding one re-refs).
    thread.unref();
    this.thread = thread;
    return thread;
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function concat(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

let shared: SpeechEngine | null = null;

/** The process's one engine: apps created again (tests, restarts) reuse its thread and loaded voices. */
export function sharedSpeechEngine(): SpeechEngine {
  shared ??= new SpeechEngine();
  return shared;
}
