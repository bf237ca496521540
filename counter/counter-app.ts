import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../common/client/i18n-controller.js';
import { COUNTER_LANGUAGES } from '../common/i18n/counter/index.js';
import './counter-alarm-banner.js';
import './counter-desk.js';
import './counter-header.js';
import './counter-login.js';
import './counter-password.js';
import { DeskCommands } from './desk-commands.js';
import { DeskController } from './desk-controller.js';
import { deskView } from './desk-derived.js';
import { counterIntents, type CounterIntent } from './intents.js';
import { actionForKey, isEditable } from './shortcuts.js';
import { availability, waitingFor } from './state.js';
import { store, stored } from './storage.js';
import { base } from './styles.js';
import { counterTexts, counterTextsFor, type CounterTexts } from './texts.js';

const LANG_KEY = 'amtsqueue.counter.lang';
const SHORTCUTS_KEY = 'amtsqueue.counter.shortcuts';
const DEFAULT_TITLE = document.title;

/**
 * @summary The counter app: language, keyboard shortcuts and layout. It turns
 * the elements' `counter-intent` events into calls on the desk's session and
 * commands, which talk to the server; what is shown comes only from the
 * server's snapshot and pushes, never from guesses after a click.
 */
export class CounterApp extends LitElement {
  static override properties = {
    now: { state: true },
    shortcutsOn: { state: true },
    transferOpen: { state: true },
    nextServiceOpen: { state: true },
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
  /** "Finish and next service" (#17) is asking which service. */
  declare nextServiceOpen: boolean;

  private readonly i18n: I18nController<CounterTexts>;
  private readonly ctl: DeskController;
  private readonly cmd: DeskCommands;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    const lang = stored(LANG_KEY) ?? 'de';
    this.i18n = new I18nController(this, counterTexts, counterTextsFor, (COUNTER_LANGUAGES as readonly string[]).includes(lang) ? lang : 'de');
    this.ctl = new DeskController(this, { t: () => this.i18n.texts.t, onTimeZone: (tz) => this.i18n.setTimeZone(tz) });
    this.cmd = new DeskCommands(this.ctl, () => this.i18n.texts);
    this.now = Date.now();
    this.shortcutsOn = stored(SHORTCUTS_KEY) !== 'off';
    this.transferOpen = false;
    this.nextServiceOpen = false;
    counterIntents.listen(this, (intent) => void this.handle(intent));
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

  private async handle(i: CounterIntent): Promise<void> {
    const { ctl, cmd } = this;
    switch (i.type) {
      case 'login':
        return ctl.signIn(i.username, i.password);
      case 'password':
        return ctl.changePassword(i.currentPassword, i.newPassword);
      case 'logout':
        return ctl.signOut();
      case 'language':
        store(LANG_KEY, i.lang);
        return this.i18n.setLanguage(i.lang);
      case 'shortcuts':
        this.shortcutsOn = i.on;
        store(SHORTCUTS_KEY, i.on ? 'on' : 'off');
        return;
      case 'choose-counter':
        return ctl.chooseCounter(null);
      case 'open':
        return cmd.open(i.counterId, i.force === true);
      case 'close':
        return cmd.close();
      case 'action':
        return cmd.act(i.action);
      case 'call':
        return cmd.call(i.ticketRef);
      case 'transfer-dialog':
        this.transferOpen = i.open && deskView(ctl).enabled.transfer;
        return;
      case 'transfer':
        this.transferOpen = false;
        return cmd.transfer(i);
      case 'next-service-dialog':
        this.nextServiceOpen = i.open && deskView(ctl).enabled['finish-next'];
        return;
      case 'finish-next':
        this.nextServiceOpen = false;
        return cmd.finishNext(i.serviceId);
      case 'reprint':
        return cmd.reprint();
      case 'notes':
        return cmd.saveNotes(i.ticketRef, i.notes);
      case 'alarm':
        return cmd.raiseAlarm();
      case 'alarm-ack':
        return cmd.acknowledgeAlarm(i.alarmId);
    }
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.ctl.phase !== 'desk' || !this.shortcutsOn || this.transferOpen || this.nextServiceOpen) return;
    const path = e.composedPath();
    if (path.some((el) => el instanceof HTMLDialogElement)) return;
    const action = actionForKey(e, isEditable(path[0] as HTMLElement | undefined));
    if (!action) return;
    e.preventDefault();
    if (!deskView(this.ctl).enabled[action] || this.ctl.pending) return;
    if (action === 'transfer') void this.handle({ type: 'transfer-dialog', open: true });
    else if (action === 'finish-next') void this.handle({ type: 'next-service-dialog', open: true });
    else if (action === 'reprint') void this.handle({ type: 'reprint' });
    else void this.handle({ type: 'action', action });
  };

  /** The tab title: an alarm first (seen from the case-management window), else counter and queue length. */
  protected override updated(): void {
    const { desk, alarms, counterId } = this.ctl;
    const { counter } = deskView(this.ctl);
    const foreign = alarms.open.find((a) => a.counterId !== counterId);
    document.title = foreign
      ? this.i18n.texts.t('alarmDocTitle', { counter: foreign.counterName })
      : counter && desk
        ? `${counter.name} (${waitingFor(desk, counter).length}) – ${DEFAULT_TITLE}`
        : DEFAULT_TITLE;
  }

  private renderMain() {
    const { ctl } = this;
    const { t } = this.i18n.texts;
    if (ctl.phase === 'login') return html`<counter-login ?busy=${ctl.pending === 'login'} error=${ctl.problem}></counter-login>`;
    if (ctl.phase === 'password') {
      return html`<counter-password
        ?busy=${ctl.pending === 'password'}
        error=${ctl.problem}
        username=${ctl.user?.username ?? ''}
      ></counter-password>`;
    }
    const view = deskView(ctl);
    return html`<div class="messages">
        <p class="info" role="status">${ctl.info}</p>
        <p class="problem" role="alert">${ctl.problem}</p>
      </div>
      ${ctl.desk && ctl.user
        ? html`<counter-desk
            .desk=${ctl.desk}
            .user=${ctl.user}
            .counter=${view.counter}
            .services=${ctl.services}
            .enabled=${view.enabled}
            now=${this.now}
            ?busy=${ctl.pending !== null}
            actedAt=${ctl.actedAt}
            ?shortcutsOn=${this.shortcutsOn}
            ?transferOpen=${this.transferOpen}
            ?nextServiceOpen=${this.nextServiceOpen}
          ></counter-desk>`
        : html`<p>${t('loading')}</p>`}`;
  }

  override render() {
    const { ctl } = this;
    const { t } = this.i18n.texts;
    if (ctl.phase === 'checking') {
      return html`<main><p role="status">${ctl.connection === 'offline' ? t('connectionOffline') : t('loading')}</p></main>`;
    }
    const view = deskView(ctl);
    const counter = view.counter;
    // The header names the counter only while this user may work there.
    const shown = counter && ctl.user && availability(counter, ctl.user) !== 'taken' ? counter : null;
    return html`${ctl.phase === 'desk'
        ? html`<div class="alarms">
            <counter-alarm-banner .alarms=${ctl.alarms.open} ownCounterId=${ctl.counterId ?? ''}></counter-alarm-banner>
          </div>`
        : nothing}
      <counter-header
        .user=${ctl.user}
        .counter=${ctl.phase === 'desk' ? shown : null}
        ?mine=${view.isMine}
        ?canClose=${view.isMine && view.currentTicket === null && ctl.pending === null}
        connection=${ctl.phase === 'desk' ? ctl.connection : 'online'}
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
