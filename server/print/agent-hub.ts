import type { FastifyBaseLogger } from 'fastify';
import type { Namespace, Server, Socket } from 'socket.io';
import { handshakeRefusal } from '../../common/errors.js';
import type { Office } from '../app/office.js';
import { validator } from '../app/validate.js';
import {
  AgentJobResultSchema,
  AgentReportSchema,
  PRINT_AGENT_NAMESPACE,
  PRINT_AGENT_PROTOCOL,
  type AgentAuth,
  type AgentClientEvents,
  type AgentJob,
  type AgentReport,
  type AgentServerEvents,
} from './agent-protocol.js';
import { AGENT_TOKEN_SETTING, agentTokenMatches } from './agent-token.js';
import { PrintError } from './print-error.js';
import type { SendResult } from './tcp-printer.js';

type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, { kioskId: string }>;

const checkReport = validator(AgentReportSchema);
const checkResult = validator(AgentJobResultSchema);

/**
 * The /print-agent namespace: at most one agent per kiosk (a new login
 * replaces the old connection), authenticated by the kiosk's device token.
 */
export class AgentHub {
  private readonly agents = new Map<string, AgentSocket>();
  private ns: Namespace<AgentClientEvents, AgentServerEvents> | null = null;

  constructor(
    private readonly office: Office,
    private readonly log: FastifyBaseLogger,
    private readonly onReport: (kioskId: string, report: AgentReport) => void,
  ) {}

  attach(io: Server): void {
    const ns = io.of(PRINT_AGENT_NAMESPACE) as unknown as Namespace<AgentClientEvents, AgentServerEvents>;
    this.ns = ns;
    ns.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as Partial<AgentAuth>;
      this.authenticate(auth).then(
        (kioskId) => {
          if (!kioskId) return next(handshakeRefusal('UNAUTHENTICATED', 'Unknown kiosk or wrong agent token.'));
          (socket as AgentSocket).data.kioskId = kioskId;
          next();
        },
        (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
      );
    });
    ns.on('connection', (s) => this.onConnection(s as AgentSocket));
  }

  private async authenticate(auth: Partial<AgentAuth>): Promise<string | null> {
    if (auth.protocol !== PRINT_AGENT_PROTOCOL) throw handshakeRefusal('PROTOCOL_MISMATCH', `The server speaks print agent protocol ${PRINT_AGENT_PROTOCOL}.`);
    if (typeof auth.kioskId !== 'string' || auth.kioskId.length > 64) return null;
    const kioskId = auth.kioskId;
    const device = await this.office.store.read((r) => r.device(kioskId));
    if (!device || device.kind !== 'kiosk') return null;
    return agentTokenMatches(auth.token, device.settings[AGENT_TOKEN_SETTING]) ? kioskId : null;
  }

  private onConnection(socket: AgentSocket): void {
    const kioskId = socket.data.kioskId;
    const previous = this.agents.get(kioskId);
    this.agents.set(kioskId, socket);
    if (previous) previous.disconnect(true);
    this.log.info({ kioskId, address: socket.handshake.address }, 'print agent connected');
    socket.on('agent:status', (payload: unknown) => {
      try {
        this.onReport(kioskId, checkReport(payload));
      } catch (err) {
        this.log.warn({ kioskId, err }, 'print agent sent an invalid status report');
      }
    });
    socket.on('disconnect', (why) => {
      if (this.agents.get(kioskId) === socket) this.agents.delete(kioskId);
      this.log.info({ kioskId, why }, 'print agent disconnected');
    });
  }

  connected(kioskId: string): boolean {
    return this.agents.has(kioskId);
  }

  /** Drops the kiosk's agent, e.g. after its token was replaced. */
  disconnect(kioskId: string): void {
    this.agents.get(kioskId)?.disconnect(true);
  }

  /** Hands a job to the kiosk's agent and waits for its result, until the signal aborts. */
  send(kioskId: string, job: AgentJob, signal: AbortSignal): Promise<SendResult> {
    const socket = this.agents.get(kioskId);
    if (!socket) return Promise.reject(new PrintError('agent_offline', 'the print agent of this kiosk is not connected'));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        cleanup();
        reject(new PrintError('timeout', 'the print agent did not report the result in time'));
      };
      const onGone = () => {
        cleanup();
        reject(new PrintError('agent_offline', 'the print agent disconnected during the job'));
      };
      const cleanup = () => {
        signal.removeEventListener('abort', onAbort);
        socket.off('disconnect', onGone);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once('disconnect', onGone);
      socket.timeout(job.timeoutMs).emit('print:job', job, (err: Error | null, payload: unknown) => {
        cleanup();
        if (err) return reject(new PrintError('timeout', 'the print agent did not answer'));
        try {
          const result = checkResult(payload);
          if (result.ok) resolve({ paperLow: result.paperLow });
          else reject(new PrintError(result.reason, `print agent: ${result.detail}`));
        } catch {
          reject(new PrintError('printer_error', 'the print agent sent an invalid result'));
        }
      });
    });
  }

  close(): void {
    for (const socket of this.agents.values()) socket.disconnect(true);
    this.agents.clear();
    this.ns?.removeAllListeners();
  }
}
