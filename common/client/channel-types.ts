import type { PayloadOf, ReplyOf, Sequenced } from '../protocol.js';

/**
 * What the live channel reads from a namespace's two event maps (server → client
 * `S`, client → server `C` in common/protocol.ts), so that apps name events and
 * the payload and reply types follow.
 */

/** The snapshot a namespace answers its `snapshot` request with. */
export type SnapshotOf<C> = Extract<ReplyOf<C, 'snapshot' & keyof C>, { ok: true }> extends { snapshot: infer X } ? X : never;

/** Server events whose payload is the snapshot (the one sent on connect). */
export type SnapshotEvent<S, C> = { [E in keyof S & string]: PayloadOf<S, E> extends SnapshotOf<C> ? E : never }[keyof S & string];

/** Server events whose payload is numbered: every one of them counts in the namespace's sequence. */
export type PushEvent<S> = { [E in keyof S & string]: PayloadOf<S, E> extends Sequenced ? E : never }[keyof S & string];

/** A handler for every numbered push except the snapshot: a push nobody applied would look like a gap. */
export type PushHandlers<S, K> = { [E in Exclude<PushEvent<S>, K>]: (payload: PayloadOf<S, E> & Sequenced) => void };

/** Unnumbered server events (signals): applied as they come, outside the sequence. */
export type SignalHandlers<S, K> = { [E in Exclude<keyof S & string, PushEvent<S> | K>]?: (payload: PayloadOf<S, E>) => void };

/** Client events that carry a payload and expect an acknowledgement: the commands. */
export type CommandEvent<C> = {
  [E in keyof C & string]: C[E] extends (...args: infer A) => void ? (A extends [unknown, unknown] ? E : never) : never;
}[keyof C & string];

/** The reply of a command that got no acknowledgement in time. */
export interface TimedOut {
  ok: false;
  error: { code: 'TIMEOUT'; message: string };
}

/** What a command resolves to: the namespace's reply, or TIMEOUT. */
export type CommandReply<C, E extends keyof C> = ReplyOf<C, E> | TimedOut;
