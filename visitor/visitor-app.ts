import { LitElement, html, nothing } from 'lit';
import { I18nController } from '../common/client/i18n-controller.js';
import { LiveChannel, type ConnectionState } from '../common/client/live-channel.js';
import type { PublicService, PublicTicket } from '../common/dto.js';
import { FINAL_STATUSES } from '../common/model.js';
import { VISITOR_NAMESPACE, type VisitorClientEvents, type VisitorServerEvents } from '../common/protocol.js';
import { alertCall, askNotificationPermission, notificationsSupported, unlockAudioOnFirstTap } from './alerts.js';
import { api, GONE_CODES, goneCode, ticketIdFromPath, type GoneCode } from './api.js';
import { visitorIntents, type VisitorIntent } from './intents.js';
import { browserLanguage, textsFor, visitorTexts } from './texts.js';
import { appStyles } from './visitor-app.styles.js';
import type { FeedbackPhase } from './visitor-feedback.js';
import type { VisitorData } from '../common/privacy-schemas.js';
import './visitor-data.js';
import './visitor-language-picker.js';
import './visitor-notice.js';
import './visitor-ticket-view.js';
import { laterServiceIds } from './visit.js';

type Phase = 'loading' | 'ticket' | 'notFound' | 'expired' | 'data';

/** Per tab, so a reload keeps the visitor's choices but nothing outlives the visit. */
const LANG_KEY = 'amtsqueue.visitor.lang';
const NOTIFY_KEY = 'amtsqueue.visitor.notify';
const RETRY_LOAD_MS = 5000;

/**
 * @summary The visitor's phone page behind the QR code: follows one ticket
 * live, calls the visitor loudly, lets them leave, and asks for a grade once
 * the visit is done. The only element that talks to the server.
 */
export class VisitorApp extends LitElement {
  static override properties = {
    phase: { state: true },
    ticket: { state: true },
    services: { state: true },
    connection: { state: true },
    feedback: { state: true },
    dismissedCall: { state: true },
    recall: { state: true },
    leaving: { state: true },
    failed: { state: true },
    notifyOn: { state: true },
    data: { state: true },
  };
  static override styles = appStyles;

  declare phase: Phase;
  declare ticket: PublicTicket | null;
  declare services: PublicService[];
  declare connection: ConnectionState;
  declare feedback: FeedbackPhase | 'unknown';
  /** calledAt of the call the visitor acknowledged; a recall sets a new calledAt. */
  declare dismissedCall: number | null;
  declare recall: boolean;
  declare leaving: boolean;
  declare failed: boolean;
  declare notifyOn: boolean;
  /** #17: the data view (`/t/<token>?data`). */
  declare data: VisitorData | null;

  private readonly i18n = new I18nController(this, visitorTexts, textsFor, sessionStorage.getItem(LANG_KEY) ?? browserLanguage());
  private readonly ticketId = ticketIdFromPath(location.pathname);
  private readonly dataView = new URLSearchParams(location.search).has('data');
  private channel: LiveChannel<VisitorServerEvents, VisitorClientEvents, 'visitor:snapshot', GoneCode> | null = null;

  constructor() {
    super();
    this.phase = 'loading';
    this.ticket = null;
    this.services = [];
    this.connection = 'connecting';
    this.feedback = 'unknown';
    this.dismissedCall = null;
    this.recall = false;
    this.leaving = false;
    this.failed = false;
    this.data = null;
    this.notifyOn = sessionStorage.getItem(NOTIFY_KEY) === '1' && notificationsSupported() && Notification.permission === 'granted';
    visitorIntents.listen(this, (intent) => void this.onIntent(intent));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    unlockAudioOnFirstTap();
    this.updateTitle();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.channel?.close();
  }

  private async load(): Promise<void> {
    if (!this.ticketId) return this.gone('TICKET_NOT_FOUND');
    if (this.dataView) return this.loadData(this.ticketId);
    const [ticket, services] = await Promise.all([api.ticket(this.ticketId), api.services()]);
    if (services.ok) this.services = services.value;
    if (!ticket.ok) {
      // A malformed token (400) is as unknown as a missing one.
      const gone = goneCode(ticket) ?? (ticket.status === 400 ? 'TICKET_NOT_FOUND' : null);
      if (gone) return this.gone(gone);
      this.connection = 'offline';
      setTimeout(() => void this.load(), RETRY_LOAD_MS);
      return;
    }
    if (!sessionStorage.getItem(LANG_KEY)) this.setLanguage(ticket.value.language, false);
    this.apply(ticket.value);
    this.phase = 'ticket';
    // A finished ticket connects too, once: the snapshot names the office's zone for the times shown.
    this.channel = new LiveChannel<VisitorServerEvents, VisitorClientEvents, 'visitor:snapshot', GoneCode>({
      namespace: VISITOR_NAMESPACE,
      auth: { ticket: this.ticketId },
      snapshotEvent: 'visitor:snapshot',
      onSnapshot: (s) => {
        this.i18n.setTimeZone(s.timeZone);
        this.apply(s.ticket);
      },
      pushes: { 'ticket:status': (e) => this.apply(e.ticket) },
      onState: (s) => (this.connection = s),
      final: { codes: GONE_CODES, on: (code) => this.gone(code) },
      afterServerDisconnect: () => this.recheck(),
    });
    this.channel.socket.on('ticket:expired', () => this.gone('TICKET_EXPIRED'));
  }

  /** #17: the data view works after the office day too, for as long as anything is kept. */
  private async loadData(id: string): Promise<void> {
    const [data, services] = await Promise.all([api.data(id), api.services()]);
    if (services.ok) this.services = services.value;
    if (!data.ok) return this.gone('TICKET_NOT_FOUND');
    this.data = data.value;
    this.phase = 'data';
    this.updateTitle();
  }

  private async onDeleteContact(): Promise<void> {
    if (!this.ticketId) return;
    this.leaving = true;
    this.failed = false;
    const res = await api.deleteContact(this.ticketId);
    this.leaving = false;
    if (res.ok) this.data = res.value;
    else this.failed = true;
  }

  /** The server closed the socket: find out over HTTP whether the ticket still works before reconnecting. */
  private async recheck(): Promise<void> {
    if (!this.ticketId) return;
    const res = await api.ticket(this.ticketId);
    if (res.ok) return this.apply(res.value);
    const gone = goneCode(res);
    if (gone) return this.gone(gone);
    await new Promise((resolve) => setTimeout(resolve, RETRY_LOAD_MS));
  }

  private apply(next: PublicTicket): void {
    const prev = this.ticket;
    this.ticket = next;
    const newCall = next.status === 'called' && (prev?.status !== 'called' || prev.calledAt !== next.calledAt);
    if (newCall) {
      // A new call (after a transfer or return, or a recall) shows the screen again, even within the same millisecond.
      this.dismissedCall = null;
      this.recall = prev?.status === 'called';
      // On the first load the visitor is already looking; alert only on a change.
      if (prev) {
        const x = this.i18n.texts;
        alertCall(x.t('calledTitle'), x.t('calledGoTo', { counter: next.counterName ?? '' }), this.notifyOn);
      }
    }
    if (next.status === 'done' && this.feedback === 'unknown') void this.loadFeedbackState();
    // A finished ticket never changes again: free the socket (and the phone's battery).
    if (FINAL_STATUSES.includes(next.status)) {
      this.channel?.close();
      this.channel = null;
    }
    this.updateTitle();
  }

  private async loadFeedbackState(): Promise<void> {
    if (!this.ticketId) return;
    const res = await api.feedbackState(this.ticketId);
    this.feedback = res.ok && res.value.given ? 'already' : 'open';
  }

  private gone(code: GoneCode): void {
    this.channel?.close();
    this.channel = null;
    this.ticket = null;
    this.phase = code === 'TICKET_EXPIRED' ? 'expired' : 'notFound';
    this.updateTitle();
  }

  private setLanguage(lang: string, remember: boolean): void {
    this.i18n.setLanguage(lang);
    if (remember) sessionStorage.setItem(LANG_KEY, this.i18n.lang);
    this.updateTitle();
  }

  private updateTitle(): void {
    const x = this.i18n.texts;
    if (this.phase === 'notFound') document.title = x.t('notFoundTitle');
    else if (this.phase === 'expired') document.title = x.t('expiredTitle');
    else if (this.phase === 'data') document.title = x.t('dataTitle');
    else document.title = this.ticket ? `${this.ticket.number} – ${x.t('pageTitle')}` : x.t('pageTitle');
  }

  private async onLeave(): Promise<void> {
    if (!this.ticketId) return;
    this.leaving = true;
    this.failed = false;
    const res = await api.cancel(this.ticketId);
    this.leaving = false;
    if (res.ok) return this.apply(res.value);
    const gone = goneCode(res);
    if (gone) return this.gone(gone);
    this.failed = true;
    const fresh = await api.ticket(this.ticketId);
    if (fresh.ok) this.apply(fresh.value);
  }

  private async onFeedback(grade: number, comment: string): Promise<void> {
    if (!this.ticketId) return;
    this.feedback = 'sending';
    const res = await api.sendFeedback(this.ticketId, grade, comment);
    if (res.ok) {
      this.feedback = 'thanks';
    } else if (res.status === 409) {
      const state = await api.feedbackState(this.ticketId);
      this.feedback = state.ok && state.value.given ? 'already' : 'failed';
    } else {
      const gone = goneCode(res);
      if (gone) this.gone(gone);
      else this.feedback = 'failed';
    }
  }

  private async onNotify(): Promise<void> {
    this.notifyOn = await askNotificationPermission();
    if (this.notifyOn) sessionStorage.setItem(NOTIFY_KEY, '1');
  }

  private onIntent(intent: VisitorIntent): Promise<void> | void {
    switch (intent.type) {
      case 'leave':
        return this.onLeave();
      case 'call-dismiss':
        this.dismissedCall = this.ticket?.calledAt ?? null;
        return;
      case 'feedback':
        return this.onFeedback(intent.grade, intent.comment);
      case 'language':
        return this.setLanguage(intent.lang, true);
      case 'notify':
        return this.onNotify();
      case 'delete-contact':
        return this.onDeleteContact();
    }
  }

  private serviceName(id: string): string {
    const names = this.services.find((s) => s.id === id)?.names;
    return names?.[this.i18n.lang] ?? names?.de ?? id;
  }

  private renderBody() {
    const x = this.i18n.texts;
    switch (this.phase) {
      case 'loading':
        return html`<p class="loading" role="status">${x.t('loading')}</p>`;
      case 'notFound':
        return html`<visitor-notice .heading=${x.t('notFoundTitle')} .text=${x.t('notFoundHelp')}></visitor-notice>`;
      case 'expired':
        return html`<visitor-notice .heading=${x.t('expiredTitle')} .text=${x.t('expiredHelp')}></visitor-notice>`;
      case 'data':
        return this.data
          ? html`<visitor-data .data=${this.data} .serviceName=${(id: string) => this.serviceName(id)} ?busy=${this.leaving} .back=${location.pathname}></visitor-data>
              ${this.failed ? html`<p class="error" role="alert">${x.t('failed')}</p>` : nothing}`
          : nothing;
      case 'ticket': {
        const tk = this.ticket;
        if (!tk) return nothing;
        return html`<visitor-ticket-view
          .ticket=${tk}
          .serviceName=${this.serviceName(tk.serviceId)}
          .nextServices=${laterServiceIds(tk).map((id) => this.serviceName(id))}
          .feedback=${this.feedback}
          ?showCall=${this.dismissedCall !== tk.calledAt}
          ?recall=${this.recall}
          ?leaving=${this.leaving}
          ?failed=${this.failed}
          ?notifyOn=${this.notifyOn}
        ></visitor-ticket-view>`;
      }
    }
  }

  override render() {
    const x = this.i18n.texts;
    const live = this.phase === 'loading' || (this.ticket !== null && !FINAL_STATUSES.includes(this.ticket.status));
    return html`<header>
        <visitor-language-picker></visitor-language-picker>
      </header>
      ${live && this.connection === 'offline' ? html`<p class="offline" role="status">${x.t('offline')}</p>` : nothing}
      ${this.renderBody()}`;
  }
}

customElements.define('visitor-app', VisitorApp);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-app': VisitorApp;
  }
}
