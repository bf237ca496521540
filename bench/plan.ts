/**
 * How big and how long each scenario is. The full plan stays under five
 * minutes on two cores; --quick is a smoke run of the same code paths.
 */
export interface Plan {
  mode: 'full' | 'quick';
  callLatency: {
    /** Display sockets: "small" and "large". */
    displays: { small: number; large: number };
    calls: { small: number; large: number };
    /** A steady calling rate: one call every … ms. */
    intervalMs: { small: number; large: number };
    warmup: number;
    /** #14: each size runs this often (real and floor interleaved each time); the ratio reported is the median run's. */
    runs: number;
  };
  throughput: {
    connections: number;
    /** Tickets measured at each queue length: from an empty queue, and from `waiting` waiting tickets. */
    measured: number;
    /** The waiting queue of the second measurement (filled by issuing, not measured). */
    waiting: number;
    /** Fresh servers, each measuring both queue lengths (and a floor next to it); figures are the medians. */
    repetitions: number;
    floorSeconds: number;
  };
  pickNext: { sizes: number[]; minMsPerSize: number };
  idleClients: {
    sockets: number;
    /** Calls before the idle sockets connect, and while they are connected (each push then reaches every idle display). */
    callsWith: number;
    /** No new handshake starts after this long; fewer sockets are then reported as such. */
    connectBudgetSeconds: number;
    displays: number;
    calls: number;
    intervalMs: number;
  };
  officeHour: {
    /** Wall seconds played; at `timeScale` 60 one second is one office minute. */
    seconds: number;
    timeScale: number;
    counters: number;
    /** Peak-hour arrivals of the office per (office) hour; the scenario plays ten times this. */
    peakPerHour: number;
    displays: number;
    /** #14 target 5: one GET /api/auth/me (the no-op authenticated floor) every … ms during the hour. */
    floorIntervalMs: number;
  };
  /** #14 scenario 7: phones following their tickets on /visitor. */
  phones: {
    /** /visitor sockets in all, `watched` of them following a ticket each of the called service. */
    sockets: number;
    watched: number;
    /** Tickets of other services the other sockets follow (several phones each). */
    otherTickets: number;
    calls: number;
    /** Real and floor calls alternate in this many blocks. */
    blocks: number;
    connectBudgetSeconds: number;
  };
  /** #13 part 3: GET /api/services and the kiosk page while one client floods the server, against the idle server. */
  fairness: {
    /** Seconds of each phase: idle, then each flood. */
    seconds: number;
    probeIntervalMs: number;
    /** Calls made before the floods (their announcements are asked for). */
    calls: number;
    /** /display sockets asking for snapshots back to back. */
    snapshotSockets: number;
    loginWorkers: number;
    announcementWorkers: number;
  };
  /** #14 target 2: each command's server time at a small and a large waiting queue (one server per size). */
  commandCost: {
    /** Waiting tickets written into the SQLite file before the measured start; the first and last are compared. */
    sizes: number[];
    /** Cycles of issue, call-next, start, transfer, call-next, start, finish; the warm-up is not measured. */
    cycles: number;
    warmupCycles: number;
  };
}

export const FULL: Plan = {
  mode: 'full',
  callLatency: {
    displays: { small: 100, large: 1000 },
    calls: { small: 1000, large: 1000 },
    intervalMs: { small: 30, large: 50 },
    warmup: 10,
    runs: 3,
  },
  throughput: { connections: 10, measured: 600, waiting: 2_000, repetitions: 3, floorSeconds: 2 },
  pickNext: { sizes: [100, 1_000, 10_000, 100_000], minMsPerSize: 400 },
  officeHour: { seconds: 40, timeScale: 60, counters: 20, peakPerHour: 120, displays: 10, floorIntervalMs: 50 },
  idleClients: { sockets: 10_000, connectBudgetSeconds: 45, displays: 100, calls: 200, callsWith: 200, intervalMs: 100 },
  phones: { sockets: 10_000, watched: 2_000, otherTickets: 2_000, calls: 100, blocks: 4, connectBudgetSeconds: 60 },
  fairness: { seconds: 8, probeIntervalMs: 20, calls: 28, snapshotSockets: 20, loginWorkers: 40, announcementWorkers: 26 },
  commandCost: { sizes: [100, 10_000], cycles: 60, warmupCycles: 10 },
};

export const QUICK: Plan = {
  mode: 'quick',
  callLatency: {
    displays: { small: 20, large: 60 },
    calls: { small: 12, large: 12 },
    intervalMs: { small: 50, large: 50 },
    warmup: 2,
    runs: 3,
  },
  throughput: { connections: 10, measured: 60, waiting: 150, repetitions: 1, floorSeconds: 0.5 },
  pickNext: { sizes: [100, 1_000, 10_000, 100_000], minMsPerSize: 40 },
  idleClients: { sockets: 200, connectBudgetSeconds: 8, displays: 20, calls: 8, callsWith: 8, intervalMs: 50 },
  officeHour: { seconds: 4, timeScale: 60, counters: 20, peakPerHour: 120, displays: 4, floorIntervalMs: 50 },
  phones: { sockets: 300, watched: 60, otherTickets: 40, calls: 6, blocks: 2, connectBudgetSeconds: 10 },
  fairness: { seconds: 1, probeIntervalMs: 20, calls: 2, snapshotSockets: 2, loginWorkers: 6, announcementWorkers: 2 },
  commandCost: { sizes: [100, 1_000], cycles: 3, warmupCycles: 1 },
};
