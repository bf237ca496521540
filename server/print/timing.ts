/**
 * Every time bound of printing in one place. A kiosk must never wait long for
 * paper: the visitor stands in front of it, and the ticket exists anyway.
 */

/** Opening the TCP connection to a network printer. */
export const CONNECT_TIMEOUT_MS = 2_000;

/** A printer that answers nothing to a status query within this is treated as hanging. */
export const STATUS_TIMEOUT_MS = 1_500;

/** A job printed by the server: from the moment it is queued until the printer confirms it. */
export const JOB_TIMEOUT_MS = 3_500;

/** A job handed to a print agent: it has a network hop and its own printer in between. */
export const AGENT_JOB_TIMEOUT_MS = 10_000;

/**
 * How long the issuing request waits for the print result. Longer than a
 * server-side job can take, so the kiosk learns "printed" or "failed"; an agent
 * job still open by then is answered as "agent".
 */
export const PRINT_WAIT_MS = 4_000;

/** Jobs waiting behind the one printing; more are refused as `busy` instead of piling up. */
export const MAX_QUEUED_JOBS = 3;

/** How often a print agent checks its printer while idle and reports the status. */
export const AGENT_PROBE_INTERVAL_MS = 60_000;
