/**
 * What the browser tests leave on a page's window, declared once: a mark that
 * proves the page was never reloaded, and logs of what the page did.
 */
declare global {
  interface Window {
    /** Set by a test; still there later, the page was never reloaded. */
    __sameDocument?: boolean;
    /** Every value display-app's `connection` attribute took (display-recovery). */
    __connectionLog?: string[];
    /** What the stubbed audio "played" (display-support). */
    __played?: Array<{ playing: string[]; src: string }>;
  }
}

export {};
