/**
 * Elements never talk to the server: they send what the user asked for up to
 * their app's root as an intent, and only the root acts on it. Each app has
 * one intent event, `<app>-intent`, bubbling and composed (so it crosses
 * shadow roots), carrying one of the app's intents: `{type, ...fields}`,
 * typed by the app's map from intent type to its fields.
 */
export type IntentOf<M> = { [K in keyof M & string]: { type: K } & M[K] }[keyof M & string];

/** The fields of an intent that has none besides its type. */
export type NoFields = object;

export interface Intents<M> {
  /** The DOM event's name, `<app>-intent`. */
  readonly event: string;
  fire(from: EventTarget, intent: IntentOf<M>): void;
  /** Hands every intent that reaches `root` to `handle`; returns the unsubscribe. */
  listen(root: EventTarget, handle: (intent: IntentOf<M>) => void): () => void;
}

export function defineIntents<M>(app: string): Intents<M> {
  const event = `${app}-intent`;
  // The events this app fired, with their intents: the type is known without reading `detail` back.
  const sent = new WeakMap<Event, IntentOf<M>>();
  return {
    event,
    fire(from, intent) {
      const e = new CustomEvent(event, { detail: intent, bubbles: true, composed: true });
      sent.set(e, intent);
      from.dispatchEvent(e);
    },
    listen(root, handle) {
      const listener = (e: Event) => {
        const intent = sent.get(e);
        if (intent) handle(intent);
      };
      root.addEventListener(event, listener);
      return () => root.removeEventListener(event, listener);
    },
  };
}
