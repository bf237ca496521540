/**
 * The call chime, synthesised with Web Audio: three rising bell-like tones
 * (C5, E5, G5), the familiar "attention" signal of German offices. No audio
 * file to ship or to fail loading.
 */
export const CHIME_MS = 1600;

const NOTES = [523.25, 659.25, 783.99];
const NOTE_GAP_S = 0.32;
const NOTE_DECAY_S = 1.1;
const PEAK_GAIN = 0.35;

function bell(ctx: AudioContext, frequency: number, start: number): void {
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, start + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + NOTE_DECAY_S);
  gain.connect(ctx.destination);
  // A quiet octave overtone makes a sine sound like a bell rather than a test tone.
  for (const [multiple, level] of [
    [1, 1],
    [2, 0.25],
  ] as const) {
    const osc = ctx.createOscillator();
    const partial = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency * multiple;
    partial.gain.value = level;
    osc.connect(partial).connect(gain);
    osc.start(start);
    osc.stop(start + NOTE_DECAY_S + 0.05);
    osc.onended = () => {
      osc.disconnect();
      partial.disconnect();
    };
  }
  setTimeout(() => gain.disconnect(), (NOTE_DECAY_S + 0.5) * 1000 + (start - ctx.currentTime) * 1000);
}

/** Plays the chime and resolves when it has faded (by the wall clock, so a stalled audio device cannot hang the queue). */
export function playChime(ctx: AudioContext): Promise<void> {
  const t0 = ctx.currentTime + 0.05;
  NOTES.forEach((f, i) => bell(ctx, f, t0 + i * NOTE_GAP_S));
  return new Promise((resolve) => setTimeout(resolve, CHIME_MS));
}
