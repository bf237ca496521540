import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { PrintOutcome, ReprintOutcome, SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { PrintFailure, PrinterStatus, PublicPrinterStatus } from '../../common/printing.js';
import { kioskDevice, kioskDevices, onlyKiosk, type KioskDevice } from '../app/kiosks.js';
import type { Office } from '../app/office.js';
import { receiptFacts, recordReprint, reprintedTicketId, testTicketFacts, type TicketFacts } from '../app/receipts.js';
import type { TicketPrinting } from '../app/ticket-printing.js';
import { AgentHub, type AgentServerHost } from './agent-hub.js';
import { sendDevice } from './device-printer.js';
import { registerPrintFonts } from './fonts.js';
import { paperWidth, printerStatus, routeOf, statusQueryOn, targetOf, type Route } from './kiosk-printer.js';
import { PrintError } from './print-error.js';
import { PrintQueue } from './print-queue.js';
import { PrinterHealth } from './printer-health.js';
import { sendTcp, type SendResult } from './tcp-printer.js';
import type { PaperWidth } from './ticket-canvas.js';
import { ticketJob, ticketPng } from './ticket-output.js';
import { AGENT_JOB_TIMEOUT_MS, JOB_TIMEOUT_MS, MAX_QUEUED_JOBS, PRINT_WAIT_MS } from './timing.js';

/** What happened to a job; the reason is always a failure code, so the event log can keep it. */
type Outcome = PrintOutcome & { reason?: PrintFailure };

/** Tickets remembered with their kiosk so a reprint goes back there; a day's worth is plenty. */
const REMEMBERED_TICKETS = 20_000;

/**
 * Prints tickets on kiosk printers: one queue per kiosk, a bounded wait for
 * the kiosk, status per printer for staff and the health check. A print
 * never fails the request that asked for it; the outcome says what happened.
 */
export class PrintService implements TicketPrinting {
  private readonly queues = new Map<string, PrintQueue>();
  private readonly health = new PrinterHealth();
  private readonly agents: AgentHub;
  private readonly issuingKiosk = new Map<string, string>();

  constructor(
    private readonly office: Office,
    private readonly log: FastifyBaseLogger,
  ) {
    // Fails start-up loudly if a font is missing, rather than printing blank tickets later.
    registerPrintFonts();
    this.agents = new AgentHub(office, log, (kioskId, report) =>
      this.health.reported(kioskId, 'agent', office.now(), report),
    );
  }

  attachAgents(io: AgentServerHost): void {
    this.agents.attach(io);
  }

  /** After a kiosk drew a ticket: print it there, waiting at most PRINT_WAIT_MS. No kiosk, no print. */
  async printIssued(ticket: { id: string; number: string }, kioskId: string | undefined): Promise<PrintOutcome> {
    if (!kioskId) return { status: 'none' };
    this.issuingKiosk.set(ticket.id, kioskId);
    if (this.issuingKiosk.size > REMEMBERED_TICKETS) this.issuingKiosk.delete(this.issuingKiosk.keys().next().value!);
    return this.printBounded(ticket, kioskId);
  }

  /** Staff reprint, on the given kiosk or the one that issued the ticket. Recorded in the event log. */
  async reprint(ticketRef: string, kioskId: string | undefined, staff: SessionUser): Promise<ReprintOutcome> {
    const ticketId = await reprintedTicketId(this.office, ticketRef);
    const { facts } = await receiptFacts(this.office, ticketId);
    const target = kioskId ?? this.issuingKiosk.get(ticketId) ?? (await onlyKiosk(this.office))?.id;
    if (!target) throw new AppError('INVALID_INPUT', 'Which kiosk should print? Give kioskId.');
    if (!(await kioskDevice(this.office, target))) throw new AppError('NOT_FOUND', `No kiosk "${target}".`);
    const outcome = await this.printBounded({ id: ticketId, number: facts.number }, target);
    await recordReprint(this.office, ticketId, target, outcome, staff);
    return { ...outcome, kioskId: target };
  }

  async printTest(kioskId: string): Promise<PrintOutcome> {
    if (!(await kioskDevice(this.office, kioskId))) throw new AppError('DEVICE_NOT_FOUND', `No kiosk "${kioskId}".`);
    const facts = await testTicketFacts(this.office);
    return this.printBounded({ id: `test-${randomUUID()}`, number: facts.number }, kioskId, () => Promise.resolve(facts));
  }

  /** The ticket as a PNG. The public may see it while the token is valid; staff always. */
  async receiptPng(ticketId: string, width: PaperWidth, staff: SessionUser | null): Promise<Buffer> {
    const { facts, expired } = await receiptFacts(this.office, ticketId);
    if (expired && !staff) throw new AppError('TICKET_EXPIRED');
    return ticketPng(facts, width);
  }

  async statuses(): Promise<PrinterStatus[]> {
    return (await kioskDevices(this.office)).map((d) => {
      const connected = this.agents.connected(d.id);
      const route = routeOf(d, connected);
      return printerStatus(d, route, this.health.get(d.id, targetOf(route)), connected, this.queues.get(d.id)?.pending ?? 0);
    });
  }

  async publicStatuses(): Promise<PublicPrinterStatus[]> {
    return (await this.statuses()).map((s) => ({
      kioskId: s.kioskId,
      via: s.via,
      state: s.state,
      reason: s.reason,
      warning: s.warning,
      lastSuccessAt: s.lastSuccessAt,
      lastFailureAt: s.lastFailureAt,
    }));
  }

  close(): void {
    for (const q of this.queues.values()) q.close();
    this.agents.close();
  }

  private async printBounded(
    ticket: { id: string; number: string },
    kioskId: string,
    facts: () => Promise<TicketFacts> = async () => (await receiptFacts(this.office, ticket.id)).facts,
  ): Promise<Outcome> {
    const device = await kioskDevice(this.office, kioskId);
    if (!device) return { status: 'failed', reason: 'no_such_kiosk' };
    const route = routeOf(device, this.agents.connected(device.id));
    if (route.kind === 'none') return { status: 'none' };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PRINT_WAIT_MS)));
    const outcome = await Promise.race([this.print(ticket, device, route, facts), late]);
    clearTimeout(timer);
    if (outcome) return outcome;
    // Only an agent job can still be open here: server-side jobs end at JOB_TIMEOUT_MS.
    return route.kind === 'agent' ? { status: 'agent' } : { status: 'failed', reason: 'timeout' };
  }

  private async print(
    ticket: { id: string; number: string },
    device: KioskDevice,
    route: Exclude<Route, { kind: 'none' }>,
    facts: () => Promise<TicketFacts>,
  ): Promise<Outcome> {
    const kioskId = device.id;
    const target = targetOf(route);
    try {
      if (route.kind === 'invalid') throw new PrintError('bad_setting', `"${route.value}" is not a printer address`);
      const timeout = route.kind === 'agent' ? AGENT_JOB_TIMEOUT_MS : JOB_TIMEOUT_MS;
      const result = await this.queueOf(kioskId).run(timeout, async (signal) => {
        // Rendering is synchronous; let other requests run between tickets.
        await yieldToLoop();
        const job = await this.render(facts, paperWidth(device));
        return this.transmit(route, kioskId, ticket.number, job, timeout, signal, device);
      });
      this.health.printed(kioskId, target, this.office.now(), result.paperLow);
      if (result.paperLow) this.log.warn({ kioskId }, 'printer paper is running low');
      return { status: 'printed' };
    } catch (err) {
      const e = err instanceof PrintError ? err : new PrintError('printer_error', err instanceof Error ? err.message : String(err));
      this.health.failed(kioskId, target, this.office.now(), e);
      this.log.warn({ kioskId, ticket: ticket.number, reason: e.reason, detail: e.message }, 'ticket not printed');
      return { status: 'failed', reason: e.reason };
    }
  }

  private async render(facts: () => Promise<TicketFacts>, width: PaperWidth): Promise<Buffer> {
    try {
      return ticketJob(await facts(), width);
    } catch (err) {
      throw new PrintError('render_failed', err instanceof Error ? err.message : String(err));
    }
  }

  private transmit(
    route: Exclude<Route, { kind: 'none' } | { kind: 'invalid' }>,
    kioskId: string,
    number: string,
    job: Buffer,
    timeoutMs: number,
    signal: AbortSignal,
    device: KioskDevice,
  ): Promise<SendResult> {
    switch (route.kind) {
      case 'tcp':
        return sendTcp(route.host, route.port, job, { statusQuery: statusQueryOn(device), signal });
      case 'device':
        return sendDevice(route.path, job, signal);
      case 'agent':
        return this.agents.send(kioskId, { jobId: randomUUID(), number, timeoutMs, data: job }, signal);
    }
  }

  private queueOf(kioskId: string): PrintQueue {
    let q = this.queues.get(kioskId);
    if (!q) {
      q = new PrintQueue(MAX_QUEUED_JOBS);
      this.queues.set(kioskId, q);
    }
    return q;
  }
}
