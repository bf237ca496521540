import Type from 'typebox';
import { PRINT_FAILURES, type PrintFailure } from '../../common/printing.js';

/**
 * The socket contract between the server and a print agent on a kiosk PC.
 * The agent logs in as its kiosk with a device token an admin created
 * (POST /api/printers/:id/agent-token); the server sends finished
 * ESC/POS jobs, the agent prints them and answers with the result.
 */
export const PRINT_AGENT_NAMESPACE = '/print-agent';
export const PRINT_AGENT_PROTOCOL = 1;

export interface AgentAuth {
  protocol: number;
  kioskId: string;
  token: string;
}

export interface AgentJob {
  jobId: string;
  /** The ticket number, for the agent's log. */
  number: string;
  /** The agent gives up after this long; the server has stopped waiting by then. */
  timeoutMs: number;
  data: Buffer;
}

export type AgentJobResult = { ok: true; paperLow: boolean } | { ok: false; reason: PrintFailure; detail: string };

/** The agent's own view of its printer, sent on connect and while idle. */
export interface AgentReport {
  ok: boolean;
  reason?: PrintFailure;
  detail?: string;
  paperLow?: boolean;
}

export interface AgentServerEvents {
  'print:job': (job: AgentJob, ack: (result: AgentJobResult) => void) => void;
}

export interface AgentClientEvents {
  'agent:status': (report: AgentReport) => void;
}

const Reason = Type.Union(PRINT_FAILURES.map((r) => Type.Literal(r)));

export const AgentReportSchema = Type.Object(
  {
    ok: Type.Boolean(),
    reason: Type.Optional(Reason),
    detail: Type.Optional(Type.String({ maxLength: 500 })),
    paperLow: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AgentJobResultSchema = Type.Union([
  Type.Object({ ok: Type.Literal(true), paperLow: Type.Boolean() }, { additionalProperties: false }),
  Type.Object({ ok: Type.Literal(false), reason: Reason, detail: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
]);
