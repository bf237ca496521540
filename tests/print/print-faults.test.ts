import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { JOB_TIMEOUT_MS, MAX_QUEUED_JOBS, PRINT_WAIT_MS, STATUS_TIMEOUT_MS } from '../../server/print/timing.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { refusedAddress, startCapturePrinter, STATUS_PAPER_LOW, STATUS_PAPER_OUT, type CapturePrinter } from './capture-printer.js';
import { decodeEscPos, rasterQrPayloads } from './escpos-decoder.js';
import { api, issueAtKiosk, KIOSK, printerStatus, setKioskSettings, WEDNESDAY_9 } from './support.js';

/** A broken printer never blocks issuing: the ticket is answered 201 in bounded time and the status says what is wrong. */
describe('printer faults', () => {
  let server: TestServer;
  let staff: string;
  const printers: CapturePrinter[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'amtsqueue-print-'));

  const capture = async (...args: Parameters<typeof startCapturePrinter>) => {
    const p = await startCapturePrinter(...args);
    printers.push(p);
    await setKioskSettings(server, { printer: p.address, statusQuery: true });
    return p;
  };
  const staffStatus = async () => {
    const res = await api(server, 'GET', '/api/printers', { cookie: staff });
    expect(res.status).toBe(200);
    return res.body.find((p: any) => p.kioskId === KIOSK);
  };

  beforeAll(async () => {
    server = await startTestServer({}, WEDNESDAY_9);
    staff = await server.login('ayilmaz');
  });
  afterEach(async () => {
    for (const p of printers.splice(0)) await p.close();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('printer down (connection refused): 201 at once, failed "unreachable", status error', async () => {
    await setKioskSettings(server, { printer: await refusedAddress() });
    const res = await issueAtKiosk(server, 'de');
    expect(res.body.print).toEqual({ status: 'failed', reason: 'unreachable' });
    expect(res.body.number).toMatch(/^A\d{3}$/);
    expect(res.ms).toBeLessThan(1500);
    // The ticket exists and is in the queue.
    expect((await api(server, 'GET', `/api/tickets/${res.body.id}`)).body.status).toBe('waiting');

    expect(await printerStatus(server)).toMatchObject({ via: 'tcp', state: 'error', reason: 'unreachable', lastFailureAt: server.clock.now });
    expect((await staffStatus()).detail).toContain('ECONNREFUSED');
  });

  test('printer hanging (accepts, never reads): failed "timeout" after the status query timed out', async () => {
    const printer = await capture('hang');
    const res = await issueAtKiosk(server, 'tr');
    expect(res.body.print).toEqual({ status: 'failed', reason: 'timeout' });
    expect(res.ms).toBeGreaterThanOrEqual(STATUS_TIMEOUT_MS - 100);
    expect(res.ms).toBeLessThan(PRINT_WAIT_MS + 500);
    expect(printer.acceptedAt).toHaveLength(1);
    expect(await printerStatus(server)).toMatchObject({ state: 'error', reason: 'timeout' });
    expect((await staffStatus()).detail).toMatch(/status query/);
  });

  test('slow printer within the bound: printed, the answer waits for the confirmation', async () => {
    const printer = await capture('slow', { jobDelayMs: 1200 });
    const res = await issueAtKiosk(server, 'ar');
    expect(res.body.print).toEqual({ status: 'printed' });
    expect(res.ms).toBeGreaterThanOrEqual(1100);
    expect(res.ms).toBeLessThan(PRINT_WAIT_MS);
    await expect.poll(() => printer.jobs().length).toBe(1);
    expect(await printerStatus(server)).toMatchObject({ state: 'ok', reason: null, lastSuccessAt: server.clock.now });
  });

  test('printer too slow to confirm the job: failed "timeout" at the job deadline, status error', async () => {
    const printer = await capture('slow', { jobDelayMs: 20_000 });
    const res = await issueAtKiosk(server, 'ti');
    expect(res.body.print).toEqual({ status: 'failed', reason: 'timeout' });
    expect(res.ms).toBeGreaterThanOrEqual(JOB_TIMEOUT_MS - 200);
    expect(res.ms).toBeLessThan(PRINT_WAIT_MS + 500);
    // The bytes went out; the printer never confirmed taking them in.
    await expect.poll(() => printer.jobs().length).toBe(1);
    expect(await printerStatus(server)).toMatchObject({ state: 'error', reason: 'timeout' });
  });

  test('out of paper: nothing is sent, failed "paper_out"; paper low still prints with a warning', async () => {
    const empty = await capture('ok', { status: STATUS_PAPER_OUT });
    const res = await issueAtKiosk(server, 'fa');
    expect(res.body.print).toEqual({ status: 'failed', reason: 'paper_out' });
    await expect.poll(() => empty.connections.length).toBe(1);
    expect(empty.jobs()).toEqual([]);
    expect(await printerStatus(server)).toMatchObject({ state: 'error', reason: 'paper_out' });

    empty.status = STATUS_PAPER_LOW;
    const low = await issueAtKiosk(server, 'fa');
    expect(low.body.print).toEqual({ status: 'printed' });
    expect(await printerStatus(server)).toMatchObject({ state: 'ok', warning: 'paper_low' });
  });

  // `hang` never reads; `silent` reads but never answers, so the capture side also sees each connection end.
  test.each(['hang', 'silent'] as const)('no pile-up: a burst at a %s printer is answered in bounded time, one connection at a time', async (mode) => {
    const printer = await capture(mode);
    const burst = 6;
    const replies = await Promise.all(Array.from({ length: burst }, (_, i) => issueAtKiosk(server, i % 2 ? 'de' : 'uk')));
    const outcomes = replies.map((r) => r.body.print);
    for (const r of replies) expect(r.ms).toBeLessThan(PRINT_WAIT_MS + 1000);
    expect(outcomes.every((o) => o.status === 'failed')).toBe(true);
    // One printing, MAX_QUEUED_JOBS waiting, the rest refused at once.
    expect(outcomes.filter((o) => o.reason === 'busy')).toHaveLength(burst - 1 - MAX_QUEUED_JOBS);
    expect(new Set(replies.map((r) => r.body.number)).size).toBe(burst);
    expect(printer.acceptedAt.length).toBeGreaterThanOrEqual(1);
    expect(printer.acceptedAt.length).toBeLessThanOrEqual(1 + MAX_QUEUED_JOBS);
    if (mode === 'silent') expect(printer.maxConcurrent()).toBe(1);
    expect((await staffStatus()).pending).toBe(0);

    // Fixed: the next ticket prints, nothing old is left in the queue to print late. A second ticket
    // is the barrier: a kiosk's jobs print one at a time in order, so anything old prints before it.
    const working = await capture('ok');
    const res = await issueAtKiosk(server, 'de');
    expect(res.body.print).toEqual({ status: 'printed' });
    const barrier = await issueAtKiosk(server, 'de');
    expect(barrier.body.print).toEqual({ status: 'printed' });
    const numbers = [...replies, res, barrier].map((r) => String(r.body.number));
    const numbersOn = (bytes: Buffer) => decodeEscPos(bytes).texts.map((t) => t.text).filter((t) => numbers.includes(t));
    expect((await working.waitForJobs(2)).map(numbersOn)).toEqual([[res.body.number], [barrier.body.number]]);
    expect(await printerStatus(server)).toMatchObject({ state: 'ok', reason: null });
  });

  test('a printer that never answers status queries prints with statusQuery off', async () => {
    const printer = await capture('silent');
    await setKioskSettings(server, { statusQuery: false });
    const res = await issueAtKiosk(server, 'ru');
    expect(res.body.print).toEqual({ status: 'printed' });
    const [bytes] = await printer.waitForJobs(1);
    const job = decodeEscPos(bytes!);
    expect(job.statusQueries).toEqual([]);
    expect(rasterQrPayloads(job)).toEqual([res.body.statusUrl]);
    await setKioskSettings(server, { statusQuery: true });
  });

  test('a device path: the job is written to it; a missing device fails as "unreachable"', async () => {
    const device = join(dir, 'lp0');
    writeFileSync(device, '');
    await setKioskSettings(server, { printer: device });
    const res = await issueAtKiosk(server, 'bg');
    expect(res.body.print).toEqual({ status: 'printed' });
    const job = decodeEscPos(readFileSync(device));
    expect(job.texts.some((t) => t.text === res.body.number)).toBe(true);
    expect(rasterQrPayloads(job)).toEqual([res.body.statusUrl]);
    expect(await printerStatus(server)).toMatchObject({ via: 'device', state: 'ok' });

    await setKioskSettings(server, { printer: join(dir, 'unplugged') });
    const missing = await issueAtKiosk(server, 'bg');
    expect(missing.body.print).toEqual({ status: 'failed', reason: 'unreachable' });
    expect(await printerStatus(server)).toMatchObject({ via: 'device', state: 'error', reason: 'unreachable' });
  });

  test('a malformed printer setting: failed "bad_setting"; "none": nothing to print', async () => {
    await setKioskSettings(server, { printer: 'lpt1' });
    expect((await issueAtKiosk(server, 'de')).body.print).toEqual({ status: 'failed', reason: 'bad_setting' });
    expect(await printerStatus(server)).toMatchObject({ via: 'none', state: 'error', reason: 'bad_setting' });

    await setKioskSettings(server, { printer: 'none' });
    expect((await issueAtKiosk(server, 'de')).body.print).toEqual({ status: 'none' });
    expect(await printerStatus(server)).toMatchObject({ via: 'none', state: 'none' });
  });

  test('an unknown kiosk id: the ticket is still issued, print failed "no_such_kiosk"', async () => {
    const res = await issueAtKiosk(server, 'de', { kioskId: 'kiosk-nowhere' });
    expect(res.body.print).toEqual({ status: 'failed', reason: 'no_such_kiosk' });
  });
});
