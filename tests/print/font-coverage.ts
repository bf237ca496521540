import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

/**
 * The code points a WOFF2 font has glyphs for, read from its cmap table, so a
 * test can check the shipped print fonts against every text a ticket prints
 * without rendering (rendering would silently borrow a system font).
 * Only what that needs: the table directory, the Brotli stream, cmap
 * formats 4 and 12.
 */
export function woff2CodePoints(path: string): Set<number> {
  const file = readFileSync(path);
  if (file.toString('latin1', 0, 4) !== 'wOF2') throw new Error(`${path} is not WOFF2`);
  const numTables = file.readUInt16BE(12);
  let pos = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = file[pos++]!;
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128');
  };
  const tables: Array<{ tag: number | string; length: number }> = [];
  for (let t = 0; t < numTables; t++) {
    const flags = file[pos++]!;
    const tagIndex = flags & 0x3f;
    const version = flags >> 6;
    let tag: number | string = tagIndex;
    if (tagIndex === 63) {
      tag = file.toString('latin1', pos, pos + 4);
      pos += 4;
    }
    const origLength = base128();
    // glyf (10) and loca (11) are transformed at version 0; every other table at versions 1–3.
    const transformed = tagIndex === 10 || tagIndex === 11 ? version === 0 : version !== 0;
    tables.push({ tag, length: transformed ? base128() : origLength });
  }
  const data = brotliDecompressSync(file.subarray(pos));
  let offset = 0;
  for (const table of tables) {
    // Known tag 0 is cmap.
    if (table.tag === 0) return readCmap(data.subarray(offset, offset + table.length));
    offset += table.length;
  }
  throw new Error(`${path} has no cmap`);
}

function readCmap(cmap: Buffer): Set<number> {
  const points = new Set<number>();
  const count = cmap.readUInt16BE(2);
  for (let r = 0; r < count; r++) {
    const platform = cmap.readUInt16BE(4 + r * 8);
    const encoding = cmap.readUInt16BE(6 + r * 8);
    const sub = cmap.readUInt32BE(8 + r * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = cmap.readUInt16BE(sub);
    if (format === 12) readFormat12(cmap, sub, points);
    else if (format === 4) readFormat4(cmap, sub, points);
  }
  return points;
}

function readFormat12(cmap: Buffer, sub: number, points: Set<number>): void {
  const groups = cmap.readUInt32BE(sub + 12);
  for (let g = 0; g < groups; g++) {
    const at = sub + 16 + g * 12;
    const start = cmap.readUInt32BE(at);
    const end = cmap.readUInt32BE(at + 4);
    const glyph = cmap.readUInt32BE(at + 8);
    for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) points.add(cp);
  }
}

function readFormat4(cmap: Buffer, sub: number, points: Set<number>): void {
  const segs = cmap.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2;
        const raw = cmap.readUInt16BE(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(cp);
    }
  }
}
