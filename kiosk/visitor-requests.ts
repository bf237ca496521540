import type { PublicService } from '../common/dto.js';
import type { KioskKey } from '../common/i18n/kiosk/index.js';
import { api } from './api.js';
import { bookingCodeFromScan, isBookingCode } from './logic/booking-code.js';
import { failureText, type FailureCode } from './logic/error-texts.js';
import type { Issued, KioskAction, KioskState } from './logic/kiosk-state.js';
import { closedMessage } from './logic/services.js';
import { nextServices } from './logic/visit.js';

/** What the requests need of the kiosk app: its session state and the services it shows. */
export interface RequestHost {
  state(): KioskState;
  dispatch(action: KioskAction): void;
  /** The services this kiosk offers, as they stand at `now`. */
  offered(now: number): PublicService[];
  /** Every service the server lists (a checked-in appointment may be for one this kiosk does not offer), or null while offline. */
  allServices(): PublicService[] | null;
  /** The ticket screen is up: the idle timer and the tap-through guard start now. */
  ticketShown(): void;
  /** The server no longer knows this kiosk's token. */
  unpaired(): void;
  /** A tile was out of date: fetch the real status rather than wait for the next push. */
  refreshStatus(): void;
}

/**
 * The visitor's requests to the server: drawing a ticket (from an open or a
 * closed tile), checking in with a booking code, and a scanned code. One at a
 * time: a second tap while one runs is dropped. Every failure ends as a
 * message in the visitor's language.
 */
export class VisitorRequests {
  constructor(private readonly host: RequestHost) {}

  /**
   * A tap on a tile, or on "ticket" after "I also need…" (`also`: the services
   * after the first, in order, #17). A closed tile asks the server too (#16):
   * the server refuses it, logs the refused demand, and its reason is what the
   * visitor reads; nothing prints. Should the service have opened meanwhile,
   * the ticket comes.
   */
  async drawTicket(serviceId: string, also: readonly string[] = []): Promise<void> {
    const h = this.host;
    if (h.state().pending) return;
    const service = h.offered(Date.now()).find((s) => s.id === serviceId);
    if (!service) return;
    const priority = h.state().priority && service.priorityEnabled;
    // Synchronously, before any await: a second tap finds the request pending and is dropped.
    h.dispatch({ type: 'request', kind: 'ticket' });
    const res = await api.issue({
      serviceId,
      language: h.state().lang,
      ...(priority ? { priority: true } : {}),
      ...(also.length > 0 ? { alsoServiceIds: [...also] } : {}),
    });
    if (res.ok) {
      const next = nextServices(res.value, also, h.allServices() ?? h.offered(Date.now()));
      return this.showTicket({ ticket: res.value, kind: 'walk-in', priority, service, next });
    }
    // No answer about a tile that shows closed: its own reason says more than "something went wrong".
    if (!service.open && failureText(res.code) === 'errGeneric' && res.code !== 'DEVICE_REQUIRED') return this.fail(closedMessage(service));
    this.failWith(res.code);
  }

  async checkIn(code: string): Promise<void> {
    const h = this.host;
    if (h.state().pending) return;
    if (!isBookingCode(code)) return h.dispatch({ type: 'notice', message: 'errNotFound' });
    h.dispatch({ type: 'request', kind: 'checkin' });
    const res = await api.checkIn({ code, language: h.state().lang });
    if (!res.ok) return this.failWith(res.code);
    const service = h.allServices()?.find((x) => x.id === res.value.serviceId) ?? null;
    this.showTicket({ ticket: res.value, kind: 'appointment', priority: false, service, next: nextServices(res.value, [], h.allServices() ?? []) });
  }

  /** A scanned booking code (or a link carrying one) checks in at once, from any screen. */
  scanned(text: string): void {
    const h = this.host;
    if (h.state().pending) return;
    const code = bookingCodeFromScan(text);
    h.dispatch({ type: 'scanned', code: code ?? '' });
    if (code) void this.checkIn(code);
    else h.dispatch({ type: 'notice', message: 'errNotFound' });
  }

  private showTicket(issued: Issued): void {
    this.host.ticketShown();
    this.host.dispatch({ type: 'issued', issued });
  }

  /** A refused request; DEVICE_REQUIRED: the token was revoked or rotated since start-up, so this is no kiosk any more. */
  private failWith(code: FailureCode): void {
    if (code === 'DEVICE_REQUIRED') this.host.unpaired();
    this.fail(failureText(code));
  }

  private fail(message: KioskKey): void {
    this.host.dispatch({ type: 'failed', message });
    if (message === 'errServiceClosed' || message === 'errNoMoreTickets') this.host.refreshStatus();
  }
}
