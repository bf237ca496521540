/**
 * An independent reader for the WAVs the server sends: it checks the header
 * field by field instead of trusting our writer.
 */
export interface ParsedWav {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  samples: Int16Array;
  durationSeconds: number;
}

export function parseWav(bytes: Uint8Array): ParsedWav {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string): never => {
    throw new Error(`not a valid WAV: ${why}`);
  };
  if (buf.length < 44) fail(`only ${buf.length} bytes`);
  if (buf.toString('ascii', 0, 4) !== 'RIFF') fail('no RIFF tag');
  if (buf.readUInt32LE(4) !== buf.length - 8) fail(`RIFF size ${buf.readUInt32LE(4)} ≠ ${buf.length - 8}`);
  if (buf.toString('ascii', 8, 12) !== 'WAVE') fail('no WAVE tag');
  if (buf.toString('ascii', 12, 16) !== 'fmt ') fail('no fmt chunk');
  if (buf.readUInt32LE(16) !== 16) fail('fmt chunk is not 16 bytes');
  if (buf.readUInt16LE(20) !== 1) fail('not PCM');
  const channels = buf.readUInt16LE(22);
  const sampleRate = buf.readUInt32LE(24);
  const byteRate = buf.readUInt32LE(28);
  const blockAlign = buf.readUInt16LE(32);
  const bitsPerSample = buf.readUInt16LE(34);
  if (blockAlign !== (channels * bitsPerSample) / 8) fail('block align');
  if (byteRate !== sampleRate * blockAlign) fail('byte rate');
  if (buf.toString('ascii', 36, 40) !== 'data') fail('no data chunk at byte 36');
  const dataBytes = buf.readUInt32LE(40);
  if (dataBytes !== buf.length - 44) fail(`data size ${dataBytes} ≠ ${buf.length - 44}`);
  const samples = new Int16Array(dataBytes / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(44 + i * 2);
  return { sampleRate, channels, bitsPerSample, samples, durationSeconds: samples.length / channels / sampleRate };
}

/** Root mean square over all samples, 0…32768: silence is 0. */
export function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}
