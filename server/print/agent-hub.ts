import type { FastifyBaseLogger } from 'fastify';
import type { Namespace, Server, Socket } from 'socket.io';
import { handshakeRefusal } from '../../common/errors.js';
import type { Office } from '../app/office.js';
import { authenticateAgent } from '../app/print-agents.js';
import { validator } from '../app/validate.js';
import type { LoggedEvent } from '../domain/events.js';
import {
  AgentJobResultSchema,
  AgentReportSchema,
  PRINT_AGENT_NAMESPACE,
  PRINT_AGENT_PROTOCOL,
  type AgentClientEvents,
  type AgentJob,
  type AgentReport,
  type AgentServerEvents,
} from './agent-protocol.js';
import { PrintError } from './print-error.js';
import type { SendResult } from './tcp-printer.js';

type NoEvents = Record<string, never>;
/**
 * The socket.io server as the composition root hands it over. Its root
 * namespace carries no events, so `io.of()` can give this namespace its own
 * maps without a cast; the socket data stays the hub's own (`kioskOf`).
 */
export type AgentServerHost = Server<NoEvents, NoEvents, NoEvents, unknown>;
type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, NoEvents, unknown>;
type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, NoEvents, unknown>;

const checkReport = validator(AgentReportSchema);
const checkResult = validator(AgentJobResultSchema);

/**
 * The /print-agent namespace: at most one agent per kiosk (a new login
 * replaces the old connection), authenticated by the kiosk's device token.
 */
export class AgentHub {
  private readonly agents = new Map<string, AgentSocket>();
  /** The kiosk each authenticated socket speaks for. */
  private readonly kioskOf = new WeakMap<AgentSocket, string>();
  private ns: AgentNamespace | null = null;

  constructor(
    private readonly office: Office,
    private readonly log: FastifyBaseLogger,
    private readonly onReport: (kioskId: string, report: AgentReport) => void,
  ) {}

  /** A new token for a kiosk ends its agent's connection: the agent must log in with the new one. */
  private readonly onCommitted = (events: LoggedEvent[]): void => {
    for (const e of events) {
      if (e.type === 'device.agent_token_issued' || e.type === 'device.agent_token_revoked') this.disconnect(e.data.kioskId);
    }
  };

  attach(io: AgentServerHost): void {
    this.office.events.on('committed', this.onCommitted);
    const ns: AgentNamespace = io.of(PRINT_AGENT_NAMESPACE);
    this.ns = ns;
    ns.use((socket, next) => {
      this.authenticate(socket.handshake.auth).then(
        (kioskId) => {
          if (!kioskId) return next(handshakeRefusal('UNAUTHENTICATED', 'Unknown kiosk or wrong agent token.'));
          this.kioskOf.set(socket, kioskId);
          next();
        },
        (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
      );
    });
    ns.on('connection', (s) => this.onConnection(s));
  }

  /** The handshake's `auth` (`AgentAuth` in agent-protocol.ts) as the client sent it: checked field by field. */
  private async authenticate(auth: Record<string, unknown>): Promise<string | null> {
    if (auth.protocol !== PRINT_AGENT_PROTOCOL) throw handshakeRefusal('PROTOCOL_MISMATCH', `The server speaks print agent protocol ${PRINT_AGENT_PROTOCOL}.`);
    if (typeof auth.kioskId !== 'string' || auth.kioskId.length > 64) return null;
    return authenticateAgent(this.office, auth.kioskId, auth.token);
  }

  private onConnection(socket: AgentSocket): void {
    const kioskId = this.kioskOf.get(socket);
    if (kioskId === undefined) return void socket.disconnect(true);
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
  private disconnect(kioskId: string): void {
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
    this.office.events.off('committed', this.onCommitted);
    for (const socket of this.agents.values()) socket.disconnect(true);
    this.agents.clear();
    this.ns?.removeAllListeners();
  }
}

