import type { TicketStatus } from './model.js';

/**
 * The ticket lifecycle's one transition table: each command is allowed only
 * from the statuses listed. The server's domain enforces it
 * (`server/domain/ticket-lifecycle.ts`); the counter app derives which buttons
 * it offers from the same table, so the two can never disagree.
 */
export const TICKET_COMMAND_TYPES = [
  'call',
  'recall',
  'start',
  'finish',
  'next_service',
  'no_show',
  'return',
  'transfer',
  'cancel',
  'expire',
] as const;
export type TicketCommandType = (typeof TICKET_COMMAND_TYPES)[number];

export const TRANSITIONS: Readonly<Record<TicketCommandType, readonly TicketStatus[]>> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  /** #17 "finish and next service": the segment ends served and the same ticket waits for its next service. */
  next_service: ['called', 'serving'],
  no_show: ['called'],
  return: ['called', 'serving'],
  transfer: ['called', 'serving'],
  cancel: ['waiting', 'called'],
  expire: ['waiting', 'called', 'serving'],
};

export function canApply(status: TicketStatus, command: TicketCommandType): boolean {
  return TRANSITIONS[command].includes(status);
}
