import { createCanvas } from '@napi-rs/canvas';
import iconv from 'iconv-lite';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { PRINT_FONT_STACK, registerPrintFonts } from '../../server/print/fonts.js';

/**
 * A small ESC/POS decoder for the subset tickets use, so tests can read what
 * a printer would get: text runs (decoded with the active code page), raster
 * images (`GS v 0`) as PNGs, QR payloads (`GS ( k`, or a raster QR read back
 * with jsQR), cuts and status queries. Anything it does not know is listed
 * in `unknown`, so a test notices bytes a printer might print as garbage.
 */

export interface TextRun {
  text: string;
  bold: boolean;
  /** GS ! magnification, 1–8. */
  width: number;
  height: number;
  align: 'left' | 'center' | 'right';
}

export interface RasterImage {
  width: number;
  height: number;
  /** 1 byte per dot, 1 = black. */
  dots: Uint8Array;
}

export type PrintedItem = { kind: 'text'; run: TextRun } | { kind: 'image'; image: RasterImage } | { kind: 'feed'; lines: number };

export interface DecodedJob {
  items: PrintedItem[];
  texts: TextRun[];
  /** Each `GS v 0` band as sent. */
  bands: RasterImage[];
  /** Bands printed one after the other without text between, joined. */
  images: RasterImage[];
  /** Payloads stored with `GS ( k` (QR function 0x50). */
  qrPayloads: string[];
  cuts: number;
  /** `n` of every DLE EOT n, in order. */
  statusQueries: number[];
  unknown: string[];
}

/** Epson `ESC t n` table numbers → iconv-lite encodings (the ones node-thermal-printer uses). */
const CODE_PAGES: Record<number, string> = {
  0: 'cp437',
  2: 'cp850',
  13: 'cp857',
  16: 'windows1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
  46: 'windows1251',
  48: 'windows1254',
  50: 'windows1256',
};

export function decodeEscPos(buf: Uint8Array): DecodedJob {
  const out: DecodedJob = { items: [], texts: [], bands: [], images: [], qrPayloads: [], cuts: 0, statusQueries: [], unknown: [] };
  const state = { bold: false, width: 1, height: 1, align: 'left' as TextRun['align'], codePage: 0 };
  let line: number[] = [];
  let i = 0;
  const need = (n: number) => {
    if (i + n > buf.length) throw new Error(`truncated command at byte ${i}`);
  };
  const flush = () => {
    const text = iconv.decode(Buffer.from(line), CODE_PAGES[state.codePage] ?? 'cp437');
    line = [];
    const run: TextRun = { text, bold: state.bold, width: state.width, height: state.height, align: state.align };
    out.texts.push(run);
    out.items.push({ kind: 'text', run });
  };

  while (i < buf.length) {
    const b = buf[i]!;
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b >= 0x20 && b !== 0x7f) {
      line.push(b);
      i += 1;
    } else if (b === 0x10) {
      need(3);
      if (buf[i + 1] === 0x04) out.statusQueries.push(buf[i + 2]!);
      else out.unknown.push(hex(buf, i, 3));
      i += 3;
    } else if (b === 0x1b) {
      need(2);
      const cmd = buf[i + 1]!;
      const arg = buf[i + 2] ?? 0;
      switch (String.fromCharCode(cmd)) {
        case '@':
          Object.assign(state, { bold: false, width: 1, height: 1, align: 'left', codePage: 0 });
          i += 2;
          break;
        case '2':
          i += 2;
          break;
        case 't':
          state.codePage = arg;
          i += 3;
          break;
        case 'a':
          state.align = (['left', 'center', 'right'] as const)[arg % 48] ?? 'left';
          i += 3;
          break;
        case 'E':
          state.bold = (arg & 1) === 1;
          i += 3;
          break;
        case 'd':
          if (line.length > 0) flush();
          out.items.push({ kind: 'feed', lines: arg });
          i += 3;
          break;
        case '!':
        case 'M':
        case '-':
        case '3':
        case 'J':
        case '{':
          i += 3;
          break;
        default:
          out.unknown.push(hex(buf, i, 3));
          i += 2;
      }
    } else if (b === 0x1d) {
      need(2);
      const cmd = String.fromCharCode(buf[i + 1]!);
      if (cmd === '!') {
        need(3);
        const n = buf[i + 2]!;
        state.width = (n >> 4) + 1;
        state.height = (n & 0x0f) + 1;
        i += 3;
      } else if (cmd === 'V') {
        need(3);
        const m = buf[i + 2]!;
        out.cuts += 1;
        i += m === 65 || m === 66 ? 4 : 3;
      } else if (cmd === 'v') {
        need(8);
        const rowBytes = buf[i + 4]! + 256 * buf[i + 5]!;
        const rows = buf[i + 6]! + 256 * buf[i + 7]!;
        need(8 + rowBytes * rows);
        const image = unpack(buf.subarray(i + 8, i + 8 + rowBytes * rows), rowBytes * 8, rows);
        out.bands.push(image);
        out.items.push({ kind: 'image', image });
        i += 8 + rowBytes * rows;
      } else if (cmd === '(' && buf[i + 2] === 0x6b) {
        need(5);
        const len = buf[i + 3]! + 256 * buf[i + 4]!;
        need(5 + len);
        // cn 0x31 (QR), fn 0x50: store data; the payload follows "m" (0x30).
        if (buf[i + 5] === 0x31 && buf[i + 6] === 0x50) out.qrPayloads.push(Buffer.from(buf.subarray(i + 8, i + 5 + len)).toString('utf8'));
        i += 5 + len;
      } else if (cmd === 'B' || cmd === 'b') {
        i += 3;
      } else {
        out.unknown.push(hex(buf, i, 3));
        i += 2;
      }
    } else {
      out.unknown.push(hex(buf, i, 1));
      i += 1;
    }
  }
  if (line.length > 0) flush();
  out.images = joinBands(out.items);
  return out;
}

function unpack(bits: Uint8Array, width: number, height: number): RasterImage {
  const dots = new Uint8Array(width * height);
  const rowBytes = width / 8;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) dots[y * width + x] = (bits[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
  }
  return { width, height, dots };
}

function joinBands(items: PrintedItem[]): RasterImage[] {
  const images: RasterImage[] = [];
  let run: RasterImage[] = [];
  const close = () => {
    if (run.length > 0) images.push(stack(run));
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'image' && (run.length === 0 || run[0]!.width === item.image.width)) run.push(item.image);
    else {
      close();
      if (item.kind === 'image') run.push(item.image);
    }
  }
  close();
  return images;
}

function stack(parts: RasterImage[]): RasterImage {
  const width = parts[0]!.width;
  const height = parts.reduce((h, p) => h + p.height, 0);
  const dots = new Uint8Array(width * height);
  let offset = 0;
  for (const p of parts) {
    dots.set(p.dots, offset);
    offset += p.dots.length;
  }
  return { width, height, dots };
}

export function imageToPng(image: RasterImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  for (let p = 0; p < image.dots.length; p++) {
    const v = image.dots[p] ? 0 : 255;
    png.data[p * 4] = v;
    png.data[p * 4 + 1] = v;
    png.data[p * 4 + 2] = v;
    png.data[p * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Reads every QR code drawn into the raster images. */
export function rasterQrPayloads(job: DecodedJob): string[] {
  const found: string[] = [];
  for (const image of job.images) {
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    for (let p = 0; p < image.dots.length; p++) {
      const v = image.dots[p] ? 0 : 255;
      rgba.fill(v, p * 4, p * 4 + 3);
      rgba[p * 4 + 3] = 255;
    }
    const qr = readQr(rgba, image.width, image.height);
    if (qr !== null) found.push(qr);
  }
  return found;
}

/** jsQR is CommonJS with an ES-style default in its types; its function is also exported as `.default`. */
export function readQr(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  return jsqr.default(rgba, width, height)?.data ?? null;
}

/** Black dots in an image: text rendered as raster has ink. */
export function inkCount(image: RasterImage): number {
  let n = 0;
  for (const d of image.dots) n += d;
  return n;
}

/**
 * The whole job as one page, for a person to look at: images as sent, text
 * runs drawn in a 12 × 24 dot cell per character times their magnification
 * (printer font A), feeds as blank lines.
 */
export function pagePng(job: DecodedJob, paperWidth = 576): Buffer {
  registerPrintFonts();
  const LINE = 30;
  const height = job.items.reduce((h, item) => {
    if (item.kind === 'image') return h + item.image.height;
    if (item.kind === 'feed') return h + item.lines * LINE;
    return h + Math.max(LINE, 24 * item.run.height + 6);
  }, 0);
  const canvas = createCanvas(paperWidth, Math.max(1, height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, paperWidth, height);
  let y = 0;
  for (const item of job.items) {
    if (item.kind === 'image') {
      const data = ctx.createImageData(item.image.width, item.image.height);
      for (let p = 0; p < item.image.dots.length; p++) {
        const v = item.image.dots[p] ? 0 : 255;
        data.data.fill(v, p * 4, p * 4 + 3);
        data.data[p * 4 + 3] = 255;
      }
      ctx.putImageData(data, 0, y);
      y += item.image.height;
    } else if (item.kind === 'feed') {
      y += item.lines * LINE;
    } else {
      const { run } = item;
      const cellH = 24 * run.height;
      const cellW = 12 * run.width;
      const textWidth = cellW * [...run.text].length;
      const x = run.align === 'center' ? (paperWidth - textWidth) / 2 : run.align === 'right' ? paperWidth - textWidth : 0;
      ctx.fillStyle = '#000';
      ctx.font = `${run.bold ? 700 : 400} ${Math.round(cellH * 0.8)}px ${PRINT_FONT_STACK}`;
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = 'left';
      ctx.lang = 'de';
      ctx.fillText(run.text, x, y + Math.round(cellH * 0.82), textWidth);
      y += Math.max(LINE, cellH + 6);
    }
  }
  return canvas.encodeSync('png');
}

function hex(buf: Uint8Array, at: number, n: number): string {
  return `@${at}: ${Buffer.from(buf.subarray(at, at + n)).toString('hex')}`;
}
