import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { AgentTokenIssuedSchema } from '../../common/dto-schemas.js';
import { startPrintAgent, type PrintAgent } from '../../server/print-agent/agent.js';
import { parsePrinterAddress } from '../../common/printer-address.js';
import { PRINT_WAIT_MS } from '../../server/print/timing.js';
import { checked } from '../helpers/checked.js';
import { anyOf } from '../helpers/matchers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { startCapturePrinter, type CapturePrinter } from './capture-printer.js';
import { decodeEscPos, rasterQrPayloads } from './escpos-decoder.js';
import { api, issueAtKiosk, KIOSK, printerStatus, setKioskSettings, WEDNESDAY_9 } from './support.js';

/** A kiosk PC with its own printer: the print agent connects to the server and prints that kiosk's tickets. */
describe('print agent', () => {
  let server: TestServer;
  let admin: string;
  let token: string;
  const agents: PrintAgent[] = [];
  const printers: CapturePrinter[] = [];

  const start = (printer: CapturePrinter, o: { token?: string } = {}) => {
    const log: string[] = [];
    const refused: string[] = [];
    const address = parsePrinterAddress(printer.address);
    if (address.kind !== 'tcp') throw new Error('tcp expected');
    const agent = startPrintAgent({
      server: server.url,
      kioskId: KIOSK,
      token: o.token ?? token,
      printer: address,
      statusQuery: true,
      log: (line) => log.push(line),
      onRefused: (message) => refused.push(message),
    });
    agents.push(agent);
    return { agent, log, refused };
  };
  const tokenEvents = () =>
    server.app.office.store.read(server.app.office.siteId, async (r) =>
      (await r.events.latest(['device.agent_token_issued'], 10))
        .reverse()
        .map((e) => ({ userId: e.userId, data: e.data })),
    );
  const capture = async (...args: Parameters<typeof startCapturePrinter>) => {
    const p = await startCapturePrinter(...args);
    printers.push(p);
    return p;
  };

  beforeAll(async () => {
    server = await startTestServer({}, WEDNESDAY_9);
    admin = await server.login('admin');
    await setKioskSettings(server, { printer: 'none' });
  });
  afterEach(async () => {
    for (const a of agents.splice(0)) a.close();
    for (const p of printers.splice(0)) await p.close();
  });
  afterAll(() => server.close());

  test('an admin creates the agent token; staff may not; a kiosk without printer or agent prints nothing', async () => {
    expect((await issueAtKiosk(server, 'de')).body.print).toEqual({ status: 'none' });
    const staff = await server.login('ftesfaye');
    expect((await api(server, 'POST', `/api/printers/${KIOSK}/agent-token`, { cookie: staff, json: {} })).status).toBe(403);
    expect((await api(server, 'POST', '/api/printers/anzeige-eg/agent-token', { cookie: admin, json: {} })).status).toBe(404);
    const res = await api(server, 'POST', `/api/printers/${KIOSK}/agent-token`, { cookie: admin, json: {} });
    expect(res.status).toBe(201);
    const issued = checked(AgentTokenIssuedSchema, res.body);
    expect(issued.kioskId).toBe(KIOSK);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    token = issued.token;
    // Logged with the admin who did it; the token itself is nowhere in the log.
    expect(await tokenEvents()).toEqual([{ userId: anyOf(String), data: { kioskId: KIOSK, replaced: false } }]);
    expect(JSON.stringify(await tokenEvents())).not.toContain(token);
    // Enrolled for an agent, but none is connected: the kiosk shows its fallback.
    expect((await issueAtKiosk(server, 'de')).body.print).toEqual({ status: 'failed', reason: 'agent_offline' });
    expect(await printerStatus(server)).toMatchObject({ via: 'agent', state: 'error', reason: 'agent_offline' });
  });

  test('the agent prints the kiosk’s tickets on its local printer and reports its status', async () => {
    const printer = await capture('ok');
    const { agent, log } = start(printer);
    await expect.poll(() => agent.socket.connected).toBe(true);
    // The report on connect: the printer answered its status query.
    await expect.poll(async () => (await printerStatus(server)).state).toBe('ok');
    expect(log.some((l) => l.startsWith('connected'))).toBe(true);

    const res = await issueAtKiosk(server, 'ti');
    expect(res.body.print).toEqual({ status: 'printed' });
    const [bytes] = await printer.waitForJobs(1);
    const job = decodeEscPos(bytes!);
    expect(job.texts.some((t) => t.text === res.body.number)).toBe(true);
    expect(rasterQrPayloads(job)).toEqual([res.body.statusUrl]);
    expect(await printerStatus(server)).toMatchObject({ via: 'agent', state: 'ok', lastSuccessAt: server.clock.now });
    expect(log).toContain(`printed ${res.body.number}`);
  });

  test('the agent’s printer fails: the kiosk learns "failed" with the agent’s reason', async () => {
    const printer = await capture('ok', { status: { printer: 0x12, offline: 0x16, paper: 0x12 } });
    const { agent } = start(printer);
    await expect.poll(() => agent.socket.connected).toBe(true);
    const res = await issueAtKiosk(server, 'de');
    expect(res.body.print).toEqual({ status: 'failed', reason: 'cover_open' });
    expect(await printerStatus(server)).toMatchObject({ via: 'agent', state: 'error', reason: 'cover_open' });
  });

  test('an agent job still open when the kiosk stops waiting is answered "agent", and completes later', async () => {
    const printer = await capture('slow', { jobDelayMs: PRINT_WAIT_MS + 1500 });
    const { agent } = start(printer);
    await expect.poll(() => agent.socket.connected).toBe(true);
    // A new minute, so the success below is this ticket's and no earlier one's.
    server.clock.advance(60_000);
    const res = await issueAtKiosk(server, 'ar');
    expect(res.body.print).toEqual({ status: 'agent' });
    expect((await printerStatus(server)).lastSuccessAt).toBeLessThan(server.clock.now);
    expect(res.ms).toBeLessThan(PRINT_WAIT_MS + 500);
    await expect.poll(async () => (await printerStatus(server)).lastSuccessAt, { timeout: 5000 }).toBe(server.clock.now);
  });

  test('a wrong token is refused; a new token drops the connected agent; without an agent nothing prints', async () => {
    const printer = await capture('ok');
    const wrong = start(printer, { token: 'x'.repeat(43) });
    await expect.poll(() => wrong.refused.length).toBe(1);
    expect(wrong.refused[0]).toMatch(/^UNAUTHENTICATED/);
    expect(wrong.agent.socket.connected).toBe(false);

    const { agent } = start(printer);
    await expect.poll(() => agent.socket.connected).toBe(true);
    const renewed = await api(server, 'POST', `/api/printers/${KIOSK}/agent-token`, { cookie: admin, json: {} });
    expect(renewed.status).toBe(201);
    await expect.poll(() => agent.socket.connected).toBe(false);
    expect((await tokenEvents()).at(-1)).toMatchObject({ data: { kioskId: KIOSK, replaced: true } });
    agent.close();
    expect((await issueAtKiosk(server, 'de')).body.print).toEqual({ status: 'failed', reason: 'agent_offline' });
    token = checked(AgentTokenIssuedSchema, renewed.body).token;
  });
});
