import { LitElement, html, nothing } from 'lit';
import { http } from '../common/client/http.js';
import { I18nController } from '../common/client/i18n-controller.js';
import type { PublicDisplay } from '../common/device-config.js';
import { LiveChannel, type ConnectionState } from '../common/client/live-channel.js';
import type { DisplayCall, PublicService } from '../common/dto.js';
import { DISPLAY_CATALOGS, type DisplayKey } from '../common/i18n/display/index.js';
import { translator } from '../common/i18n/format.js';
import { NAMESPACES, type DisplayClientEvents, type DisplayHandshakeAuth, type DisplayServerEvents, type TicketCalledEvent } from '../common/protocol.js';
import { appStyles } from './display-app.styles.js';
import { applyCall, applyClock, applyServices, applySnapshot, emptyBoard, servicesInArea, type Board } from './board.js';
import { CallAnnouncer } from './call-announcer.js';
import { displayIntents } from './intents.js';
import { deviceOf, inArea, readSettings, TICKER_LANGUAGES, type DisplaySettings, type TickerMessage } from './settings.js';
import { displayTexts, displayTextsFor } from './texts.js';
import { tickerSequence } from './ticker-sequence.js';
import './display-call-list.js';
import './display-clock.js';
import './display-current-call.js';
import './display-sound-hint.js';
import './display-ticker.js';
import './display-waiting.js';

const TICKER_KEYS: readonly DisplayKey[] = ['tickerWatch', 'tickerPhone', 'tickerPrivacy'];
/** Drops yesterday's calls at midnight even on a screen nobody calls to. */
const DAY_CHECK_MS = 60_000;
/** A screen whose device record cannot be read (server down, no such id) asks again this often. */
const DEVICE_RETRY_MS = 10_000;

/**
 * @summary The waiting-room screen: owns the socket, the board state and the
 * announcer; the child elements only render what they are given.
 */
export class DisplayApp extends LitElement {
  static override properties = {
    board: { state: true },
    /** Reflected so a support person (and the tests) can see it in the DOM. */
    connection: { type: String, reflect: true },
    soundBlocked: { state: true },
    orientation: { type: String, reflect: true },
  };

  static override styles = appStyles;

  declare board: Board;
  declare connection: ConnectionState;
  declare soundBlocked: boolean;
  declare orientation: 'landscape' | 'portrait';

  private settings: DisplaySettings = readSettings(location.search);
  private readonly i18n = new I18nController(this, displayTexts, displayTextsFor, this.settings.lang);
  private readonly inArea = (area: string) => inArea(this.settings, area);
  /** The device record's version the screen shows; a newer one is read again. */
  private deviceVersion = 0;
  private started = false;
  private readonly portraitQuery = matchMedia('(orientation: portrait)');
  private channel: LiveChannel<DisplayServerEvents, DisplayClientEvents, 'display:snapshot'> | null = null;
  private announcer: CallAnnouncer | null = null;
  private dayTimer: ReturnType<typeof setInterval> | undefined;
  private ticker: TickerMessage[] = [];

  constructor() {
    super();
    this.board = emptyBoard;
    this.connection = 'connecting';
    this.soundBlocked = false;
    this.orientation = 'landscape';
    displayIntents.listen(this, (intent) => {
      if (intent.type === 'enable-sound') this.announcer?.enableSound();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.started = true;
    this.portraitQuery.addEventListener('change', this.updateOrientation);
    this.dayTimer = setInterval(() => (this.board = applyClock(this.board, Date.now())), DAY_CHECK_MS);
    const deviceId = deviceOf(location.search);
    if (deviceId) void this.readDevice(deviceId);
    else this.start();
  }

  /**
   * `?device=<id>`: the screen's record holds its area, languages, ticker and
   * layout. Until it is read the screen waits (its area decides which calls it
   * may show); a screen whose record cannot be read retries, and shows the URL's
   * settings meanwhile only if it had none before.
   */
  private async readDevice(id: string): Promise<void> {
    const res = await http<PublicDisplay>('GET', `/api/displays/${encodeURIComponent(id)}`);
    if (!this.started) return;
    if (!res.ok) {
      setTimeout(() => void this.readDevice(id), DEVICE_RETRY_MS);
      return;
    }
    if (res.value.version === this.deviceVersion && this.channel) return;
    this.deviceVersion = res.value.version;
    this.applySettings(readSettings(location.search, res.value));
  }

  /** New settings from the device record: the parts that hold state start again with them. */
  private applySettings(next: DisplaySettings): void {
    const areasChanged = (next.areas ?? []).join(',') !== (this.settings.areas ?? []).join(',');
    this.settings = next;
    this.i18n.setLanguage(next.lang);
    if (this.channel && !areasChanged) {
      this.announcer?.dispose();
      this.announcer = new CallAnnouncer({ settings: this.settings, onBlocked: (b) => (this.soundBlocked = b) });
      this.ticker = this.tickerMessages();
      this.updateOrientation();
      this.requestUpdate();
      return;
    }
    this.stop();
    this.board = emptyBoard;
    this.start();
  }

  private stop(): void {
    this.channel?.close();
    this.announcer?.dispose();
    this.channel = null;
    this.announcer = null;
  }

  private start(): void {
    this.updateOrientation();
    this.ticker = this.tickerMessages();
    this.announcer = new CallAnnouncer({ settings: this.settings, onBlocked: (b) => (this.soundBlocked = b) });
    this.channel = new LiveChannel<DisplayServerEvents, DisplayClientEvents, 'display:snapshot'>({
      namespace: NAMESPACES.display,
      // The server sends this screen only its areas' calls (#14); it still filters them itself.
      ...(this.settings.areas ? { auth: { area: this.settings.areas.join(',') } satisfies DisplayHandshakeAuth } : {}),
      snapshotEvent: 'display:snapshot',
      // Missed calls come in here: they join the history but are never announced late.
      onSnapshot: (s) => {
        this.i18n.setTimeZone(s.timeZone);
        this.board = applySnapshot(this.board, s, this.inArea, Date.now());
      },
      signals: {
        'device:changed': (e) => {
          if (e.id === this.settings.deviceId && e.version !== this.deviceVersion) void this.readDevice(e.id);
        },
      },
      pushes: {
        'ticket:called': (e) => this.onCall(e),
        'services:status': (e) => (this.board = applyServices(this.board, e.services)),
      },
      onState: (state) => (this.connection = state),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.started = false;
    this.portraitQuery.removeEventListener('change', this.updateOrientation);
    clearInterval(this.dayTimer);
    this.stop();
  }

  private onCall(e: TicketCalledEvent): void {
    const call: DisplayCall = {
      number: e.number,
      counterId: e.counterId,
      counterName: e.counterName,
      area: e.area,
      serviceId: e.serviceId,
      language: e.language,
      recall: e.recall,
      at: e.at,
    };
    const { board, announce } = applyCall(this.board, call, this.inArea, Date.now());
    this.board = board;
    if (announce) this.announcer?.announce(announce);
  }

  private updateOrientation = (): void => {
    const o = this.settings.orientation;
    this.orientation = o === 'auto' ? (this.portraitQuery.matches ? 'portrait' : 'landscape') : o;
  };

  private tickerMessages(): TickerMessage[] {
    if (!this.settings.tickerEnabled) return [];
    const builtIn = TICKER_KEYS.flatMap((key) =>
      TICKER_LANGUAGES.map((lang) => ({ lang, text: translator(DISPLAY_CATALOGS, lang).t(key) })),
    );
    return tickerSequence(this.settings.tickerMessages, builtIn);
  }

  override render() {
    const tr = this.i18n.texts;
    const [current = null, ...earlier] = this.board.calls;
    const services: PublicService[] = servicesInArea(this.board, this.inArea).filter((s) => s.open || s.waiting > 0);
    return html`<div class="screen">
      <header>
        <h1>${tr.t('title')}</h1>
        <p class="offline" role="status">${this.connection === 'offline' ? tr.t('offline') : ''}</p>
        <display-clock></display-clock>
      </header>
      <display-current-call .call=${current} ?fresh=${current !== null && current.key === this.board.fresh}></display-current-call>
      <display-call-list .calls=${earlier.slice(0, this.settings.historySize)}></display-call-list>
      ${this.settings.showWaiting ? html`<display-waiting .services=${services}></display-waiting>` : nothing}
      ${this.ticker.length > 0 ? html`<display-ticker .messages=${this.ticker} label=${tr.t('tickerLabel')}></display-ticker>` : nothing}
      ${this.soundBlocked
        ? html`<display-sound-hint label=${tr.t('enableSound')}></display-sound-hint>`
        : nothing}
    </div>`;
  }
}

customElements.define('display-app', DisplayApp);

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
