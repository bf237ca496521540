import { LitElement, html, nothing } from 'lit';
import { I18nController } from '../common/client/i18n-controller.js';
import type { PublicService } from '../common/dto.js';
import type { KioskKey } from '../common/i18n/kiosk/index.js';
import type { VisitorLanguage } from '../common/i18n/languages.js';
import { api, deviceToken } from './api.js';
import { isLoaded, languageWords, loadAllLanguages } from './catalogs.js';
import { maybeDailyReload } from './daily-reload.js';
import { kioskIntents, type KioskIntent } from './intents.js';
import { identifyKiosk } from './kiosk-device.js';
import { bookingCodeFromScan, isBookingCode } from './logic/booking-code.js';
import { failureText, type FailureCode } from './logic/error-texts.js';
import { idleStage, type IdleStage } from './logic/idle.js';
import { INITIAL_STATE, isPristine, reduce, type Issued, type KioskAction, type KioskState } from './logic/kiosk-state.js';
import { parseKioskOptions, ticketScreenMs, type KioskOptions } from './logic/options.js';
import { printState } from './logic/print-state.js';
import { closedMessage, servicesAt } from './logic/services.js';
import { ScannerController } from './scanner-controller.js';
import { ServiceStatus } from './service-status.js';
import { kioskTexts, textsFor } from './texts.js';
import { appStyles } from './kiosk-app.styles.js';
import { tokens } from './tokens.js';
import './components/kiosk-checkin-screen.js';
import './components/kiosk-idle-dialog.js';
import './components/kiosk-language-screen.js';
import './components/kiosk-out-of-order.js';
import { loadQrEncoder } from './components/kiosk-qr-code.js';
import './components/kiosk-service-screen.js';
import './components/kiosk-ticket-screen.js';
import './components/kiosk-unpaired.js';

const TICK_MS = 500;
/** Right after start-up the socket is still connecting: show "out of order" only if it takes longer. */
const STARTUP_GRACE_MS = 3_000;
/** The tap that drew a ticket must not also hit "Done" on the ticket screen. */
const TAP_THROUGH_GUARD_MS = 800;
/** How long the idle dialog waits for the click that follows a touch. */
const IDLE_DIALOG_HOLD_MS = 1_500;

/**
 * @summary The kiosk: owns the visitor's session (a pure reducer), the live
 * service status over /kiosk, the requests to the server, the idle timeout
 * and the barcode scanner. Its elements only render and send intents up.
 */
export class KioskApp extends LitElement {
  static override properties = {
    state: { state: true },
    unpaired: { state: true },
    now: { state: true },
    languagesLoaded: { state: true },
    idleDialog: { state: true },
  };

  static override styles = [tokens, appStyles];

  declare state: KioskState;
  /** No valid device token: the page shows "this device is not registered" and draws nothing. */
  declare unpaired: boolean;
  declare now: number;
  declare languagesLoaded: boolean;
  /** The countdown's seconds while the idle dialog is up; it stays until tapped, even after the touch reset the timer. */
  declare idleDialog: number | null;

  private readonly options: KioskOptions = parseKioskOptions(location.search);
  private readonly i18n = new I18nController(this, kioskTexts, textsFor, INITIAL_STATE.lang);
  private readonly status = new ServiceStatus(
    this,
    {
      online: () => {
        void this.resolveKiosk();
        this.prefetch();
      },
      timeZone: (tz) => this.i18n.setTimeZone(tz),
      unpaired: () => this.showUnpaired(),
    },
    deviceToken,
  );
  private readonly scanner = new ScannerController(this, {
    onScan: (text) => this.onScan(text),
    onKey: (key) => this.typeOnKeyboard(key),
    onActivity: () => this.onActivity(),
  });
  private readonly startedAt = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastActivity = Date.now();
  private ticketShownAt = 0;
  private kioskSettled = false;
  /** #16: a closed tile's tap is being reported (reportClosedTap). */
  private reporting = false;

  constructor() {
    super();
    this.state = INITIAL_STATE;
    this.unpaired = false;
    if (deviceToken === null) this.showUnpaired();
    this.now = Date.now();
    this.languagesLoaded = false;
    this.idleDialog = null;
    kioskIntents.listen(this, (intent) => this.onIntent(intent));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pointerdown', this.onActivity, { capture: true });
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerdown', this.onActivity, { capture: true });
    clearInterval(this.timer);
  }

  /** Everything a session may need later, fetched while the server is there: no chunk can fail mid-session. */
  private prefetch(): void {
    if (!this.languagesLoaded) loadAllLanguages().then(() => (this.languagesLoaded = true), () => undefined);
    loadQrEncoder().catch(() => undefined);
  }

  private dispatch(action: KioskAction): void {
    const before = this.state;
    this.state = reduce(before, action);
    if (this.state.lang !== before.lang) this.i18n.setLanguage(this.state.lang);
    this.toggleAttribute('contrast', this.state.contrast);
  }

  private onIntent(intent: KioskIntent): void {
    switch (intent.type) {
      case 'service':
        return void this.drawTicket(intent.serviceId);
      case 'submit-code':
        return void this.checkIn(this.state.code);
      case 'done':
        if (Date.now() - this.ticketShownAt >= TAP_THROUGH_GUARD_MS) this.dispatch({ type: 'reset' });
        return;
      case 'continue':
        // The touch already reset the timer; the dialog closes on the click, so the click cannot fall through to a tile.
        this.idleDialog = null;
        return;
      case 'choose-language':
        return void this.chooseLanguage(intent.lang);
      default:
        this.dispatch(intent);
    }
  }

  private async chooseLanguage(lang: VisitorLanguage): Promise<void> {
    // Normally loaded long ago; if not, the tap waits for it rather than showing German.
    if (!isLoaded(lang)) await loadAllLanguages().catch(() => undefined);
    if (isLoaded(lang)) this.dispatch({ type: 'choose-language', lang });
  }

  /** Live service status, corrected for opening periods that ended since the last push. */
  private visibleServices(): PublicService[] {
    return servicesAt(this.status.services ?? [], this.now);
  }

  private async drawTicket(serviceId: string): Promise<void> {
    if (this.state.pending) return;
    const service = servicesAt(this.status.services ?? [], Date.now()).find((s) => s.id === serviceId);
    if (!service) return;
    const priority = this.state.priority && service.priorityEnabled;
    if (!service.open) {
      this.dispatch({ type: 'notice', message: closedMessage(service) });
      this.reportClosedTap(service, priority);
      return;
    }
    // Synchronously, before any await: a second tap finds the request pending and is dropped.
    this.dispatch({ type: 'request', kind: 'ticket' });
    const res = await api.issue({ serviceId, language: this.state.lang, ...(priority ? { priority: true } : {}) });
    if (res.ok) this.showTicket({ ticket: res.value, kind: 'walk-in', priority, service });
    else this.failWith(res.code);
  }

  /**
   * #16: a tap on a closed tile still asks the server, which records the refusal (demand turned away
   * counts in the statistics) and prints nothing. Should the server have opened the service meanwhile,
   * the ticket it gave is shown. One report at a time: taps meanwhile only show the message.
   */
  private reportClosedTap(service: PublicService, priority: boolean): void {
    if (this.reporting) return;
    this.reporting = true;
    void api
      .issue({ serviceId: service.id, language: this.state.lang, ...(priority ? { priority: true } : {}) })
      .then((res) => {
        if (res.ok) this.showTicket({ ticket: res.value, kind: 'walk-in', priority, service });
      })
      .finally(() => (this.reporting = false));
  }

  private async checkIn(code: string): Promise<void> {
    if (this.state.pending) return;
    if (!isBookingCode(code)) return this.dispatch({ type: 'notice', message: 'errNotFound' });
    this.dispatch({ type: 'request', kind: 'checkin' });
    const res = await api.checkIn({ code, language: this.state.lang });
    if (!res.ok) return this.failWith(res.code);
    const service = this.status.services?.find((x) => x.id === res.value.serviceId) ?? null;
    this.showTicket({ ticket: res.value, kind: 'appointment', priority: false, service });
  }

  private showTicket(issued: Issued): void {
    this.ticketShownAt = this.lastActivity = Date.now();
    this.dispatch({ type: 'issued', issued });
  }

  /** A refused request; DEVICE_REQUIRED: the token was revoked or rotated since start-up, so this is no kiosk any more. */
  private failWith(code: FailureCode): void {
    if (code === 'DEVICE_REQUIRED') this.showUnpaired();
    this.fail(failureText(code));
  }

  private fail(message: KioskKey): void {
    this.dispatch({ type: 'failed', message });
    // The tile was out of date: fetch the real status rather than wait for the next push.
    if (message === 'errServiceClosed' || message === 'errNoMoreTickets') this.status.refresh();
  }

  /** Whether the server still knows this kiosk's token; asked again after every reconnect until it has answered. */
  private async resolveKiosk(): Promise<void> {
    if (this.kioskSettled) return;
    const identity = await identifyKiosk();
    this.kioskSettled = identity.settled;
    if (identity.paired === false) this.showUnpaired();
  }

  /** "This device is not registered", in English too: the other languages load even though no socket comes online. */
  private showUnpaired(): void {
    this.unpaired = true;
    if (!this.languagesLoaded) loadAllLanguages().then(() => (this.languagesLoaded = true), () => undefined);
  }

  private readonly onActivity = (): void => {
    // Also a render: a tap during the countdown must close it at once, not at the next tick.
    this.lastActivity = this.now = Date.now();
  };

  /** A scanned booking code (or a link carrying one) checks in at once, from any screen. */
  private onScan(text: string): void {
    if (this.state.pending) return;
    const code = bookingCodeFromScan(text);
    this.dispatch({ type: 'scanned', code: code ?? '' });
    if (code) void this.checkIn(code);
    else this.dispatch({ type: 'notice', message: 'errNotFound' });
  }

  /** A hardware keypad or keyboard works like the on-screen one. */
  private typeOnKeyboard(key: string): void {
    if (this.state.screen !== 'checkin') return;
    if (key === 'Backspace') this.dispatch({ type: 'delete' });
    else if (key.length === 1) this.dispatch({ type: 'key', char: key.toUpperCase() });
  }

  private tick(): void {
    const now = (this.now = Date.now());
    if (this.status.tick(now)) void this.resolveKiosk();
    const idle = this.idle();
    if (idle?.warning && this.state.screen !== 'ticket') this.idleDialog = idle.secondsLeft;
    // A touch that never became a click (a swipe) must not leave the dialog up for good.
    else if (this.idleDialog !== null && now - this.lastActivity > IDLE_DIALOG_HOLD_MS) this.idleDialog = null;
    if (idle?.expired) {
      this.idleDialog = null;
      this.dispatch({ type: 'reset' });
    }
    maybeDailyReload({ now, startedAt: this.startedAt, idleSince: this.lastActivity, pristine: isPristine(this.state), online: this.status.connection === 'online' });
  }

  /** Where the idle timeout stands; null when there is nothing to reset or a request is running. */
  private idle(): IdleStage | null {
    if (isPristine(this.state) || this.state.pending) return null;
    const printFailed = this.state.issued !== null && printState(this.state.issued.ticket) === 'failed';
    const limit = this.state.screen === 'ticket' ? ticketScreenMs(this.options, printFailed) : this.options.idleMs;
    return idleStage(this.now - this.lastActivity, limit);
  }

  private serverReachable(): boolean {
    return this.status.connection === 'online' && this.status.services !== null;
  }

  override render() {
    const s = this.state;
    if (this.unpaired) return html`<kiosk-unpaired ?loaded=${this.languagesLoaded}></kiosk-unpaired>`;
    // A drawn ticket stays readable even if the server goes away meanwhile.
    if (s.screen !== 'ticket' && !this.serverReachable()) {
      const starting = this.status.connection === 'connecting' && this.now - this.startedAt < STARTUP_GRACE_MS;
      return starting ? nothing : html`<kiosk-out-of-order></kiosk-out-of-order>`;
    }
    const idle = this.idle();
    return html`
      ${this.renderScreen(idle)}
      ${this.idleDialog !== null ? html`<kiosk-idle-dialog .secondsLeft=${this.idleDialog}></kiosk-idle-dialog>` : nothing}
      ${s.pending ? html`<div class="busy" role="status">${this.i18n.texts.t('oneMoment')}</div>` : nothing}
    `;
  }

  private renderScreen(idle: IdleStage | null) {
    const s = this.state;
    switch (s.screen) {
      case 'language':
        return html`<kiosk-language-screen .words=${languageWords(this.languagesLoaded)} ?contrast=${s.contrast}></kiosk-language-screen>`;
      case 'services':
        return html`<kiosk-service-screen
          .services=${this.visibleServices()}
          ?contrast=${s.contrast}
          ?priority=${s.priority}
          .message=${s.message}
        ></kiosk-service-screen>`;
      case 'checkin':
        return html`<kiosk-checkin-screen code=${s.code} ?contrast=${s.contrast} .message=${s.message}></kiosk-checkin-screen>`;
      case 'ticket':
        if (!s.issued) return nothing;
        return html`<kiosk-ticket-screen
          .issued=${s.issued}
          .service=${s.issued.service ?? undefined}
          ?contrast=${s.contrast}
          .secondsLeft=${idle?.secondsLeft ?? 0}
        ></kiosk-ticket-screen>`;
    }
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
