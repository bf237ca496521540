/** Messages between the server and its speech thread. */
export type ThreadRequest =
  | { id: number; kind: 'speak'; rate: number; segments: Array<{ voice: string; ssml: string }> }
  | { id: number; kind: 'ipa'; rate: number; voice: string; text: string };

export type ThreadReply =
  | { id: number; ok: true; pcm: Int16Array[]; sampleRate: number; ipa: string }
  /** `speech`: eSpeak refused (unknown voice…) and the thread is fine; otherwise it ends itself. */
  | { id: number; ok: false; speech: boolean; message: string };
