import { randomBytes } from 'node:crypto';
import type { Sequenced } from '../../common/protocol.js';

/**
 * Numbers the pushes of one namespace. The epoch changes with every server
 * start, so a client that kept its last seq across a restart still resyncs.
 */
export class Sequencer {
  readonly epoch = randomBytes(6).toString('base64url');
  private seq = 0;

  next(): Sequenced {
    this.seq += 1;
    return { seq: this.seq, epoch: this.epoch };
  }

  current(): Sequenced {
    return { seq: this.seq, epoch: this.epoch };
  }
}
