import type { CommandReply } from '../common/client/channel-types.js';
import type { CounterClientEvents } from '../common/protocol.js';
import { api } from './api.js';
import type { DeskChannel, DeskController } from './desk-controller.js';
import { deskView } from './desk-derived.js';
import { serviceName } from './i18n.js';
import { reprintOutcome, ticketOutcome, type TicketCommand } from './outcome-messages.js';
import type { CounterTexts } from './texts.js';

export interface TransferTarget {
  serviceId?: string;
  targetCounterId?: string;
  keepPlace: boolean;
}

/** What every command on the counter or its ticket answers (or TIMEOUT). */
type TicketReply = CommandReply<CounterClientEvents, 'counter:call-next'>;

/** The actions that name nothing but the counter. */
export type PlainAction = 'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'return';

/**
 * The staff's commands: over the live channel (typed by the /counter event
 * map), one at a time, each answered with a sentence or the reason it was
 * refused. The state they change arrives as pushes, never guessed here.
 */
export class DeskCommands {
  constructor(
    private readonly desk: DeskController,
    /** The current language's texts (they change with the language). */
    private readonly texts: () => CounterTexts,
  ) {}

  async open(counterId: string, force: boolean): Promise<void> {
    const reply = await this.send('open', (c) => this.settled(c.command('counter:open', force ? { counterId, force } : { counterId })));
    if (!reply) return;
    if (!reply.ok) return this.desk.fail(reply.error);
    this.desk.chooseCounter(counterId);
    this.desk.say(this.texts().t('doneOpened', { counter: reply.counter.name }));
  }

  async close(): Promise<void> {
    const counterId = this.desk.counterId;
    if (!counterId) return;
    const reply = await this.send('close', (c) => this.settled(c.command('counter:close', { counterId })));
    if (!reply) return;
    if (!reply.ok) return this.desk.fail(reply.error);
    this.desk.say(this.texts().t('doneClosed', { counter: reply.counter.name }));
  }

  act(action: PlainAction): Promise<void> {
    return this.onTicket(action, (c, counterId) => c.command(`counter:${action}`, { counterId }));
  }

  call(ticketRef: string): Promise<void> {
    return this.onTicket('call', (c, counterId) => c.command('counter:call', { counterId, ticketRef }));
  }

  transfer(to: TransferTarget): Promise<void> {
    const target = to.serviceId
      ? serviceName(this.desk.services, to.serviceId, this.texts().lang)
      : (this.desk.desk?.counters.find((c) => c.id === to.targetCounterId)?.name ?? '');
    const where = to.serviceId ? { serviceId: to.serviceId } : { targetCounterId: to.targetCounterId };
    return this.onTicket('transfer', (c, counterId) => c.command('counter:transfer', { counterId, ...where, keepPlace: to.keepPlace }), target);
  }

  /**
   * "Finish and next service" (#17): the current segment ends served and the
   * ticket, keeping its number, waits for `serviceId`.
   */
  finishNext(serviceId: string): Promise<void> {
    const target = serviceName(this.desk.services, serviceId, this.texts().lang);
    return this.onTicket('finish-next', (c, counterId) => c.command('counter:finish-next', { counterId, serviceId }), target);
  }

  /** Over HTTP: the printing side owns the route. Its error message is shown as it comes. */
  async reprint(): Promise<void> {
    const ticket = deskView(this.desk).currentTicket;
    if (!ticket) return;
    await this.send('reprint', async () => {
      const res = await api.reprint(ticket.ref);
      if (res.ok) this.desk.say(reprintOutcome(this.texts().t, ticket.number, res.value));
      else this.desk.fail(res);
    });
  }

  /** Not behind `send`: notes are saved on leaving the field, often just before an action click. */
  async saveNotes(ticketRef: string, notes: string): Promise<void> {
    const reply = await this.desk.channel?.command('counter:notes', { ticketRef, notes });
    if (reply && !reply.ok) this.desk.fail(reply.error);
  }

  /** Not behind `send` either: an alarm must never wait for another command. */
  async raiseAlarm(): Promise<void> {
    const counterId = this.desk.counterId;
    const channel = this.desk.channel;
    if (!counterId || !channel) return;
    const reply = await channel.command('counter:alarm', { counterId });
    if (!reply.ok) return this.desk.fail(reply.error);
    this.desk.addAlarm(reply.alarm);
  }

  async acknowledgeAlarm(alarmId: string): Promise<void> {
    const reply = await this.desk.channel?.command('counter:alarm-ack', { alarmId });
    if (!reply) return;
    if (!reply.ok) return this.desk.fail(reply.error);
    this.desk.clearAlarm(reply.cleared);
  }

  /** A command on the counter's ticket: sent, then handed on once the screen shows its outcome. */
  private async onTicket(
    command: TicketCommand,
    run: (channel: DeskChannel, counterId: string) => Promise<TicketReply>,
    transferTarget = '',
  ): Promise<void> {
    const counterId = this.desk.counterId;
    if (!counterId) return;
    const reply = await this.send(command, (c) => this.settled(run(c, counterId)));
    if (!reply) return;
    if (!reply.ok) return this.desk.fail(reply.error);
    this.desk.say(ticketOutcome(this.texts().t, command, reply.ticket, transferTarget));
  }

  /** A command's reply, handed on once the screen shows its outcome. */
  private async settled(pending: Promise<TicketReply>): Promise<TicketReply> {
    const reply = await pending;
    if (reply.ok) await this.desk.shown(reply);
    return reply;
  }

  /** One command at a time: a double click or a held key cannot send two. */
  private async send<R>(name: string, run: (channel: DeskChannel) => Promise<R>): Promise<R | null> {
    const channel = this.desk.channel;
    if (this.desk.pending || !channel) return null;
    this.desk.update({ pending: name, actedAt: Date.now() });
    try {
      return await run(channel);
    } finally {
      this.desk.update({ pending: null });
    }
  }
}
