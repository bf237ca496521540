import { describe, expect, it } from 'vitest';
import { encodeWav, WAV_HEADER_BYTES } from '../../server/speech/wav.js';
import { parseWav, rms } from './wav-reader.js';

describe('encodeWav', () => {
  it('writes a 44-byte PCM header and the samples little-endian', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 258]);
    const wav = encodeWav(samples, 22_050);
    expect(wav.length).toBe(WAV_HEADER_BYTES + samples.length * 2);
    const parsed = parseWav(wav);
    expect(parsed).toMatchObject({ sampleRate: 22_050, channels: 1, bitsPerSample: 16 });
    expect([...parsed.samples]).toEqual([...samples]);
    expect(wav.readInt16LE(44 + 5 * 2)).toBe(258);
    expect(parsed.durationSeconds).toBeCloseTo(6 / 22_050, 9);
  });

  it('keeps a subarray view to its own samples', () => {
    const backing = Int16Array.from([9, 9, 1, 2, 3, 9]);
    const parsed = parseWav(encodeWav(backing.subarray(2, 5), 8000));
    expect([...parsed.samples]).toEqual([1, 2, 3]);
  });

  it('encodes silence as a valid, empty-sounding file', () => {
    const parsed = parseWav(encodeWav(new Int16Array(100), 22_050));
    expect(rms(parsed.samples)).toBe(0);
  });
});
