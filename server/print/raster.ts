import { PNG } from 'pngjs';

/** A 1-bit image as thermal printers take it: rows of width/8 bytes, most significant bit leftmost, 1 = black dot. */
export interface Raster {
  width: number;
  height: number;
  bits: Uint8Array;
}

/** Tall `GS v 0` images come out as garbage on some printers; 255 rows per band is safe on all we know of. */
export const MAX_BAND_ROWS = 255;

/** Dark enough to burn: text needs no dithering, a plain threshold keeps edges crisp. */
const INK_BELOW_LUMA = 128;

/** An RGBA image as dots; unpremultiplied pixels are laid on white paper before the threshold. */
export function rasterFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number): Raster {
  if (width % 8 !== 0) throw new Error(`raster width must be a multiple of 8, got ${width}`);
  const height = Math.floor(rgba.length / 4 / width);
  const rowBytes = width / 8;
  const bits = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // Rec. 709 luma in integers (weights sum to 256).
      const luma = (54 * rgba[i]! + 183 * rgba[i + 1]! + 19 * rgba[i + 2]!) >> 8;
      const onPaper = 255 - (rgba[i + 3]! * (255 - luma)) / 255;
      if (onPaper < INK_BELOW_LUMA) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bits };
}

export function stackRasters(parts: readonly Raster[]): Raster {
  const width = parts[0]?.width ?? 0;
  const height = parts.reduce((h, p) => h + p.height, 0);
  const bits = new Uint8Array((width / 8) * height);
  let offset = 0;
  for (const p of parts) {
    if (p.width !== width) throw new Error('rasters of different widths');
    bits.set(p.bits, offset);
    offset += p.bits.length;
  }
  return { width, height, bits };
}

/**
 * `GS v 0` commands, one per band of at most MAX_BAND_ROWS rows. Printers
 * act on real-time commands (DLE EOT status, DLE ENQ, DLE DC4 pulse and
 * power-off) wherever the bytes appear, image data included; a dot pattern
 * that spells one would answer a phantom status query or worse. Clearing
 * the single dot of such a 0x10 byte is invisible on paper.
 */
export function rasterBands(r: Raster): Buffer[] {
  const rowBytes = r.width / 8;
  const bands: Buffer[] = [];
  for (let top = 0; top < r.height; top += MAX_BAND_ROWS) {
    const rows = Math.min(MAX_BAND_ROWS, r.height - top);
    const header = Buffer.from([0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8]);
    const data = Buffer.from(r.bits.subarray(top * rowBytes, (top + rows) * rowBytes));
    breakRealtimeSequences(data);
    bands.push(Buffer.concat([header, data]));
  }
  return bands;
}

const DLE = 0x10;
const REALTIME_SECOND_BYTES = new Set([0x04, 0x05, 0x14]);

function breakRealtimeSequences(data: Buffer): void {
  for (let i = 0; i < data.length - 1; i++) {
    if (data[i] === DLE && REALTIME_SECOND_BYTES.has(data[i + 1]!)) data[i] = 0x00;
  }
}

/** A black-and-white PNG of exactly the dots the printer gets. */
export function rasterToPng(r: Raster): Buffer {
  const png = new PNG({ width: r.width, height: r.height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  const rowBytes = r.width / 8;
  const gray = Buffer.alloc(r.width * r.height, 0xff);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.bits[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) gray[y * r.width + x] = 0;
    }
  }
  png.data = gray;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}
