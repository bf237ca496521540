/** What the page's elements ask the app root to do; the root talks to the server. */
export interface FeedbackDetail {
  grade: number;
  comment: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The visitor confirmed they are leaving: cancel the ticket. */
    'visitor-leave': CustomEvent<void>;
    /** The visitor acknowledged the call screen. */
    'visitor-call-dismiss': CustomEvent<void>;
    'visitor-feedback': CustomEvent<FeedbackDetail>;
    'visitor-language': CustomEvent<{ lang: string }>;
    /** The visitor wants a system notification when called. */
    'visitor-notify': CustomEvent<void>;
  }
}

export function fire<K extends keyof GlobalEventHandlersEventMap>(
  from: HTMLElement,
  type: K,
  detail?: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
