import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & EventTarget;

/** A value an app's root hands to every element below it, however deep, without passing it through each one. */
export interface Context<T> {
  provide(host: Host, value: T): ContextProvider<T>;
  consume(host: Host): ContextConsumer<T>;
}

export interface ContextProvider<T> {
  /** Setting it re-renders every consumer. */
  value: T;
}

export interface ContextConsumer<T> {
  /** The provider's current value; there is one from the moment the element is connected. */
  readonly value: T;
}

/**
 * The context protocol in its smallest form: a consumer asks with a bubbling,
 * composed request event when it connects; the nearest provider above answers
 * and keeps it up to date until it disconnects.
 */
export function createContext<T>(name: string): Context<T> {
  const event = `${name}-request`;
  // A class per context: `instanceof` then proves the value's type.
  class Request extends Event {
    constructor(readonly subscribe: (value: T, unsubscribe: () => void) => void) {
      super(event, { bubbles: true, composed: true });
    }
  }

  class Provider implements ContextProvider<T> {
    private readonly subscribers = new Set<(value: T, unsubscribe: () => void) => void>();

    constructor(
      host: Host,
      private current: T,
    ) {
      // From the start: children connect during the host's first render.
      host.addEventListener(event, (e) => {
        if (!(e instanceof Request)) return;
        e.stopPropagation();
        const subscriber = e.subscribe;
        this.subscribers.add(subscriber);
        subscriber(this.current, () => this.subscribers.delete(subscriber));
      });
    }

    get value(): T {
      return this.current;
    }

    set value(value: T) {
      if (value === this.current) return;
      this.current = value;
      for (const s of this.subscribers) s(value, () => this.subscribers.delete(s));
    }
  }

  class Consumer implements ContextConsumer<T>, ReactiveController {
    private current: { value: T } | null = null;
    private unsubscribe: (() => void) | null = null;

    constructor(private readonly host: Host) {
      host.addController(this);
    }

    hostConnected(): void {
      this.host.dispatchEvent(
        new Request((value, unsubscribe) => {
          this.current = { value };
          this.unsubscribe = unsubscribe;
          this.host.requestUpdate();
        }),
      );
    }

    hostDisconnected(): void {
      this.unsubscribe?.();
      this.unsubscribe = null;
    }

    get value(): T {
      if (!this.current) throw new Error(`no ${name} provider above this element`);
      return this.current.value;
    }
  }

  return {
    provide: (host, value) => new Provider(host, value),
    consume: (host) => new Consumer(host),
  };
}
