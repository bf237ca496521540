import { AppError } from '../../common/errors.js';

export interface SignInLimits {
  /** Failed logins one client address may make per window, whatever the usernames; successful ones do not count. */
  loginFailuresPerAddress: number;
  loginFailureWindowMs: number;
  /** Password checks (scrypt, about 100 ms of a core each) running at once. */
  loginConcurrentChecks: number;
  /** Logins waiting for a check; past that a login is refused at once. */
  loginWaiting: number;
}

interface Waiting {
  address: string;
  start(): void;
  refuse(err: AppError): void;
}

/** Past this many addresses with failures, expired ones are swept out. */
const SWEEP_ABOVE = 10_000;

/**
 * Keeps password checks from starving everything else. A client address that
 * failed `loginFailuresPerAddress` times in the window gets TOO_MANY_LOGINS
 * without a check (the logins it has under way count as failures until they
 * succeed, so a burst cannot slip past the limit). At most
 * `loginConcurrentChecks` checks run and `loginWaiting` wait; a login past
 * that is refused at once. When the waiting places are full, a newcomer from
 * an address with fewer waiting logins takes the place of the latest waiting
 * login of the address with the most, so a flood from one address does not
 * lock out everyone else.
 */
export class SignInGate {
  private readonly failures = new Map<string, number[]>();
  private readonly underWay = new Map<string, number>();
  private readonly queue: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly limits: SignInLimits,
    private readonly now: () => number,
  ) {}

  /** Runs `signIn` (which checks the password) for a login from `address`, within the limits. */
  async run<T>(address: string, signIn: () => Promise<T>): Promise<T> {
    const now = this.now();
    if (this.recentFailures(address, now) + (this.underWay.get(address) ?? 0) >= this.limits.loginFailuresPerAddress) {
      throw new AppError('TOO_MANY_LOGINS');
    }
    this.underWay.set(address, (this.underWay.get(address) ?? 0) + 1);
    try {
      await this.turn(address);
      try {
        return await signIn();
      } catch (err) {
        // #15: a wrong current password on a password change counts like a failed login.
        if (err instanceof AppError && (err.code === 'INVALID_CREDENTIALS' || err.code === 'CURRENT_PASSWORD_WRONG')) this.recordFailure(address);
        throw err;
      } finally {
        this.release();
      }
    } finally {
      const left = (this.underWay.get(address) ?? 1) - 1;
      if (left > 0) this.underWay.set(address, left);
      else this.underWay.delete(address);
    }
  }

  /** Resolves when a check may start; rejects with TOO_MANY_LOGINS when there is no place. */
  private turn(address: string): Promise<void> {
    if (this.running < this.limits.loginConcurrentChecks) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry: Waiting = {
        address,
        start: () => {
          this.running += 1;
          resolve();
        },
        refuse: reject,
      };
      if (this.queue.length < this.limits.loginWaiting) {
        this.queue.push(entry);
        return;
      }
      const evicted = this.evictFor(address);
      if (!evicted) return reject(new AppError('TOO_MANY_LOGINS'));
      evicted.refuse(new AppError('TOO_MANY_LOGINS'));
      this.queue.push(entry);
    });
  }

  /** The latest waiting login of the address with the most waiting, if it has more than `address` would. */
  private evictFor(address: string): Waiting | null {
    const counts = new Map<string, number>();
    for (const w of this.queue) counts.set(w.address, (counts.get(w.address) ?? 0) + 1);
    let top: string | null = null;
    let most = 0;
    for (const [a, n] of counts) {
      if (n > most) [top, most] = [a, n];
    }
    if (top === null || top === address || most <= (counts.get(address) ?? 0) + 1) return null;
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]?.address === top) return this.queue.splice(i, 1)[0] ?? null;
    }
    return null;
  }

  private release(): void {
    this.running -= 1;
    this.queue.shift()?.start();
  }

  private recentFailures(address: string, now: number): number {
    const times = this.failures.get(address);
    if (!times) return 0;
    const since = now - this.limits.loginFailureWindowMs;
    while (times.length > 0 && (times[0] ?? 0) <= since) times.shift();
    if (times.length === 0) this.failures.delete(address);
    return times.length;
  }

  private recordFailure(address: string): void {
    const now = this.now();
    if (this.failures.size > SWEEP_ABOVE) for (const a of [...this.failures.keys()]) this.recentFailures(a, now);
    const times = this.failures.get(address) ?? [];
    times.push(now);
    // Only the latest `limit` matter.
    if (times.length > this.limits.loginFailuresPerAddress) times.shift();
    this.failures.set(address, times);
  }
}

const gates = new WeakMap<object, SignInGate>();

/**
 * The one gate of an office (#15): logins and password changes count against the same limits,
 * whichever route checks the password.
 */
export function signInGate(owner: object, limits: SignInLimits, now: () => number): SignInGate {
  let gate = gates.get(owner);
  if (!gate) gates.set(owner, (gate = new SignInGate(limits, now)));
  return gate;
}
