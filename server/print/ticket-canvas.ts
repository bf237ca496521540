import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { create as createQr } from 'qrcode';
import { PRINT_FONT_STACK, registerPrintFonts } from './fonts.js';
import { rasterFromRgba, type Raster } from './raster.js';
import type { LineStyle, TextLine, TicketBlock } from './ticket-content.js';

export type PaperWidth = 576 | 384;

/**
 * The ticket as the printer gets it: raster parts, and the number as native
 * printer text in between. The printer's own enlarged font is crisp at any
 * size on every ESC/POS printer, and it keeps the number readable in the
 * byte stream (tests, logs).
 */
export type PrintPart = { kind: 'raster'; raster: Raster } | { kind: 'number'; text: string; magnification: number };

/** Printer font A is 12 × 24 dots; GS ! enlarges it up to eight times. */
export const FONT_A_WIDTH = 12;
export const FONT_A_HEIGHT = 24;

const MAX_HEIGHT = 2400;
/** Sizes in dots at 576; regular text a little heavier than 400, so thin strokes survive thermal paper. */
const STYLES: Record<LineStyle, { size: number; weight: number; gapAfter: number }> = {
  office: { size: 26, weight: 700, gapAfter: 2 },
  label: { size: 28, weight: 500, gapAfter: 0 },
  labelDe: { size: 20, weight: 500, gapAfter: 0 },
  service: { size: 32, weight: 700, gapAfter: 0 },
  serviceDe: { size: 22, weight: 500, gapAfter: 0 },
  text: { size: 24, weight: 500, gapAfter: 2 },
  footer: { size: 24, weight: 700, gapAfter: 4 },
  footerDe: { size: 20, weight: 500, gapAfter: 0 },
};

/** One scratch canvas per paper width, reused: a new canvas per ticket grows memory under load. */
const scratch = new Map<PaperWidth, { canvas: Canvas; ctx: SKRSContext2D }>();

function surface(width: PaperWidth): SKRSContext2D {
  registerPrintFonts();
  let s = scratch.get(width);
  if (!s) {
    const canvas = createCanvas(width, MAX_HEIGHT);
    s = { canvas, ctx: canvas.getContext('2d') };
    scratch.set(width, s);
  }
  const { ctx } = s;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, MAX_HEIGHT);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  return ctx;
}

/** The largest enlargement at which the number fits the paper. */
export function numberMagnification(text: string, width: PaperWidth): number {
  return Math.max(1, Math.min(8, Math.floor(width / (Math.max(1, text.length) * FONT_A_WIDTH))));
}

/**
 * Draws the ticket. `preview` draws the number too and returns one raster
 * (the PNG); `print` leaves the number to the printer and returns the parts.
 * Synchronous on purpose: the scratch canvas is shared, so callers yield
 * between tickets rather than inside one.
 */
export function renderTicket(blocks: readonly TicketBlock[], width: PaperWidth, mode: 'preview' | 'print'): PrintPart[] {
  const ctx = surface(width);
  const scale = width === 576 ? 1 : 0.8;
  const margin = Math.round(16 * scale);
  const parts: PrintPart[] = [];
  let top = 0;
  let y = Math.round(8 * scale);

  const cut = (bottom: number) => {
    if (bottom > top) parts.push({ kind: 'raster', raster: rasterFromRgba(ctx.getImageData(0, top, width, bottom - top).data, width) });
    top = bottom;
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'lines':
        for (const line of block.lines) y = drawLine(ctx, line, y, width, margin, scale);
        break;
      case 'gap':
        y += Math.round((block.size === 'small' ? 10 : 24) * scale);
        break;
      case 'rule':
        y += Math.round(10 * scale);
        ctx.fillRect(margin, y, width - 2 * margin, Math.max(2, Math.round(2 * scale)));
        y += Math.round(14 * scale);
        break;
      case 'qr':
        y = drawQr(ctx, block.data, y, width, scale);
        break;
      case 'number': {
        const magnification = numberMagnification(block.text, width);
        if (mode === 'print') {
          cut(y);
          parts.push({ kind: 'number', text: block.text, magnification });
        } else {
          const box = FONT_A_HEIGHT * magnification;
          ctx.direction = 'ltr';
          ctx.lang = 'de';
          ctx.font = `700 ${Math.round(box * 0.92)}px ${PRINT_FONT_STACK}`;
          ctx.fillText(block.text, width / 2, y + Math.round(box * 0.84), width - 2 * margin);
          y += box;
        }
        break;
      }
    }
    if (y > MAX_HEIGHT - 100) throw new Error('ticket too long');
  }
  cut(y + Math.round(8 * scale));
  return parts;
}

function drawLine(ctx: SKRSContext2D, line: TextLine, y: number, width: number, margin: number, scale: number): number {
  const style = STYLES[line.style];
  const size = Math.round(style.size * scale);
  ctx.font = `${style.weight} ${size}px ${PRINT_FONT_STACK}`;
  ctx.direction = line.dir;
  ctx.lang = line.lang;
  // Arabic and Ethiopic need more room above and below than Latin at the same size.
  const lineHeight = Math.round(size * 1.5);
  for (const text of wrap(ctx, line.text, width - 2 * margin)) {
    ctx.fillText(text, width / 2, y + Math.round(size * 1.08), width - 2 * margin);
    y += lineHeight;
  }
  return y + Math.round(style.gapAfter * scale);
}

/** Greedy word wrap; a single word wider than the line is squeezed by fillText's maxWidth. */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(candidate).width > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Whole dots per module, so every module prints the same size and phones read it at a glance. */
function drawQr(ctx: SKRSContext2D, data: string, y: number, width: number, scale: number): number {
  const qr = createQr(data, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const module = Math.max(3, Math.floor((240 * scale) / n));
  const quiet = 4 * module;
  const left = Math.round((width - n * module) / 2);
  const top = y + quiet;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) ctx.fillRect(left + c * module, top + r * module, module, module);
    }
  }
  return top + n * module + quiet;
}
