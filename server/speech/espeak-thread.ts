import type { MessagePort } from 'node:worker_threads';
import type { ESpeakModule, ESpeakNGWorker } from '@echogarden/espeak-ng-emscripten';
import type { ThreadReply, ThreadRequest } from './speech-protocol.js';

/**
 * The body of the speech thread. It runs in a worker_thread started with
 * `eval` from this function's source text, so it must not use anything from
 * the enclosing module (types aside) and gets the engine's loader and its
 * port passed in.
 * That keeps one code path for the compiled server and for tests that run
 * the TypeScript sources.
 */
export function espeakThreadMain(createModule: () => Promise<ESpeakModule>, parentPort: MessagePort): void {
  type Worker = ESpeakNGWorker;
  type Request = ThreadRequest;
  type Reply = ThreadReply;

  const ready: Promise<Worker> = createModule().then((module) => new module.eSpeakNGWorker());

  const useVoice = (worker: Worker, voice: string, rate: number): string | null => {
    // On failure eSpeak keeps the previous voice, which would read Arabic with a German voice.
    const code = worker.set_voice(voice);
    if (code !== 0) return `eSpeak NG has no voice "${voice}" (set_voice returned ${code})`;
    worker.set_rate(rate);
    return null;
  };

  const handle = (worker: Worker, req: Request): Reply => {
    if (req.kind === 'ipa') {
      const refused = useVoice(worker, req.voice, req.rate);
      if (refused) return { id: req.id, ok: false, speech: true, message: refused };
      const { code, ipa } = worker.synthesize_ipa(req.text);
      return code === 0 ? { id: req.id, ok: true, ipa, pcm: [], sampleRate: 0 } : { id: req.id, ok: false, speech: true, message: `transcription failed (${code})` };
    }
    const pcm: Int16Array[] = [];
    for (const segment of req.segments) {
      const refused = useVoice(worker, segment.voice, req.rate);
      if (refused) return { id: req.id, ok: false, speech: true, message: refused };
      const chunks: Int16Array[] = [];
      // The return value reaches eSpeak: anything but 0 (e.g. push()'s new length) aborts the synthesis.
      worker.synthesize(segment.ssml, (samples) => {
        chunks.push(samples);
      });
      const joined = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const c of chunks) {
        joined.set(c, offset);
        offset += c.length;
      }
      pcm.push(joined);
    }
    return { id: req.id, ok: true, ipa: '', pcm, sampleRate: worker.get_samplerate() };
  };

  parentPort.on('message', (req: Request) => {
    ready.then(
      (worker) => {
        let reply: Reply;
        try {
          reply = handle(worker, req);
        } catch (err) {
          reply = { id: req.id, ok: false, speech: false, message: String(err) };
        }
        parentPort.postMessage(reply, reply.ok ? reply.pcm.map((p) => p.buffer as ArrayBuffer) : []);
        // A WebAssembly trap can leave the module's memory inconsistent: end, and be started afresh.
        if (!reply.ok && !reply.speech) process.exit(1);
      },
      (err: unknown) => {
        parentPort.postMessage({ id: req.id, ok: false, speech: false, message: `eSpeak NG did not load: ${String(err)}` });
        process.exit(1);
      },
    );
  });
}
