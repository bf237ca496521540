import { LitElement, html, nothing } from 'lit';
import { I18nController } from '../common/client/i18n-controller.js';
import type { PublicService } from '../common/dto.js';
import type { VisitorLanguage } from '../common/i18n/languages.js';
import { deviceToken } from './api.js';
import { isLoaded, languageWords, loadAllLanguages } from './catalogs.js';
import { maybeDailyReload } from './daily-reload.js';
import { DeviceSettings } from './device-settings.js';
import { kioskIntents, type KioskIntent } from './intents.js';
import { identifyKiosk } from './kiosk-device.js';
import { renderScreen } from './kiosk-screens.js';
import { idleStage, type IdleStage } from './logic/idle.js';
import { INITIAL_STATE, isPristine, MAX_ALSO, reduce, type KioskAction, type KioskState } from './logic/kiosk-state.js';
import { offeredLanguages, offeredServices, idleLimitMs } from './logic/offer.js';
import { idleInAddress, parseKioskOptions, ticketScreenMs, type KioskOptions } from './logic/options.js';
import { printState } from './logic/print-state.js';
import { servicesAt } from './logic/services.js';
import { afterTile, canAdd } from './logic/visit.js';
import { ScannerController } from './scanner-controller.js';
import { ServiceStatus } from './service-status.js';
import { kioskTexts, textsFor } from './texts.js';
import { appStyles } from './kiosk-app.styles.js';
import { tokens } from './tokens.js';
import { VisitorRequests } from './visitor-requests.js';
import './components/kiosk-idle-dialog.js';
import './components/kiosk-out-of-order.js';
import { loadQrEncoder } from './components/kiosk-qr-code.js';
import './components/kiosk-unpaired.js';

const TICK_MS = 500;
/** Right after start-up the socket is still connecting: show "out of order" only if it takes longer. */
const STARTUP_GRACE_MS = 3_000;
/** The tap that drew a ticket must not also hit "Done" on the ticket screen. */
const TAP_THROUGH_GUARD_MS = 800;
/** On "I also need…", taps this soon after it came up are the tile's tap (a double tap), not a choice. */
const ALSO_GUARD_MS = 500;
/** How long the idle dialog waits for the click that follows a touch. */
const IDLE_DIALOG_HOLD_MS = 1_500;

/**
 * @summary The kiosk: owns the visitor's session (a pure reducer), the live
 * service status over /kiosk, its device record's settings (what it offers,
 * #15), the idle timeout and the barcode scanner; the requests to the server
 * are VisitorRequests'. Its elements only render and send intents up.
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
  /** `?idle=` in the address wins over the device record's idle seconds (a quick test). */
  private readonly idleFromAddress = idleInAddress(location.search);
  private readonly i18n = new I18nController(this, kioskTexts, textsFor, INITIAL_STATE.lang);
  private readonly device = new DeviceSettings(this, { unpaired: () => this.showUnpaired() });
  private readonly status = new ServiceStatus(
    this,
    {
      online: () => {
        void this.resolveKiosk();
        // Changes to the record while the socket was away came as no signal.
        this.device.read();
        this.prefetch();
      },
      timeZone: (tz) => this.i18n.setTimeZone(tz),
      unpaired: () => this.showUnpaired(),
      deviceChanged: (e) => this.device.changed(e),
    },
    deviceToken,
  );
  private readonly requests = new VisitorRequests({
    state: () => this.state,
    dispatch: (action) => this.dispatch(action),
    offered: (now) => this.offered(now),
    allServices: () => this.status.services,
    ticketShown: () => (this.ticketShownAt = this.lastActivity = Date.now()),
    unpaired: () => this.showUnpaired(),
    refreshStatus: () => this.status.refresh(),
  });
  private readonly scanner = new ScannerController(this, {
    onScan: (text) => this.requests.scanned(text),
    onKey: (key) => this.typeOnKeyboard(key),
    onActivity: () => this.onActivity(),
  });
  private readonly startedAt = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastActivity = Date.now();
  private ticketShownAt = 0;
  /** When "I also need…" came up: the tap that chose a tile must not also hit the tile or button under it there. */
  private alsoShownAt = 0;
  private kioskSettled = false;

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
        if (afterTile(this.offered(Date.now()), intent.serviceId) === 'draw') return void this.requests.drawTicket(intent.serviceId);
        this.alsoShownAt = Date.now();
        return this.dispatch({ type: 'choose-service', serviceId: intent.serviceId });
      case 'also':
        return this.toggleAlso(intent.serviceId);
      case 'draw-visit': {
        if (Date.now() - this.alsoShownAt < ALSO_GUARD_MS) return;
        const [first, ...also] = this.state.chosen;
        if (first !== undefined) void this.requests.drawTicket(first, also);
        return;
      }
      case 'submit-code':
        return void this.requests.checkIn(this.state.code);
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

  /** A tile on "I also need…": taken off if chosen, added if it is open and there is room. */
  private toggleAlso(serviceId: string): void {
    if (Date.now() - this.alsoShownAt < ALSO_GUARD_MS) return;
    const service = this.offered(Date.now()).find((s) => s.id === serviceId);
    if (!service) return;
    if (this.state.chosen.includes(serviceId) || canAdd(service, this.state.chosen, MAX_ALSO)) this.dispatch({ type: 'toggle-also', serviceId });
  }

  private async chooseLanguage(lang: VisitorLanguage): Promise<void> {
    // Normally loaded long ago; if not, the tap waits for it rather than showing German.
    if (!isLoaded(lang)) await loadAllLanguages().catch(() => undefined);
    if (isLoaded(lang)) this.dispatch({ type: 'choose-language', lang });
  }

  /**
   * The services this kiosk offers (its record's, in its order), with the live
   * status corrected for opening periods that ended since the last push.
   */
  private offered(now: number): PublicService[] {
    return offeredServices(servicesAt(this.status.services ?? [], now), this.device.settings);
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
    const idleMs = idleLimitMs(this.options, this.idleFromAddress, this.device.settings);
    const limit = this.state.screen === 'ticket' ? ticketScreenMs(this.options, printFailed) : idleMs;
    return idleStage(this.now - this.lastActivity, limit);
  }

  /** Online, with the services and this kiosk's own settings: without them it cannot tell what it offers. */
  private serverReachable(): boolean {
    return this.status.connection === 'online' && this.status.services !== null && this.device.settings !== null;
  }

  override render() {
    const s = this.state;
    if (this.unpaired) return html`<kiosk-unpaired ?loaded=${this.languagesLoaded}></kiosk-unpaired>`;
    // A drawn ticket stays readable even if the server goes away meanwhile.
    if (s.screen !== 'ticket' && !this.serverReachable()) {
      const connecting = this.status.connection === 'connecting' || (this.status.connection === 'online' && this.device.settings === null);
      const starting = connecting && this.now - this.startedAt < STARTUP_GRACE_MS;
      return starting ? nothing : html`<kiosk-out-of-order></kiosk-out-of-order>`;
    }
    const idle = this.idle();
    const screen = renderScreen({
      state: s,
      services: this.offered(this.now),
      languages: offeredLanguages(this.device.settings),
      words: languageWords(this.languagesLoaded),
      idle,
    });
    return html`
      ${screen}
      ${this.idleDialog !== null ? html`<kiosk-idle-dialog .secondsLeft=${this.idleDialog}></kiosk-idle-dialog>` : nothing}
      ${s.pending ? html`<div class="busy" role="status">${this.i18n.texts.t('oneMoment')}</div>` : nothing}
    `;
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
