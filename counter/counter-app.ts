import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../common/client/i18n-controller.js';
import { COUNTER_CATALOGS, COUNTER_LANGUAGES, type CounterKey } from '../common/i18n/counter/index.js';
import type { Params } from '../common/i18n/format.js';
import './counter-alarm-banner.js';
import './counter-desk.js';
import './counter-header.js';
import './counter-login.js';
import { DeskController } from './desk-controller.js';
import type { DeskIntent } from './events.js';
import type { T } from './i18n.js';
import { actionForKey, isEditable } from './shortcuts.js';
import { availability, waitingFor } from './state.js';
import { store, stored } from './storage.js';
import { base } from './styles.js';

const LANG_KEY = 'amtsqueue.counter.lang';
const SHORTCUTS_KEY = 'amtsqueue.counter.shortcuts';
const DEFAULT_TITLE = document.title;

/**
 * @summary The counter app: language, keyboard shortcuts and layout. It turns
 * the elements' `desk-intent` events into calls on the DeskController, which
 * talks to the server; what is shown comes only from the server's snapshot and
 * pushes, never from guesses after a click.
 */
export class CounterApp extends LitElement {
  static override properties = {
    now: { state: true },
    shortcutsOn: { state: true },
    transferOpen: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--c-bg);
      }
      .alarms {
        position: sticky;
        top: 0;
        z-index: 10;
      }
      main {
        padding: 1rem;
      }
      .messages p {
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
      }
      .messages p:empty {
        display: none;
      }
      .info {
        background: var(--c-accent-soft);
      }
      .problem {
        background: var(--c-danger-soft);
        color: var(--c-danger);
        font-weight: 600;
      }
    `,
  ];

  declare now: number;
  declare shortcutsOn: boolean;
  declare transferOpen: boolean;

  private readonly i18n: I18nController<CounterKey>;
  /** A new function per language, so elements given `.t` re-render when it changes. */
  private t: T;
  private readonly ctl: DeskController;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    const lang = stored(LANG_KEY) ?? 'de';
    this.i18n = new I18nController(this, COUNTER_CATALOGS, (COUNTER_LANGUAGES as readonly string[]).includes(lang) ? lang : 'de');
    this.t = this.makeT();
    this.ctl = new DeskController(this, () => this.t);
    this.now = Date.now();
    this.shortcutsOn = stored(SHORTCUTS_KEY) !== 'off';
    this.transferOpen = false;
    this.addEventListener('desk-intent', (e) => void this.handle(e.detail));
  }

  private makeT(): T {
    return (key: CounterKey, params?: Params) => this.i18n.t(key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    this.ticker = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    clearInterval(this.ticker);
  }

  private async handle(i: DeskIntent): Promise<void> {
    const ctl = this.ctl;
    switch (i.kind) {
      case 'login':
        return ctl.signIn(i.username, i.password);
      case 'logout':
        return ctl.signOut();
      case 'language':
        store(LANG_KEY, i.lang);
        this.i18n.setLanguage(i.lang);
        this.t = this.makeT();
        return;
      case 'shortcuts':
        this.shortcutsOn = i.on;
        store(SHORTCUTS_KEY, i.on ? 'on' : 'off');
        return;
      case 'choose-counter':
        return ctl.chooseCounter(null);
      case 'open':
        return ctl.open(i.counterId, i.force === true);
      case 'close':
        return ctl.close();
      case 'action':
        return ctl.ticketCommand(i.action);
      case 'call':
        return ctl.ticketCommand('call', { ticketId: i.ticketId });
      case 'transfer-dialog':
        this.transferOpen = i.open && ctl.enabled().transfer;
        return;
      case 'transfer':
        this.transferOpen = false;
        return ctl.transfer(i, this.i18n.lang);
      case 'reprint':
        return ctl.reprint();
      case 'notes':
        return ctl.saveNotes(i.ticketId, i.notes);
      case 'alarm':
        return ctl.raiseAlarm();
      case 'alarm-ack':
        return ctl.acknowledgeAlarm(i.alarmId);
    }
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.ctl.phase !== 'desk' || !this.shortcutsOn || this.transferOpen) return;
    const path = e.composedPath();
    if (path.some((el) => el instanceof HTMLDialogElement)) return;
    const action = actionForKey(e, isEditable(path[0] as HTMLElement | undefined));
    if (!action) return;
    e.preventDefault();
    if (!this.ctl.enabled()[action] || this.ctl.pending) return;
    if (action === 'transfer') void this.handle({ kind: 'transfer-dialog', open: true });
    else if (action === 'reprint') void this.handle({ kind: 'reprint' });
    else void this.handle({ kind: 'action', action });
  };

  /** The tab title: an alarm first (seen from the case-management window), else counter and queue length. */
  protected override updated(): void {
    const { counter, desk, alarms, counterId } = this.ctl;
    const foreign = alarms.find((a) => a.counterId !== counterId);
    document.title = foreign
      ? this.t('alarmDocTitle', { counter: foreign.counterName })
      : counter && desk
        ? `${counter.name} (${waitingFor(desk, counter).length}) – ${DEFAULT_TITLE}`
        : DEFAULT_TITLE;
  }

  private renderMain() {
    const { t, ctl } = this;
    if (ctl.phase === 'login') return html`<counter-login .t=${t} ?busy=${ctl.pending === 'login'} error=${ctl.problem}></counter-login>`;
    return html`<div class="messages">
        <p class="info" role="status">${ctl.info}</p>
        <p class="problem" role="alert">${ctl.problem}</p>
      </div>
      ${ctl.desk && ctl.user
        ? html`<counter-desk
            .t=${t}
            lang=${this.i18n.lang}
            .desk=${ctl.desk}
            .user=${ctl.user}
            .counter=${ctl.counter}
            .services=${ctl.services}
            .enabled=${ctl.enabled()}
            now=${this.now}
            ?busy=${ctl.pending !== null}
            actedAt=${ctl.actedAt}
            ?shortcutsOn=${this.shortcutsOn}
            ?transferOpen=${this.transferOpen}
          ></counter-desk>`
        : html`<p>${t('loading')}</p>`}`;
  }

  override render() {
    const { t, ctl } = this;
    if (ctl.phase === 'checking') {
      return html`<main><p role="status">${ctl.connection === 'offline' ? t('connectionOffline') : t('loading')}</p></main>`;
    }
    const counter = ctl.counter;
    // The header names the counter only while this user may work there.
    const shown = counter && ctl.user && availability(counter, ctl.user) !== 'taken' ? counter : null;
    return html`${ctl.phase === 'desk'
        ? html`<div class="alarms">
            <counter-alarm-banner .t=${t} lang=${this.i18n.lang} .alarms=${ctl.alarms} ownCounterId=${ctl.counterId ?? ''}></counter-alarm-banner>
          </div>`
        : nothing}
      <counter-header
        .t=${t}
        lang=${this.i18n.lang}
        .user=${ctl.user}
        .counter=${ctl.phase === 'desk' ? shown : null}
        ?mine=${ctl.isMine}
        ?canClose=${ctl.isMine && ctl.currentTicket === null && ctl.pending === null}
        connection=${ctl.connection}
        ?shortcutsOn=${this.shortcutsOn}
      ></counter-header>
      <main>${this.renderMain()}</main>`;
  }
}

customElements.define('counter-app', CounterApp);

declare global {
  interface HTMLElementTagNameMap {
    'counter-app': CounterApp;
  }
}
