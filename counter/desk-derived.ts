import type { SessionUser, StaffCounter, StaffTicket } from '../common/dto.js';
import { availability, currentTicket, enabledActions, type DeskAction, type DeskState } from './state.js';

/** What the desk shows and allows, worked out from the session's state on each render. */
export interface DeskView {
  /** The counter chosen in this browser. */
  counter: StaffCounter | null;
  /** Open by this user: the actions are theirs. */
  isMine: boolean;
  currentTicket: StaffTicket | null;
  enabled: Record<DeskAction, boolean>;
}

export function deskView(s: { desk: DeskState | null; user: SessionUser | null; counterId: string | null }): DeskView {
  const counter = s.desk?.counters.find((c) => c.id === s.counterId) ?? null;
  const ticket = counter && s.desk ? currentTicket(s.desk, counter) : null;
  return {
    counter,
    isMine: counter !== null && s.user !== null && availability(counter, s.user) === 'mine',
    currentTicket: ticket,
    enabled: enabledActions(counter, s.user, ticket),
  };
}
