import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../common/client/i18n-controller.js';
import { LiveChannel, type ConnectionState } from '../common/client/live-channel.js';
import type { DisplayCall, PublicService } from '../common/dto.js';
import { DISPLAY_CATALOGS, type DisplayKey } from '../common/i18n/display/index.js';
import { translator } from '../common/i18n/format.js';
import type { DisplaySnapshot, ServicesStatus, TicketCalledEvent } from '../common/protocol.js';
import { applyCall, applyClock, applyServices, applySnapshot, emptyBoard, servicesInArea, type Board } from './board.js';
import { CallAnnouncer } from './call-announcer.js';
import { inArea, readSettings, TICKER_LANGUAGES, type DisplaySettings, type TickerMessage } from './settings.js';
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
/** After the server ended the socket on purpose (e.g. shutting down), try again after this. */
const SERVER_DISCONNECT_RETRY_MS = 2000;

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

  static override styles = css`
    :host {
      --bg: #0b1b30;
      --panel: #15304f;
      --line: #3d5a80;
      --text: #ffffff;
      --muted: #c9d6ea;
      --accent: #ffd23f;
      --on-accent: #0b1b30;
      display: block;
      height: 100vh;
      overflow: hidden;
      background: var(--bg);
      color: var(--text);
      font-family: var(--app-font, sans-serif);
    }
    .screen {
      box-sizing: border-box;
      height: 100%;
      padding: 2vmin 3vmin;
      display: grid;
      gap: 2vmin 3vmin;
      grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr) auto auto;
      grid-template-areas:
        'head head'
        'current recent'
        'waiting recent'
        'ticker ticker';
    }
    :host([orientation='portrait']) .screen {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto auto minmax(0, 1fr) auto auto;
      grid-template-areas: 'head' 'current' 'recent' 'waiting' 'ticker';
      --current-number-size: 22vmin;
      --current-min-height: 28vh;
      --current-counter-size: 11vmin;
      --list-size: 7vmin;
      --waiting-min: 44vmin;
    }
    header {
      grid-area: head;
      display: flex;
      align-items: center;
      gap: 3vmin;
      border-block-end: 0.3vmin solid var(--line);
      padding-block-end: 1vmin;
    }
    h1 {
      margin: 0;
      font-size: 5vmin;
      font-weight: 800;
      flex: 1;
    }
    .offline {
      margin: 0;
      font-size: 2.4vmin;
      padding: 0.5vmin 1.5vmin;
      border-radius: 1vmin;
      background: #5c1a1a;
      color: #fff;
    }
    .offline:empty {
      display: none;
    }
    display-current-call {
      grid-area: current;
    }
    display-call-list {
      grid-area: recent;
    }
    display-waiting {
      grid-area: waiting;
    }
    display-ticker {
      grid-area: ticker;
      border-block-start: 0.3vmin solid var(--line);
      padding-block-start: 1vmin;
    }
  `;

  declare board: Board;
  declare connection: ConnectionState;
  declare soundBlocked: boolean;
  declare orientation: 'landscape' | 'portrait';

  private readonly settings: DisplaySettings = readSettings(location.search);
  private readonly i18n = new I18nController<DisplayKey>(this, DISPLAY_CATALOGS, this.settings.lang);
  private readonly inArea = (area: string) => inArea(this.settings, area);
  private readonly portraitQuery = matchMedia('(orientation: portrait)');
  private channel: LiveChannel<DisplaySnapshot> | null = null;
  private announcer: CallAnnouncer | null = null;
  private dayTimer: ReturnType<typeof setInterval> | undefined;
  private ticker: TickerMessage[] = [];

  constructor() {
    super();
    this.board = emptyBoard;
    this.connection = 'connecting';
    this.soundBlocked = false;
    this.orientation = 'landscape';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.updateOrientation();
    this.portraitQuery.addEventListener('change', this.updateOrientation);
    this.ticker = this.tickerMessages();
    this.announcer = new CallAnnouncer({ settings: this.settings, onBlocked: (b) => (this.soundBlocked = b) });
    this.channel = new LiveChannel<DisplaySnapshot>({
      namespace: '/display',
      snapshotEvent: 'display:snapshot',
      // Missed calls come in here: they join the history but are never announced late.
      onSnapshot: (s) => (this.board = applySnapshot(this.board, s, this.inArea, Date.now())),
      events: {
        'ticket:called': (e: TicketCalledEvent) => this.onCall(e),
        'services:status': (e: ServicesStatus) => (this.board = applyServices(this.board, e.services)),
      },
      onState: (state) => (this.connection = state),
    });
    const socket = this.channel.socket;
    // socket.io does not retry by itself when the server closed the connection on purpose.
    socket.on('disconnect', (reason: string) => {
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), SERVER_DISCONNECT_RETRY_MS);
    });
    this.dayTimer = setInterval(() => (this.board = applyClock(this.board, Date.now())), DAY_CHECK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.portraitQuery.removeEventListener('change', this.updateOrientation);
    clearInterval(this.dayTimer);
    this.channel?.close();
    this.announcer?.dispose();
    this.channel = null;
    this.announcer = null;
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
    const tr = { lang: this.i18n.lang, t: (key: DisplayKey, params?: Record<string, string | number>) => this.i18n.t(key, params) };
    const [current = null, ...earlier] = this.board.calls;
    const services: PublicService[] = servicesInArea(this.board, this.inArea).filter((s) => s.open || s.waiting > 0);
    return html`<div class="screen">
      <header>
        <h1>${tr.t('title')}</h1>
        <p class="offline" role="status">${this.connection === 'offline' ? tr.t('offline') : ''}</p>
        <display-clock lang=${this.i18n.lang}></display-clock>
      </header>
      <display-current-call .call=${current} ?fresh=${current !== null && current.key === this.board.fresh} .tr=${tr}></display-current-call>
      <display-call-list .calls=${earlier.slice(0, this.settings.historySize)} .tr=${tr}></display-call-list>
      ${this.settings.showWaiting ? html`<display-waiting .services=${services} .tr=${tr}></display-waiting>` : nothing}
      ${this.ticker.length > 0 ? html`<display-ticker .messages=${this.ticker} label=${tr.t('tickerLabel')}></display-ticker>` : nothing}
      ${this.soundBlocked
        ? html`<display-sound-hint label=${tr.t('enableSound')} @display-enable-sound=${this.enableSound}></display-sound-hint>`
        : nothing}
    </div>`;
  }

  private enableSound = (): void => {
    this.announcer?.enableSound();
  };
}

customElements.define('display-app', DisplayApp);

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
