import { LitElement, css, html, type PropertyValues } from 'lit';
import type { StaffTicket } from '../common/dto.js';
import { NOTES_MAX_LENGTH } from '../common/protocol.js';
import { counterIntents } from './intents.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';

/**
 * @summary Staff-only notes on the current ticket. Saved with the button or when
 * leaving the field; a note typed here is never overwritten by a push while unsaved.
 * @fires counter-intent - `notes` with the ticket id and text.
 */
export class CounterNotes extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    draft: { state: true },
  };

  static override styles = [
    base,
    css`
      label {
        display: block;
        font-weight: 600;
        margin-block-end: 0.3rem;
      }
      textarea {
        width: 100%;
        min-height: 5.5rem;
        padding: 0.5rem;
        border: 1px solid var(--c-muted);
        border-radius: 6px;
        resize: vertical;
      }
      .row {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        margin-block-start: 0.4rem;
      }
      .row .muted {
        margin-inline-start: auto;
        font-size: 0.85rem;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare ticket: StaffTicket;
  declare draft: string;
  private shownFor = '';
  /** The text last sent, so the blur before a click on "save" does not send it twice. */
  private sent: string | null = null;

  constructor() {
    super();
    this.draft = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A new ticket, or the saved text changed elsewhere while nothing is being edited here.
    if (changed.has('ticket') && this.ticket) {
      this.sent = null;
      const previous = changed.get('ticket');
      const clean = previous === undefined || this.draft === previous.notes;
      if (this.ticket.ref !== this.shownFor || clean) {
        this.draft = this.ticket.notes;
        this.shownFor = this.ticket.ref;
      }
    }
  }

  private get dirty(): boolean {
    return this.draft !== this.ticket.notes;
  }

  private save(): void {
    if (!this.dirty || this.draft === this.sent) return;
    this.sent = this.draft;
    counterIntents.fire(this, { type: 'notes', ticketRef: this.ticket.ref, notes: this.draft });
  }

  override render() {
    const { t } = this.texts.value;
    return html`<label for="notes">${t('notesLabel')}</label>
      <textarea
        id="notes"
        maxlength=${NOTES_MAX_LENGTH}
        .value=${this.draft}
        @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
        @blur=${this.save}
      ></textarea>
      <div class="row">
        <button @click=${this.save}>${t('notesSave')}</button>
        <span role="status">${this.dirty ? t('notesUnsaved') : t('notesSaved')}</span>
        <span class="muted">${t('notesCount', { count: this.draft.length, max: NOTES_MAX_LENGTH })}</span>
      </div>`;
  }
}

customElements.define('counter-notes', CounterNotes);

declare global {
  interface HTMLElementTagNameMap {
    'counter-notes': CounterNotes;
  }
}
