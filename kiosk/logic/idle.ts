/** The countdown shows for the last IDLE_WARNING_MS (or the last half of a shorter limit). */
export const IDLE_WARNING_MS = 10_000;

export interface IdleStage {
  /** Time is up: go back to the start. */
  expired: boolean;
  /** Show the "are you still there?" countdown. */
  warning: boolean;
  secondsLeft: number;
}

export function idleStage(elapsedMs: number, limitMs: number): IdleStage {
  const left = Math.max(0, limitMs - elapsedMs);
  return {
    expired: left === 0,
    warning: left > 0 && left <= Math.min(IDLE_WARNING_MS, limitMs / 2),
    secondsLeft: Math.ceil(left / 1000),
  };
}
