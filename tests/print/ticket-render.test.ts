import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import { VISITOR_LANGUAGES } from '../../common/i18n/languages.js';
import { escposJob } from '../../server/print/escpos-job.js';
import { PRINT_FONT_FILES, PRINT_FONT_STACK, registerPrintFonts } from '../../server/print/fonts.js';
import { MAX_BAND_ROWS, rasterBands, rasterToPng } from '../../server/print/raster.js';
import { numberMagnification, renderTicket } from '../../server/print/ticket-canvas.js';
import type { TicketFacts } from '../../server/app/receipts.js';
import { ticketBlocks } from '../../server/print/ticket-content.js';
import { ticketPng } from '../../server/print/ticket-output.js';
import { DEMO_SERVICES } from '../../server/seed/demo-data.js';
import { decodeEscPos, rasterQrPayloads } from './escpos-decoder.js';
import { woff2CodePoints } from './font-coverage.js';
import { saveArtifact, WEDNESDAY_9 } from './support.js';

const facts = (language: string, over: Partial<TicketFacts> = {}): TicketFacts => ({
  officeName: 'Bürgeramt für Migration und Integration',
  number: 'E042',
  language,
  serviceNames: DEMO_SERVICES[2]!.names,
  issuedAt: WEDNESDAY_9 + 17 * 60_000,
  timeZone: 'Europe/Berlin',
  position: 3,
  estimate: { low: 10, high: 25 },
  appointmentAt: null,
  statusUrl: 'https://amt.example.org/t/0123456789abcdefghijkl',
  ...over,
});

/** Every text a ticket in `language` can show: plural forms, both estimate texts, an appointment, every service name. */
function everyText(language: string): string[] {
  const variants: TicketFacts[] = [0, 1, 2, 3, 5, 11, 25, 101].map((p) => facts(language, { position: p + 1 }));
  variants.push(facts(language, { estimate: null, appointmentAt: WEDNESDAY_9 + 3_600_000 }));
  const texts = variants.flatMap((f) => ticketBlocks(f).flatMap((b) => (b.kind === 'lines' ? b.lines.map((l) => l.text) : [])));
  return [...texts, ...DEMO_SERVICES.map((s) => s.names[language] ?? '')];
}

function scriptFamily(cp: number): string {
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0xfb50 && cp <= 0xfeff)) return '"Noto Sans Arabic"';
  if ((cp >= 0x1200 && cp <= 0x139f) || (cp >= 0x2d80 && cp <= 0x2ddf) || (cp >= 0xab00 && cp <= 0xab2f)) return '"Noto Sans Ethiopic"';
  return '"Noto Sans"';
}

describe('ticket rendering', () => {
  registerPrintFonts();
  const canvas = createCanvas(96, 96);
  const ctx = canvas.getContext('2d');
  const glyph = (ch: string, family: string): string => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 96, 96);
    ctx.fillStyle = '#000';
    ctx.font = `48px ${family}`;
    ctx.fillText(ch, 16, 70);
    const d = ctx.getImageData(0, 0, 96, 96).data;
    let bits = '';
    for (let i = 0; i < d.length; i += 4) bits += d[i]! < 128 ? '1' : '0';
    return bits;
  };

  // A code point no font has: what a missing glyph looks like (the .notdef box).
  const tofu = glyph('\u{10FFFD}', PRINT_FONT_STACK);
  // What the shipped font files have glyphs for, whatever this machine has installed.
  const require = createRequire(import.meta.url);
  const shipped = new Set(PRINT_FONT_FILES.flatMap(({ file }) => [...woff2CodePoints(require.resolve(file))]));
  const name = (ch: string) => `${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

  test.each([...VISITOR_LANGUAGES])('%s: every character is in the shipped fonts and draws from its script’s family, no tofu', (language) => {
    const chars = new Set([...everyText(language).join('')].filter((c) => !/[\s\p{Cf}]/u.test(c)));
    expect(chars.size).toBeGreaterThan(10);
    expect([...chars].filter((ch) => !shipped.has(ch.codePointAt(0)!)).map(name)).toEqual([]);
    const bad: string[] = [];
    for (const ch of chars) {
      const drawn = glyph(ch, PRINT_FONT_STACK);
      if (drawn === tofu || !drawn.includes('1') || drawn !== glyph(ch, scriptFamily(ch.codePointAt(0)!))) bad.push(name(ch));
    }
    expect(bad).toEqual([]);
  });

  test.each([...VISITOR_LANGUAGES])('%s: renders at 576 and 384 dots, the QR code reads back', (language) => {
    for (const width of [576, 384] as const) {
      const parts = renderTicket(ticketBlocks(facts(language)), width, 'print');
      expect(parts.map((p) => p.kind)).toEqual(['raster', 'number', 'raster']);
      const job = decodeEscPos(escposJob(parts));
      expect(job.unknown).toEqual([]);
      expect(rasterQrPayloads(job)).toEqual([facts(language).statusUrl]);
      expect(job.texts.find((t) => t.text === 'E042')?.width).toBe(8);
    }
    saveArtifact(`receipt-${language}.png`, ticketPng(facts(language, { appointmentAt: WEDNESDAY_9 + 30 * 60_000 }), 576));
  });

  test('right-to-left lines are marked rtl; German lines stay ltr', () => {
    for (const language of ['ar', 'fa']) {
      const lines = ticketBlocks(facts(language)).flatMap((b) => (b.kind === 'lines' ? b.lines : []));
      expect(lines.filter((l) => l.lang === language).every((l) => l.dir === 'rtl')).toBe(true);
      expect(lines.filter((l) => l.lang === 'de').every((l) => l.dir === 'ltr')).toBe(true);
      expect(lines.some((l) => l.lang === 'de' && l.text.startsWith('Bitte warten Sie'))).toBe(true);
    }
  });

  test('times are office time, 24-hour, Gregorian; German is not repeated on a German ticket', () => {
    const lines = (f: TicketFacts) => ticketBlocks(f).flatMap((b) => (b.kind === 'lines' ? b.lines.map((l) => l.text) : []));
    const de = lines(facts('de'));
    expect(de).toContain('Mittwoch, 10. Juni 2026');
    expect(de).toContain('Gezogen um 09:17 Uhr');
    expect(de).toContain('Vor Ihnen warten 2 Personen.');
    expect(de.filter((t) => t.startsWith('Bitte warten Sie'))).toHaveLength(1);
    const en = lines(facts('en'));
    expect(en.join('\n')).toContain('09:17');
    expect(en).toContain('Einbürgerung');
    // Persian digits throughout, the estimate's numbers included.
    const fa = lines(facts('fa')).join('\n');
    expect(fa).toContain('۲۰۲۶');
    expect(fa).toMatch(/۱۰.*۲۵/);
    expect(fa).not.toMatch(/[0-9]/);
    expect(lines(facts('de', { position: null })).some((t) => t.includes('Vor Ihnen'))).toBe(false);
  });

  test('the number gets the largest printer font that fits the paper', () => {
    expect(numberMagnification('A017', 576)).toBe(8);
    expect(numberMagnification('A1000', 576)).toBe(8);
    expect(numberMagnification('A017', 384)).toBe(8);
    expect(numberMagnification('A1000', 384)).toBe(6);
  });

  test('raster bands: at most 255 rows each, and no real-time command hidden in the dots', () => {
    const width = 64;
    const height = 600;
    const bits = new Uint8Array((width / 8) * height);
    bits.set([0x10, 0x04, 0x01, 0x10, 0x14, 0x02, 0x10, 0x05], 8 * 300);
    const bands = rasterBands({ width, height, bits });
    const job = decodeEscPos(Buffer.concat(bands));
    expect(job.bands.map((b) => b.height)).toEqual([MAX_BAND_ROWS, MAX_BAND_ROWS, height - 2 * MAX_BAND_ROWS]);
    expect(job.statusQueries).toEqual([]);
    const all = Buffer.concat(bands);
    for (let i = 0; i < all.length - 1; i++) {
      if (all[i] === 0x10) expect([0x04, 0x05, 0x14]).not.toContain(all[i + 1]);
    }
    expect(rasterToPng({ width, height, bits }).subarray(1, 4).toString()).toBe('PNG');
  });
});
