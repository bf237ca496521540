import type { FastifyBaseLogger } from 'fastify';
import type { PublicService } from '../../common/dto.js';

/**
 * The services' state (`services:status`) for one audience (screens, kiosks),
 * at most once per `intervalMs` and never while the last one is still going
 * out (a push to thousands of sockets goes out slice by slice, push-pacer.ts):
 * a burst of commands costs one push per socket, the first change after a
 * quiet spell goes out at once, and a push that has not changed what the
 * audience shows is not sent.
 */
export class ServicesPush {
  private timer: NodeJS.Timeout | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;
  private last = '';
  /** A push is being read or sent; a request meanwhile waits for it to finish. */
  private busy = false;
  private again = false;
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly read: () => Promise<PublicService[]>,
    /** Sends the services; `sent` once they have reached every socket. */
    private readonly send: (services: PublicService[], sent: () => void) => void,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Something the audience shows may have changed. */
  request(): void {
    if (this.closed || this.timer) return; // a push is already planned and will read the latest state
    if (this.busy) {
      this.again = true;
      return;
    }
    const wait = this.lastAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.pushNow();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pushNow();
    }, wait);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private pushNow(): void {
    this.lastAt = Date.now();
    this.busy = true;
    const done = () => {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.request();
      }
    };
    this.read()
      .then((services) => {
        const json = JSON.stringify(services);
        if (json === this.last || this.closed) return done();
        this.last = json;
        this.send(services, done);
      })
      .catch((err: unknown) => {
        this.log.error({ err }, 'services broadcast failed');
        done();
      });
  }
}
