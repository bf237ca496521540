import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LiveChannel, type ConnectionState } from '../common/client/live-channel.js';
import type { PublicService, SessionUser, StaffCounter, StaffTicket } from '../common/dto.js';
import { NAMESPACES, type AlarmCleared, type CounterAlarm, type CounterClientEvents, type CounterServerEvents } from '../common/protocol.js';
import { alarmsFromSnapshot, NO_ALARMS, withCleared, withRaised, type Alarms } from './alarms.js';
import { api } from './api.js';
import { errorText, type DeskError, type T } from './i18n.js';
import { probeSession } from './session-probe.js';
import { applyQueueChanged, availability, fromSnapshot, showsOutcome, type DeskState } from './state.js';
import { store, stored } from './storage.js';

const COUNTER_KEY = 'amtsqueue.counter.id.';

/** The /counter namespace as the desk uses it; a refused session is final (back to the login). */
export type DeskChannel = LiveChannel<CounterServerEvents, CounterClientEvents, 'counter:snapshot', 'UNAUTHENTICATED'>;

export interface DeskControllerOptions {
  /** The current language's formatter (it changes with the language). */
  t(): T;
  /** The office's time zone, from every snapshot. */
  onTimeZone(timeZone: string): void;
}

/**
 * The counter app's session: sign-in, the live channel and what it brings
 * (snapshot, queue pushes, alarms), the counter chosen in this browser. It
 * holds no UI; the host re-renders whenever something here changes. What
 * follows from this state is in desk-derived.ts, the commands in desk-commands.ts.
 */
export class DeskController implements ReactiveController {
  /** `password`: signed in with a one-time password; the server refuses all counter work until it is changed. */
  phase: 'checking' | 'login' | 'password' | 'desk' = 'checking';
  user: SessionUser | null = null;
  desk: DeskState | null = null;
  services: PublicService[] = [];
  counterId: string | null = null;
  /** The command on its way; every action waits for its answer. */
  pending: string | null = null;
  info = '';
  problem = '';
  alarms: Alarms = NO_ALARMS;
  connection: ConnectionState = 'connecting';
  /** When the last command was sent (focus follows the next step for a moment after). */
  actedAt = 0;
  channel: DeskChannel | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: DeskControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.checkSession();
  }

  hostDisconnected(): void {
    this.channel?.close();
    this.channel = null;
  }

  update<K extends keyof this>(changes: Pick<this, K>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  say(info: string): void {
    this.update({ info, problem: '' });
  }

  fail(err: DeskError): void {
    this.update({ info: '', problem: errorText(this.o.t(), err) });
  }

  /** Signed in already (cookie from an earlier visit)? Then the snapshot brings the user. */
  private async checkSession(): Promise<void> {
    const probe = await probeSession();
    if (probe === 'unauthenticated') this.update({ phase: 'login' });
    // Signing in cannot help here, but the login screen is where the reason can be read.
    else if (probe === 'BAD_ORIGIN' || probe === 'NETWORK_NOT_ALLOWED') this.update({ phase: 'login', problem: this.o.t()(`err_${probe}`) });
    else if (probe === 'password') await this.askForPassword();
    else this.connect();
  }

  private async askForPassword(): Promise<void> {
    const me = await api.me();
    if (me.ok) this.update({ user: me.value, phase: 'password', problem: '' });
    else this.update({ phase: 'login' });
  }

  async signIn(username: string, password: string): Promise<void> {
    this.update({ pending: 'login', problem: '' });
    const res = await api.login(username, password);
    this.update({ pending: null });
    if (!res.ok) return this.fail(res);
    if (res.value.mustChangePassword) return this.update({ user: res.value, phase: 'password', problem: '', info: '' });
    this.enterDesk(res.value);
    this.connect();
  }

  /** Replaces the one-time password; the session stays and the desk opens. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const user = this.user;
    if (!user) return;
    this.update({ pending: 'password', problem: '' });
    const res = await api.changePassword(currentPassword, newPassword);
    this.update({ pending: null });
    if (!res.ok) return this.fail(res);
    this.enterDesk({ ...user, mustChangePassword: false });
    this.connect();
  }

  async signOut(): Promise<void> {
    await api.logout();
    this.leaveDesk('');
  }

  private enterDesk(user: SessionUser): void {
    this.update({ user, phase: 'desk', problem: '', counterId: stored(COUNTER_KEY + user.username) });
  }

  private leaveDesk(problem: string): void {
    this.channel?.close();
    this.channel = null;
    this.update({ user: null, desk: null, alarms: NO_ALARMS, info: '', problem, phase: 'login' });
  }

  private connect(): void {
    this.channel?.close();
    this.channel = new LiveChannel<CounterServerEvents, CounterClientEvents, 'counter:snapshot', 'UNAUTHENTICATED'>({
      namespace: NAMESPACES.counter,
      snapshotEvent: 'counter:snapshot',
      onSnapshot: (s) => {
        this.o.onTimeZone(s.timeZone);
        if (this.phase !== 'desk') this.enterDesk(s.user);
        this.alarms = alarmsFromSnapshot(this.alarms, s.alarms);
        this.setDesk(fromSnapshot(s));
      },
      pushes: {
        'queue:changed': (e) => this.desk && this.setDesk(applyQueueChanged(this.desk, e)),
        'alarm:raised': (e) => this.addAlarm(e.alarm),
        'alarm:cleared': (e) => this.clearAlarm(e.cleared),
      },
      onState: (connection) => this.update({ connection }),
      // Logged out elsewhere or expired: back to the login.
      final: { codes: ['UNAUTHENTICATED'], on: () => this.leaveDesk(this.phase === 'desk' ? this.o.t()('err_UNAUTHENTICATED') : '') },
      // The server drops the sockets of a session that ended: asking again at once finds out.
      afterServerDisconnect: () => Promise.resolve(),
    });
    if (this.services.length === 0) {
      void api.services().then((res) => res.ok && this.update({ services: res.value }));
    }
  }

  private setDesk(desk: DeskState): void {
    this.update({ desk, user: desk.user });
    for (const check of [...this.waiters]) check();
    // Nothing chosen in this browser yet: the counter this user already has open, if just one.
    if (this.counterId === null || !desk.counters.some((c) => c.id === this.counterId)) {
      const own = desk.counters.filter((c) => availability(c, desk.user) === 'mine');
      this.chooseCounter(own.length === 1 ? (own[0]?.id ?? null) : null);
    }
  }

  chooseCounter(counterId: string | null): void {
    this.update({ counterId });
    if (this.user) store(COUNTER_KEY + this.user.username, counterId);
  }

  /** The own alarm arrives twice, with the acknowledgement and as the push: kept once. */
  addAlarm(alarm: CounterAlarm): void {
    this.update({ alarms: withRaised(this.alarms, alarm) });
  }

  clearAlarm(c: AlarmCleared): void {
    const { alarms, ended } = withCleared(this.alarms, c);
    this.update({ alarms });
    if (!ended) return;
    const t = this.o.t();
    this.say(
      c.acknowledgedBy
        ? t('alarmCleared', { counter: ended.counterName, name: c.acknowledgedBy })
        : t('alarmClearedAnon', { counter: ended.counterName }),
    );
  }

  /**
   * Resolves once the pushed state shows what an acknowledgement said (or after
   * `timeoutMs`), so buttons stay disabled until the screen has caught up and a
   * quick second press cannot act on the state from before.
   */
  shown(reply: { ticket: StaffTicket | null; counter: StaffCounter }, timeoutMs = 2000): Promise<void> {
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
}
