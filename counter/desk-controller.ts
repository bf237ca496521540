import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConnectionState } from '../common/client/live-channel.js';
import type { PublicService, SessionUser, StaffCounter, StaffTicket } from '../common/dto.js';
import type { AlarmCleared, CounterAlarm } from '../common/protocol.js';
import { api, type DeskError } from './api.js';
import { DeskConnection, probeSession, type TicketReply } from './desk-connection.js';
import { errorText, serviceName, type T } from './i18n.js';
import { reprintOutcome, ticketOutcome, type TicketCommand } from './outcome-messages.js';
import {
  applyQueueChanged,
  availability,
  currentTicket,
  enabledActions,
  fromSnapshot,
  showsOutcome,
  type DeskAction,
  type DeskState,
} from './state.js';
import { stored, store } from './storage.js';

const COUNTER_KEY = 'amtsqueue.counter.id.';

export interface TransferTarget {
  serviceId?: string;
  targetCounterId?: string;
  keepPlace: boolean;
}

/**
 * The counter app's session and server traffic: sign-in, the socket, the
 * commands and their answers, the open alarms. It holds no UI; the host
 * re-renders whenever something here changes.
 */
export class DeskController implements ReactiveController {
  phase: 'checking' | 'login' | 'desk' = 'checking';
  user: SessionUser | null = null;
  desk: DeskState | null = null;
  services: PublicService[] = [];
  counterId: string | null = null;
  /** The command on its way; every action waits for its answer. */
  pending: string | null = null;
  info = '';
  problem = '';
  alarms: CounterAlarm[] = [];
  connection: ConnectionState = 'connecting';
  /** When the last command was sent (focus follows the next step for a moment after). */
  actedAt = 0;
  private conn: DeskConnection | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The current language's formatter (it changes with the language). */
    private readonly t: () => T,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.checkSession();
  }

  hostDisconnected(): void {
    this.conn?.close();
    this.conn = null;
  }

  private set<K extends keyof this>(changes: Pick<this, K>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  // ── session ────────────────────────────────────────────────────────────

  /** Signed in already (cookie from an earlier visit)? Then the snapshot brings the user. */
  private async checkSession(): Promise<void> {
    if ((await probeSession()) === 'unauthenticated') this.set({ phase: 'login' });
    else this.connect();
  }

  async signIn(username: string, password: string): Promise<void> {
    this.set({ pending: 'login', problem: '' });
    try {
      const user = await api.login(username, password);
      this.enterDesk(user);
      this.connect();
    } catch (err) {
      this.set({ problem: errorText(this.t(), err as DeskError) });
    } finally {
      this.set({ pending: null });
    }
  }

  async signOut(): Promise<void> {
    await api.logout().catch(() => undefined);
    this.leaveDesk('', true);
  }

  private enterDesk(user: SessionUser): void {
    this.set({ user, phase: 'desk', problem: '', counterId: stored(COUNTER_KEY + user.username) });
  }

  /**
   * A socket the server refused is left alone until the next sign-in replaces it:
   * closing it in the middle of its transport upgrade leaves a failed request behind.
   */
  private leaveDesk(problem: string, closeSocket: boolean): void {
    if (closeSocket) {
      this.conn?.close();
      this.conn = null;
    }
    this.set({ user: null, desk: null, alarms: [], info: '', problem, phase: 'login' });
  }

  private connect(): void {
    this.conn?.close();
    this.conn = new DeskConnection({
      onSnapshot: (s) => {
        if (this.phase !== 'desk') this.enterDesk(s.user);
        this.setDesk(fromSnapshot(s));
      },
      onQueueChanged: (e) => this.desk && this.setDesk(applyQueueChanged(this.desk, e)),
      onState: (connection) => this.set({ connection }),
      onAlarms: (alarms) => this.set({ alarms }),
      onAlarm: (a) => this.addAlarm(a),
      onAlarmCleared: (c) => this.clearAlarm(c),
      onUnauthenticated: () => this.leaveDesk(this.phase === 'desk' ? this.t()('err_UNAUTHENTICATED') : '', false),
    });
    if (this.services.length === 0) {
      api.services().then(
        (services) => this.set({ services }),
        () => undefined,
      );
    }
  }

  private setDesk(desk: DeskState): void {
    this.set({ desk, user: desk.user });
    for (const check of [...this.waiters]) check();
    // Nothing chosen in this browser yet: the counter this user already has open, if just one.
    if (this.counterId === null || !desk.counters.some((c) => c.id === this.counterId)) {
      const own = desk.counters.filter((c) => availability(c, desk.user) === 'mine');
      this.chooseCounter(own.length === 1 ? (own[0]?.id ?? null) : null);
    }
  }

  chooseCounter(counterId: string | null): void {
    this.set({ counterId });
    if (this.user) store(COUNTER_KEY + this.user.username, counterId);
  }

  // ── derived ────────────────────────────────────────────────────────────

  get counter(): StaffCounter | null {
    return this.desk?.counters.find((c) => c.id === this.counterId) ?? null;
  }

  get isMine(): boolean {
    const c = this.counter;
    return c !== null && this.user !== null && availability(c, this.user) === 'mine';
  }

  get currentTicket(): StaffTicket | null {
    const c = this.counter;
    return c && this.desk ? currentTicket(this.desk, c) : null;
  }

  enabled(): Record<DeskAction, boolean> {
    return enabledActions(this.user ? this.counter : null, this.user as SessionUser, this.currentTicket);
  }

  // ── commands ───────────────────────────────────────────────────────────

  private say(info: string): void {
    this.set({ info, problem: '' });
  }

  private fail(err: DeskError): void {
    this.set({ info: '', problem: errorText(this.t(), err) });
  }

  /** One command at a time: a double click or a held key cannot send two. */
  private async send<R>(name: string, run: (conn: DeskConnection) => Promise<R>): Promise<R | null> {
    if (this.pending || !this.conn) return null;
    this.set({ pending: name, actedAt: Date.now() });
    try {
      return await run(this.conn);
    } finally {
      this.set({ pending: null });
    }
  }

  /** A command's reply, handed on once the screen shows its outcome. */
  private async settled(pending: Promise<TicketReply>): Promise<TicketReply> {
    const reply = await pending;
    if (reply.ok) await this.caughtUp(reply);
    return reply;
  }

  /**
   * Resolves once the pushed state shows what the acknowledgement said (or after
   * `timeoutMs`), so buttons stay disabled until the screen has caught up and a
   * quick second press cannot act on the state from before.
   */
  private caughtUp(reply: { ticket: StaffTicket | null; counter: StaffCounter }, timeoutMs = 2000): Promise<void> {
    const shows = () => this.desk !== null && showsOutcome(this.desk, reply);
    return new Promise((resolve) => {
      const done = () => {
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const check = () => shows() && done();
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  async open(counterId: string, force: boolean): Promise<void> {
    const reply = await this.send('open', (c) => this.settled(c.command<TicketReply>('counter:open', force ? { counterId, force } : { counterId })));
    if (!reply) return;
    if (!reply.ok) return this.fail(reply.error);
    this.chooseCounter(counterId);
    this.say(this.t()('doneOpened', { counter: reply.counter.name }));
  }

  async close(): Promise<void> {
    const counterId = this.counterId;
    if (!counterId) return;
    const reply = await this.send('close', (c) => this.settled(c.command<TicketReply>('counter:close', { counterId })));
    if (!reply) return;
    if (!reply.ok) return this.fail(reply.error);
    this.say(this.t()('doneClosed', { counter: reply.counter.name }));
  }

  async ticketCommand(command: TicketCommand, extra: object = {}, transferTarget = ''): Promise<void> {
    const counterId = this.counterId;
    if (!counterId) return;
    const reply = await this.send(command, (c) => this.settled(c.command<TicketReply>(`counter:${command}`, { counterId, ...extra })));
    if (!reply) return;
    if (!reply.ok) return this.fail(reply.error);
    this.say(ticketOutcome(this.t(), command, reply.ticket, transferTarget));
  }

  transfer(to: TransferTarget, lang: string): Promise<void> {
    const target = to.serviceId
      ? serviceName(this.services, to.serviceId, lang)
      : (this.desk?.counters.find((c) => c.id === to.targetCounterId)?.name ?? '');
    const payload = to.serviceId ? { serviceId: to.serviceId, keepPlace: to.keepPlace } : { targetCounterId: to.targetCounterId, keepPlace: to.keepPlace };
    return this.ticketCommand('transfer', payload, target);
  }

  /** Over HTTP: the printing side owns the route. Its error message is shown as it comes. */
  async reprint(): Promise<void> {
    const ticket = this.currentTicket;
    if (!ticket) return;
    await this.send('reprint', async () => {
      try {
        this.say(reprintOutcome(this.t(), ticket.number, await api.reprint(ticket.id)));
      } catch (err) {
        this.fail(err as DeskError);
      }
    });
  }

  /** Not behind `send`: notes are saved on leaving the field, often just before an action click. */
  async saveNotes(ticketId: string, notes: string): Promise<void> {
    const reply = await this.conn?.command<{ ticket: StaffTicket }>('counter:notes', { ticketId, notes });
    if (reply && !reply.ok) this.fail(reply.error);
  }

  /** Not behind `send` either: an alarm must never wait for another command. */
  async raiseAlarm(): Promise<void> {
    const counterId = this.counterId;
    if (!counterId || !this.conn) return;
    const reply = await this.conn.command<{ alarm: CounterAlarm }>('counter:alarm', { counterId });
    if (!reply.ok) return this.fail(reply.error);
    this.addAlarm(reply.alarm);
  }

  async acknowledgeAlarm(alarmId: string): Promise<void> {
    const reply = await this.conn?.command<{ cleared: AlarmCleared }>('counter:alarm-ack', { alarmId });
    if (!reply) return;
    if (!reply.ok) return this.fail(reply.error);
    this.clearAlarm(reply.cleared);
  }

  private addAlarm(a: CounterAlarm): void {
    if (!this.alarms.some((x) => x.alarmId === a.alarmId)) this.set({ alarms: [...this.alarms, a] });
  }

  private clearAlarm(c: AlarmCleared): void {
    const alarm = this.alarms.find((a) => a.alarmId === c.alarmId);
    if (!alarm) return;
    this.set({ alarms: this.alarms.filter((a) => a.alarmId !== c.alarmId) });
    const t = this.t();
    this.say(
      c.acknowledgedBy
        ? t('alarmCleared', { counter: alarm.counterName, name: c.acknowledgedBy })
        : t('alarmClearedAnon', { counter: alarm.counterName }),
    );
  }
}
