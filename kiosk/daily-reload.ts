/**
 * A kiosk runs for months. Once a day, when nobody is using it, it reloads
 * itself to pick up a new version of the page and start with a clean slate;
 * only after checking that the server answers, so it never lands on a
 * browser error page.
 */
export const RELOAD_AFTER_MS = 24 * 60 * 60_000;
export const QUIET_BEFORE_RELOAD_MS = 10 * 60_000;
const RETRY_MS = 60_000;

export interface ReloadCheck {
  now: number;
  startedAt: number;
  /** Last touch or key press. */
  idleSince: number;
  pristine: boolean;
  online: boolean;
}

let lastAttempt = Number.NEGATIVE_INFINITY;

export function maybeDailyReload(c: ReloadCheck): void {
  if (!c.online || !c.pristine || c.now - c.startedAt < RELOAD_AFTER_MS || c.now - c.idleSince < QUIET_BEFORE_RELOAD_MS) return;
  if (c.now - lastAttempt < RETRY_MS) return;
  lastAttempt = c.now;
  fetch(location.href, { cache: 'no-store', signal: AbortSignal.timeout(10_000) })
    .then((res) => {
      if (res.ok) location.reload();
    })
    .catch(() => undefined);
}
