// The package ships no types: only the part of its embind API we call.
declare module '@echogarden/espeak-ng-emscripten' {
  export interface ESpeakVoiceInfo {
    name: string;
    identifier: string;
    languages: Array<{ priority: number; name: string }>;
  }

  export interface ESpeakNGWorker {
    /** 0 on success; non-zero leaves the previous voice active. */
    set_voice(name: string): number;
    set_rate(wordsPerMinute: number): void;
    get_samplerate(): number;
    list_voices(): ESpeakVoiceInfo[];
    /** Input is SSML. The callback receives Int16 PCM chunks at get_samplerate(); returning non-zero aborts. */
    synthesize(ssml: string, callback: (samples: Int16Array, events: unknown[]) => void): void;
    synthesize_ipa(text: string): { code: number; ipa: string };
    delete(): void;
  }

  export interface ESpeakModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
  }

  const createModule: (options?: Record<string, unknown>) => Promise<ESpeakModule>;
  export default createModule;
}
