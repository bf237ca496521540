import type { PublicService } from '../../common/dto.js';
import type { KioskKey } from '../../common/i18n/kiosk/index.js';

/**
 * The server pushes service status after every change, but an opening period
 * ends without any change. Past its `closesAt` a service shows as closed at
 * once, never as a stale "open", until the next snapshot says more.
 */
export function servicesAt(services: readonly PublicService[], now: number): PublicService[] {
  return services.map((s) =>
    s.open && s.closesAt !== null && s.closesAt <= now ? { ...s, open: false, closedReason: 'outside_hours', closesAt: null } : s,
  );
}

/** True when some service shown as open has passed its closing time: time for a fresh snapshot. */
export function closingPassed(services: readonly PublicService[], now: number): boolean {
  return services.some((s) => s.open && s.closesAt !== null && s.closesAt <= now);
}

export function serviceName(s: PublicService, lang: string): string {
  return s.names[lang] ?? s.names.de ?? s.names.en ?? s.id;
}

/** The line on a closed tile. */
export function closedText(s: PublicService): KioskKey {
  switch (s.closedReason) {
    case 'holiday':
      return 'closedHoliday';
    case 'daily_limit':
    case 'past_closing':
      return 'closedNoMoreTickets';
    default:
      return 'closedNow';
  }
}

/** What to tell a visitor who taps a closed tile. */
export function closedMessage(s: PublicService): KioskKey {
  return closedText(s) === 'closedNoMoreTickets' ? 'errNoMoreTickets' : 'errServiceClosed';
}
