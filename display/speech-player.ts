/** Longest announcement we wait for; a stuck audio element must not hold up the queue. */
export const SPEECH_MAX_MS = 30_000;

/**
 * Plays announcement WAVs through one audio element kept for the page's
 * lifetime (no element per call, so nothing accumulates over weeks).
 */
export class SpeechPlayer {
  private readonly audio = new Audio();

  constructor() {
    this.audio.preload = 'auto';
  }

  /** Resolves when the clip has ended; rejects when it cannot play (NotAllowedError when sound is blocked). */
  async play(blob: Blob): Promise<void> {
    const url = URL.createObjectURL(blob);
    try {
      this.audio.src = url;
      await this.audio.play();
      await this.ended();
    } finally {
      this.audio.pause();
      this.audio.removeAttribute('src');
      URL.revokeObjectURL(url);
    }
  }

  private ended(): Promise<void> {
    const audio = this.audio;
    return new Promise((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        audio.removeEventListener('ended', onEnded);
        audio.removeEventListener('error', onError);
        if (err) reject(err);
        else resolve();
      };
      const onEnded = () => done();
      const onError = () => done(new Error(`audio error ${audio.error?.code ?? ''}`.trim()));
      const timer = setTimeout(() => done(), SPEECH_MAX_MS);
      audio.addEventListener('ended', onEnded);
      audio.addEventListener('error', onError);
    });
  }

  dispose(): void {
    this.audio.pause();
    this.audio.removeAttribute('src');
  }
}
