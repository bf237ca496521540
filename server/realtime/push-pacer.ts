import { setImmediate } from 'node:timers';

/**
 * Sockets written per turn of the event loop by pushes that go out slice by
 * slice. One write costs some tens of µs (socket.io encodes a broadcast once,
 * but each socket is a frame and a system call), so a slice holds the event
 * loop for a few ms at most.
 */
export const PUSH_SLICE_SOCKETS = 200;

/** Where a paced push goes: null for the whole room at once, or the sockets of one slice of it by id. */
export type PushTarget = string[] | null;

/** A room's sockets by id (a socket.io room, or a namespace's `sockets`). */
export type Members = { readonly size: number; keys(): Iterable<string> } | undefined;

interface Push {
  send(target: PushTarget): void;
  /** Called once the push has reached every socket it goes to (or found none). */
  sent?: () => void;
}

/** One room's pushes, one after another. */
interface Lane {
  readonly room: string;
  readonly members: () => Members;
  readonly queue: Push[];
  /** The push going out now and the sockets it has still to reach. */
  current: { push: Push; ids: string[]; next: number } | null;
}

/**
 * #14 target 6: a push to a room of thousands of sockets (`services:status`
 * to every kiosk) holds the event loop while it writes to each of them, and a
 * call to a hundred screens that comes meanwhile waits for all of it. The
 * pacer sends a room's pushes in order, one after another (a lane per room),
 * and a push to a large room slice by slice, `slice` sockets per turn of the
 * event loop shared by every room that has a push under way. A push to a room
 * with nothing before it that fits in a slice goes out at once: a call to the
 * screens of its area overtakes the status pushes to other rooms.
 *
 * Order: each room's pushes reach each of its sockets in the order they were
 * given (a seq per room, common/client/seq-tracker.ts). A push reaches the
 * sockets that are in the room when its turn comes; a socket that joins later
 * got a snapshot read after the push was numbered, so it holds the push's
 * state (seq) already and drops it if it came. A socket in several lanes
 * gets each lane's pushes in order, not the lanes' pushes among themselves:
 * a namespace that numbers its pushes with one sequence must use one lane.
 */
export class PushPacer {
  private readonly lanes = new Map<string, Lane>();
  /** Lanes with a push going out slice by slice, in turn. */
  private busy: Lane[] = [];
  private tick: NodeJS.Immediate | null = null;
  /** Sockets written by sliced pushes so far (for tests and the bench). */
  sliced = 0;

  constructor(private readonly slice = PUSH_SLICE_SOCKETS) {}

  /**
   * Queues a push to `room` (its sockets are `members()`, looked up when the
   * push's turn comes). `send` emits it to the target it is given: the whole
   * room (null), or a list of socket ids.
   */
  push(room: string, members: () => Members, send: (target: PushTarget) => void, sent?: () => void): void {
    let lane = this.lanes.get(room);
    if (!lane) {
      lane = { room, members, queue: [], current: null };
      this.lanes.set(room, lane);
    }
    lane.queue.push({ send, sent });
    if (!lane.current) this.advance(lane);
  }

  /** Pushes not yet sent in full, over every room. */
  get pending(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.queue.length + (lane.current ? 1 : 0);
    return n;
  }

  close(): void {
    if (this.tick) clearImmediate(this.tick);
    this.tick = null;
    this.lanes.clear();
    this.busy = [];
  }

  /** Sends the lane's queued pushes that fit at once; the first that does not goes out in slices. */
  private advance(lane: Lane): void {
    while (!lane.current) {
      const push = lane.queue.shift();
      if (!push) {
        this.lanes.delete(lane.room);
        return;
      }
      const members = lane.members();
      if (!members || members.size === 0) {
        push.sent?.();
        continue;
      }
      if (members.size <= this.slice) {
        push.send(null);
        push.sent?.();
        continue;
      }
      lane.current = { push, ids: [...members.keys()], next: 0 };
      this.busy.push(lane);
      this.tick ??= setImmediate(this.turn);
    }
  }

  /** One turn's slice, shared among the busy lanes. */
  private readonly turn = (): void => {
    this.tick = null;
    const lanes = this.busy;
    this.busy = [];
    const share = Math.max(1, Math.ceil(this.slice / lanes.length));
    for (const lane of lanes) {
      const current = lane.current;
      if (!current) continue;
      const ids = current.ids.slice(current.next, current.next + share);
      current.next += ids.length;
      this.sliced += ids.length;
      current.push.send(ids);
      if (current.next < current.ids.length) {
        this.busy.push(lane);
      } else {
        lane.current = null;
        current.push.sent?.();
        this.advance(lane);
      }
    }
    if (this.busy.length > 0) this.tick ??= setImmediate(this.turn);
  };
}
