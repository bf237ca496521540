import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { ICONS } from '../../common/client/icons.js';
import { LiveChannel, type ConnectionState } from '../../common/client/live-channel.js';
import { clockFormat } from '../../common/client/office-time.js';
import { minutesWaited, overTarget, type FloorCounter, type FloorHighlight, type FloorPicture, type FloorService } from '../../common/floor.js';
import type { AdminKey } from '../../common/i18n/admin/index.js';
import { SUPERVISOR_NAMESPACE, type SupervisorClientEvents, type SupervisorServerEvents } from '../../common/protocol.js';
import { adminBase } from '../styles.js';
import { liveStyles } from './admin-live-styles.js';
import { adminTexts, failureText } from '../texts.js';

type Refusal = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PASSWORD_CHANGE_REQUIRED';
type SupervisorChannel = LiveChannel<SupervisorServerEvents, SupervisorClientEvents, 'supervisor:snapshot', Refusal>;

/** How often the page counts the longest waits on by itself between pushes (its own clock; the server is not asked). */
const TICK_MS = 5000;

const STATE_ICON: Record<FloorCounter['state'], string> = { closed: 'closed', free: 'check', calling: 'screen', serving: 'person' };

/** A pictogram of common/client/icons.ts beside its words (never instead of them). */
const icon = (name: string) => html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name] ?? ICONS.dot ?? svg``}</svg>`;

/**
 * @summary The live floor for team leads (`/admin/live`): per service the waiting
 * count, longest wait, estimate for a new ticket and today's refusals; per counter
 * its state and ticket; highlights (alarm, a service nobody serves, a wait over the
 * target) marked by icon and words, not by colour alone. Pushed over `/supervisor`
 * through the shared live channel, which resyncs after a gap or reconnect.
 */
export class AdminLive extends LitElement {
  static override properties = { floor: { state: true }, timeZone: { state: true }, connection: { state: true }, refusal: { state: true }, now: { state: true } };

  static override styles = [adminBase, liveStyles];

  declare floor: FloorPicture | null;
  declare timeZone: string | null;
  declare connection: ConnectionState;
  declare refusal: Refusal | null;
  /** The server's time as this page reckons it: the pushed `at`, counted on by the page's own clock. */
  declare now: number;
  private readonly texts = adminTexts.consume(this);
  private channel: SupervisorChannel | null = null;
  private offset = 0;
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    this.floor = null;
    this.timeZone = null;
    this.connection = 'connecting';
    this.refusal = null;
    this.now = Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.channel = new LiveChannel<SupervisorServerEvents, SupervisorClientEvents, 'supervisor:snapshot', Refusal>({
      namespace: SUPERVISOR_NAMESPACE,
      snapshotEvent: 'supervisor:snapshot',
      onSnapshot: (s) => {
        this.timeZone = s.timeZone;
        this.show(s.floor);
      },
      pushes: { 'floor:changed': (e) => this.show(e.floor) },
      onState: (state) => (this.connection = state),
      final: { codes: ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'], on: (code) => (this.refusal = code) },
    });
    this.ticker = setInterval(() => (this.now = Date.now() + this.offset), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.channel?.close();
    this.channel = null;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private show(floor: FloorPicture): void {
    this.offset = floor.at - Date.now();
    this.now = floor.at;
    this.floor = floor;
  }

  private t(key: AdminKey, params?: Record<string, string | number>): string {
    return this.texts.value.t(key, params);
  }

  private time(at: number): string {
    return this.timeZone ? clockFormat(this.texts.value.lang, this.timeZone)(at) : '';
  }

  private serviceName(id: string): string {
    const s = this.floor?.services.find((x) => x.serviceId === id);
    if (!s) return id;
    return `${s.prefix} · ${s.names[this.texts.value.lang] ?? s.names.de ?? id}`;
  }

  private isOver(s: FloorService, target: number): boolean {
    return s.overTarget || overTarget(s.oldestWaitingSince, this.now, target);
  }

  private renderHighlight(h: FloorHighlight): TemplateResult {
    switch (h.kind) {
      case 'alarm':
        return html`<li class="hl hl-alarm" data-highlight="alarm">
          ${icon('warning')}<span class="label">${this.t('liveFlagAlarm')}</span>
          <span>${this.t('liveAlarm', { counter: h.counterName, time: this.time(h.at) })}</span>
        </li>`;
      case 'unstaffed':
        return html`<li class="hl hl-unstaffed" data-highlight="unstaffed">
          ${icon('warning')}<span class="label">${this.t('liveFlagUnstaffed')}</span>
          <span>${this.t('liveUnstaffed', { service: this.serviceName(h.serviceId), n: h.waiting })}</span>
        </li>`;
      case 'wait_over_target':
        return html`<li class="hl hl-wait_over_target" data-highlight="wait_over_target">
          ${icon('clock')}<span class="label">${this.t('liveFlagOverTarget')}</span>
          <span>${this.t('liveOverTarget', { service: this.serviceName(h.serviceId), target: h.targetMinutes })}</span>
        </li>`;
    }
  }

  /** The pushed highlights, and a wait the page's own clock has seen pass the target since the last push. */
  private highlights(floor: FloorPicture): FloorHighlight[] {
    const pushed = floor.highlights;
    const local = floor.services
      .filter((s) => !s.overTarget && s.oldestWaitingSince !== null && this.isOver(s, floor.waitTargetMinutes))
      .map((s): FloorHighlight => ({ kind: 'wait_over_target', serviceId: s.serviceId, since: s.oldestWaitingSince ?? 0, targetMinutes: floor.waitTargetMinutes }));
    return [...pushed, ...local];
  }

  private renderService(s: FloorService, target: number): TemplateResult {
    const over = this.isOver(s, target);
    const est = s.estimate ? this.t('liveRange', { low: s.estimate.low, high: s.estimate.high }) : this.t('liveUnknown');
    return html`<tr class=${over || s.unstaffed ? 'attention' : ''} data-service=${s.serviceId}>
      <th scope="row">${this.serviceName(s.serviceId)}</th>
      <td class="num">${s.waiting}</td>
      <td class="num">${s.waiting > 0 ? this.t('liveMinutes', { n: minutesWaited(s.oldestWaitingSince, this.now) }) : '–'}</td>
      <td>${est}</td>
      <td class="num">${s.refusedToday}</td>
      <td class="num">${s.openCounters}</td>
      <td>
        <span class="flags">
          ${s.unstaffed ? html`<span class="flag">${icon('warning')}${this.t('liveFlagUnstaffed')}</span>` : nothing}
          ${over ? html`<span class="flag">${icon('clock')}${this.t('liveFlagOverTarget')}</span>` : nothing}
        </span>
      </td>
    </tr>`;
  }

  private renderCounter(c: FloorCounter): TemplateResult {
    return html`<li class="tile" data-counter=${c.counterId} data-state=${c.state} ?data-alarm=${c.alarm}>
      <span class="name">${c.name}</span>
      <span class="state">${icon(STATE_ICON[c.state])}${this.t(`liveState_${c.state}`)}</span>
      ${c.ticket
        ? html`<span class="ticket">${c.ticket.number}</span><span>${this.serviceName(c.ticket.serviceId)}</span>`
        : nothing}
      ${c.since !== null ? html`<span class="muted">${this.t('liveSince', { time: this.time(c.since) })}</span>` : nothing}
      ${c.alarm ? html`<span class="flag">${icon('warning')}${this.t('liveFlagAlarm')}</span>` : nothing}
    </li>`;
  }

  private renderFloor(floor: FloorPicture): TemplateResult {
    const highlights = this.highlights(floor);
    return html`<section aria-labelledby="live-highlights">
        <h2 id="live-highlights">${this.t('liveHighlights')}</h2>
        <div aria-live="polite">
          ${highlights.length === 0
            ? html`<p class="muted">${this.t('liveNoHighlights')}</p>`
            : html`<ul class="highlights">${highlights.map((h) => this.renderHighlight(h))}</ul>`}
        </div>
      </section>
      <div class="floor">
        <section aria-labelledby="live-services">
          <h2 id="live-services">${this.t('liveServices')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">${this.t('liveService')}</th>
                <th scope="col">${this.t('liveWaiting')}</th>
                <th scope="col">${this.t('liveLongestWait')}</th>
                <th scope="col">${this.t('liveEstimate')}</th>
                <th scope="col">${this.t('liveRefused')}</th>
                <th scope="col">${this.t('liveOpenCounters')}</th>
                <th scope="col">${this.t('liveNote')}</th>
              </tr>
            </thead>
            <tbody>
              ${floor.services.map((s) => this.renderService(s, floor.waitTargetMinutes))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="live-counters">
          <h2 id="live-counters">${this.t('liveCounters')}</h2>
          <ul class="tiles">
            ${floor.counters.map((c) => this.renderCounter(c))}
          </ul>
        </section>
      </div>`;
  }

  override render() {
    const floor = this.floor;
    const conn = this.connection === 'online' ? 'liveOnline' : this.connection === 'offline' ? 'liveOffline' : 'liveConnecting';
    return html`<div class="bar">
        <h1>${this.t('liveHeading')}</h1>
        <p class="conn" data-state=${this.connection}>
          <span role="status">${this.t(conn)}</span>${floor ? html` · ${this.t('liveAsOf', { time: this.time(floor.at) })} · ${this.t('liveTarget', { n: floor.waitTargetMinutes })}` : nothing}
        </p>
      </div>
      ${this.refusal ? html`<p class="problem" role="alert">${failureText(this.texts.value, { code: this.refusal, message: '' })}</p>` : nothing}
      ${floor ? this.renderFloor(floor) : nothing}`;
  }
}

customElements.define('admin-live', AdminLive);

declare global {
  interface HTMLElementTagNameMap {
    'admin-live': AdminLive;
  }
}
