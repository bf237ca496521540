/**
 * Calls `wake` whenever the device may have slept or lost the network, so a
 * socket that died without noticing gets checked; returns the unsubscribe.
 */
export type WakeSource = (wake: () => void) => () => void;

/** The page became visible again, the network came back, or the page was restored from the back/forward cache. */
export const pageWakeSource: WakeSource = (wake) => {
  const onVisibility = () => document.visibilityState === 'visible' && wake();
  const onPageShow = (e: PageTransitionEvent) => e.persisted && wake();
  document.addEventListener('visibilitychange', onVisibility);
  addEventListener('online', wake);
  addEventListener('pageshow', onPageShow);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    removeEventListener('online', wake);
    removeEventListener('pageshow', onPageShow);
  };
};
