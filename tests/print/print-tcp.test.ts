import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { startCapturePrinter, type CapturePrinter } from './capture-printer.js';
import { decodeEscPos, imageToPng, inkCount, pagePng, rasterQrPayloads, type DecodedJob } from './escpos-decoder.js';
import { api, issueAtKiosk, KIOSK, printerStatus, saveArtifact, setKioskSettings, WEDNESDAY_9 } from './support.js';

/**
 * Tickets printed through the real tcp:// path: the kiosk's printer is a
 * capture server on 127.0.0.1, the bytes it receives are decoded back.
 */
describe('printing a ticket on a network printer', () => {
  let server: TestServer;
  let printer: CapturePrinter;
  const decoded = new Map<string, { ticket: any; job: DecodedJob }>();

  beforeAll(async () => {
    server = await startTestServer({ publicUrl: 'https://amt.example.org' }, WEDNESDAY_9);
    printer = await startCapturePrinter('ok');
    await setKioskSettings(server, { printer: printer.address, paperWidthDots: 576 });
  });
  afterAll(async () => {
    await server.close();
    await printer.close();
  });

  test.each(['de', 'tr', 'ar', 'ti'])('a ticket in %s prints: number, QR code = statusUrl, raster text, cut', async (language) => {
    const before = printer.jobs().length;
    const res = await issueAtKiosk(server, language);
    expect(res.body.print).toEqual({ status: 'printed' });
    const [bytes] = (await printer.waitForJobs(before + 1)).slice(before);
    const job = decodeEscPos(bytes!);
    decoded.set(language, { ticket: res.body, job });
    saveArtifact(`print-${language}-page.png`, pagePng(job));
    job.images.forEach((image, i) => saveArtifact(`print-${language}-raster-${i}.png`, imageToPng(image)));

    expect(job.unknown).toEqual([]);
    // Status before the job (printer, offline cause, paper) and the confirmation after it.
    expect(job.statusQueries).toEqual([1, 2, 4, 4]);
    expect(job.cuts).toBe(1);

    const number = job.texts.find((t) => t.text === res.body.number);
    expect(number, JSON.stringify(job.texts)).toBeDefined();
    expect(number).toMatchObject({ bold: true, width: 8, height: 8, align: 'center' });

    expect(job.qrPayloads).toEqual([]);
    expect(rasterQrPayloads(job)).toEqual([res.body.statusUrl]);
    expect(res.body.statusUrl).toBe(`https://amt.example.org/t/${res.body.id}`);

    // Above the number: office name and "your number"; below: service, times, QR code, footer.
    expect(job.images).toHaveLength(2);
    for (const image of job.images) {
      expect(image.width).toBe(576);
      expect(inkCount(image)).toBeGreaterThan(2000);
    }
    for (const band of job.bands) expect(band.height).toBeLessThanOrEqual(255);
  });

  test('Arabic and Tigrinya text arrives as raster, different from the German ticket', () => {
    const de = decoded.get('de')?.job;
    expect(de).toBeDefined();
    for (const language of ['ar', 'ti']) {
      const job = decoded.get(language)!.job;
      // No text run but the number: every word in these scripts is drawn, not sent as code-page text.
      expect(job.texts.filter((t) => t.text.trim() !== '').map((t) => t.text)).toEqual([decoded.get(language)!.ticket.number]);
      // The header has the visitor's label and the German one below it: taller than the German header, and other dots.
      const [header] = job.images;
      expect(header!.height).toBeGreaterThan(de!.images[0]!.height);
      expect(Buffer.from(header!.dots).equals(Buffer.from(de!.images[0]!.dots))).toBe(false);
    }
    expect(Buffer.from(decoded.get('ar')!.job.images[1]!.dots).equals(Buffer.from(decoded.get('ti')!.job.images[1]!.dots))).toBe(false);
  });

  test('the printed raster is the receipt preview, with the number drawn by the printer', async () => {
    for (const [language, { ticket, job }] of decoded) {
      const res = await api(server, 'GET', `/api/tickets/${ticket.id}/receipt.png`);
      expect(res.status).toBe(200);
      saveArtifact(`print-${language}-receipt.png`, res.bytes);
      const preview = PNG.sync.read(res.bytes);
      const [header, body] = job.images;
      // Header rows are identical (but for the rare dot the encoder clears to avoid a real-time command).
      expect(differentDots(preview, header!, 0)).toBeLessThan(8);
      expect(differentDots(preview, body!, preview.height - body!.height)).toBeLessThan(8);
    }
  });

  test('58 mm paper: a 384-dot ticket whose QR code still reads', async () => {
    await setKioskSettings(server, { paperWidthDots: 384 });
    try {
      const before = printer.jobs().length;
      const res = await issueAtKiosk(server, 'fa', { serviceId: 'asylum' });
      expect(res.body.print).toEqual({ status: 'printed' });
      const [bytes] = (await printer.waitForJobs(before + 1)).slice(before);
      const job = decodeEscPos(bytes!);
      saveArtifact('print-fa-384-page.png', pagePng(job, 384));
      expect(job.images.map((i) => i.width)).toEqual([384, 384]);
      expect(job.texts.find((t) => t.text === res.body.number)?.width).toBe(8);
      expect(rasterQrPayloads(job)).toEqual([res.body.statusUrl]);
    } finally {
      await setKioskSettings(server, { paperWidthDots: 576 });
    }
  });

  test('checking in an appointment at the kiosk prints too', async () => {
    const cookie = await server.login('jschulte');
    const appt = await api(server, 'POST', '/api/appointments', {
      cookie,
      json: { serviceId: 'naturalisation', startsAt: new Date(WEDNESDAY_9 + 20 * 60_000).toISOString(), language: 'uk' },
    });
    expect(appt.status).toBe(201);
    const before = printer.jobs().length;
    const res = await api(server, 'POST', '/api/checkin', { json: { code: appt.body.code, language: 'uk', kioskId: KIOSK } });
    expect(res.status).toBe(201);
    expect(res.body.print).toEqual({ status: 'printed' });
    const [bytes] = (await printer.waitForJobs(before + 1)).slice(before);
    const job = decodeEscPos(bytes!);
    saveArtifact('print-uk-checkin-page.png', pagePng(job));
    expect(job.texts.some((t) => t.text === res.body.number)).toBe(true);
    expect(rasterQrPayloads(job)).toEqual([res.body.statusUrl]);
  });

  test('without a kioskId nothing prints; the printer status reports the last success', async () => {
    const before = printer.connections.length;
    const res = await issueAtKiosk(server, 'de', { kioskId: null });
    expect(res.body.print).toEqual({ status: 'none' });
    // A ticket that does print is the barrier: a job for the first would have come before its own.
    const jobsBefore = printer.jobs().length;
    const barrier = await issueAtKiosk(server, 'de');
    expect(barrier.body.print).toEqual({ status: 'printed' });
    await printer.waitForJobs(jobsBefore + 1);
    const numbersOn = (bytes: Buffer) => decodeEscPos(bytes).texts.map((t) => t.text).filter((t) => t === res.body.number || t === barrier.body.number);
    expect(printer.connections.slice(before).map(numbersOn)).toEqual([[barrier.body.number]]);

    const status = await printerStatus(server);
    expect(status).toMatchObject({ kioskId: KIOSK, via: 'tcp', state: 'ok', reason: null, lastSuccessAt: server.clock.now });
    expect(JSON.stringify(status)).not.toContain('127.0.0.1');
  });
});

/** Dots that differ between rows [top, top + image.height) of a preview PNG and a decoded image. */
function differentDots(preview: PNG, image: { width: number; height: number; dots: Uint8Array }, top: number): number {
  expect(preview.width).toBe(image.width);
  let n = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const black = preview.data[((top + y) * preview.width + x) * 4]! < 128 ? 1 : 0;
      if (black !== image.dots[y * image.width + x]) n++;
    }
  }
  return n;
}
