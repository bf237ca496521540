import type { DisplayCall, PublicService } from '../../common/dto.js';
import type { DeviceChanged, Sequenced } from '../../common/protocol.js';
import type { DisplayNamespace } from './namespaces.js';
import type { PushPacer, PushTarget } from './push-pacer.js';
import { Sequencer } from './sequencer.js';
import type { PushCount } from './snapshot-cache.js';

/** Longest `area` handshake value looked at; an office has a handful of areas with short ids. */
const AREA_FIELD_MAX = 500;
/** The room of the screens that show every area (no `area` in the handshake, as displays built before #14). */
export const ALL_AREAS = '*';

/**
 * The areas a display asks for in its handshake (`auth.area`, "eg" or
 * "eg,og1"), as a sorted list of known areas; null means every area. Unknown
 * areas are dropped, and a screen that names none we know gets every area and
 * filters on its own, as every screen did before calls were routed.
 */
export function displayAreas(requested: unknown, known: ReadonlySet<string>): string[] | null {
  if (typeof requested !== 'string' || requested.length > AREA_FIELD_MAX) return null;
  const areas = [...new Set(requested.split(',').map((a) => a.trim()))].filter((a) => known.has(a)).sort();
  return areas.length > 0 ? areas : null;
}

export const roomKey = (areas: readonly string[] | null): string => (areas ? areas.join(',') : ALL_AREAS);
const roomName = (key: string) => `areas:${key}`;

/** The screens that show one set of areas, numbered among themselves. */
export interface DisplayRoom {
  key: string;
  /** null: every area. */
  areas: readonly string[] | null;
  seq: Sequencer;
}

/**
 * #14: /display sockets join one room per set of areas they show, and each
 * room numbers its own pushes (a screen of area eg must see no gap when a
 * call of og1 goes to other screens). `ticket:called` goes to the rooms whose
 * areas hold the counter's area (the all-areas room included), so an idle
 * screen of another floor costs a call nothing. A room goes when its last
 * screen leaves; the next one starts a fresh sequence under a new epoch.
 */
export class DisplayRooms implements PushCount {
  private readonly rooms = new Map<string, DisplayRoom>();
  private pushes = 0;

  /** #14 target 6: each room's pushes go out in order, a large room's slice by slice (push-pacer.ts). */
  constructor(
    private readonly ns: DisplayNamespace,
    private readonly pacer: PushPacer,
  ) {
    this.rooms.set(ALL_AREAS, { key: ALL_AREAS, areas: null, seq: new Sequencer() });
    ns.adapter.on('delete-room', (name: string) => {
      if (!name.startsWith('areas:')) return;
      const key = name.slice('areas:'.length);
      if (key !== ALL_AREAS) this.rooms.delete(key);
    });
  }

  /** #15: every screen hears that a device record changed; the one it names reads it again. */
  deviceChanged(e: DeviceChanged): void {
    this.ns.emit('device:changed', e);
  }

  /** The room for a screen showing `areas` (created on first use); the socket joins it with `join`. */
  room(areas: readonly string[] | null): DisplayRoom {
    const key = roomKey(areas);
    let room = this.rooms.get(key);
    if (!room) {
      room = { key, areas, seq: new Sequencer() };
      this.rooms.set(key, room);
    }
    return room;
  }

  readonly join = (socket: { join(room: string): unknown }, room: DisplayRoom): void => {
    void socket.join(roomName(room.key));
    // The room may have gone (its last screen left) between being looked up and joined.
    if (!this.rooms.has(room.key)) this.rooms.set(room.key, room);
  };

  /** A call, to the screens of its counter's area and those showing every area. */
  call(call: DisplayCall): void {
    for (const room of this.rooms.values()) {
      if (room.areas === null || room.areas.includes(call.area)) {
        const push = { ...call, ...this.next(room) };
        this.paced(room, (target) => this.to(room, target).emit('ticket:called', push));
      }
    }
  }

  /** The services' state goes to every screen; `sent` once it reached them all. */
  services(services: PublicService[], sent: () => void = () => undefined): void {
    let left = this.rooms.size;
    const one = () => {
      left -= 1;
      if (left === 0) sent();
    };
    for (const room of [...this.rooms.values()]) {
      const push = { services, ...this.next(room) };
      this.paced(room, (target) => this.to(room, target).emit('services:status', push), one);
    }
  }

  /** Moves with every push to any room. */
  get version(): number {
    return this.pushes;
  }

  stamps(): ReadonlyMap<Sequencer, Sequenced> {
    return new Map([...this.rooms.values()].map((r) => [r.seq, r.seq.current()]));
  }

  private next(room: DisplayRoom): Sequenced {
    this.pushes += 1;
    return room.seq.next();
  }

  private paced(room: DisplayRoom, send: (target: PushTarget) => void, sent?: () => void): void {
    const name = roomName(room.key);
    this.pacer.push(name, () => this.ns.adapter.rooms.get(name), send, sent);
  }

  private to(room: DisplayRoom, target: PushTarget) {
    return this.ns.to(target ?? roomName(room.key));
  }
}
