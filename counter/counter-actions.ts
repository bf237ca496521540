import { LitElement, css, html, nothing } from 'lit';
import type { CounterKey } from '../common/i18n/counter/index.js';
import { counterIntents } from './intents.js';
import { SHORTCUTS } from './shortcuts.js';
import { DESK_ACTIONS, type DeskAction } from './state.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';

const LABELS: Record<DeskAction, CounterKey> = {
  'call-next': 'actCallNext',
  recall: 'actRecall',
  start: 'actStart',
  finish: 'actFinish',
  'finish-next': 'actFinishNext',
  'no-show': 'actNoShow',
  return: 'actReturn',
  transfer: 'actTransfer',
  reprint: 'actReprint',
};

/**
 * @summary The action buttons, each with its shortcut key shown. Buttons that
 * make no sense now are disabled; all are while a command is on its way.
 * @fires counter-intent - `action`, `transfer-dialog`, `next-service-dialog` or `reprint`.
 */
export class CounterActions extends LitElement {
  static override properties = {
    enabled: { attribute: false },
    busy: { type: Boolean },
    shortcutsOn: { type: Boolean },
    suggested: { type: String },
  };

  static override styles = [
    base,
    css`
      .bar {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 0.5rem;
      }
      @media (max-width: 62rem) {
        .bar {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
      }
      button {
        justify-content: space-between;
        min-height: 3rem;
        font-weight: 600;
        text-align: start;
      }
      .panel {
        padding: 0.75rem;
      }
      @media (max-width: 40rem) {
        .bar {
          grid-template-columns: repeat(2, 1fr);
        }
      }
      .hint {
        font-size: 0.85rem;
        margin: 0.5rem 0 0;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare enabled: Record<DeskAction, boolean>;
  declare busy: boolean;
  declare shortcutsOn: boolean;
  /** The next sensible step, drawn as the primary button. */
  declare suggested: DeskAction | '';

  constructor() {
    super();
    this.busy = false;
    this.shortcutsOn = true;
    this.suggested = '';
  }

  /** Moves focus to the highlighted next step, if it can be pressed. */
  focusSuggested(): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-action="${this.suggested}"]:not(:disabled)`)?.focus();
  }

  private fire(action: DeskAction): void {
    if (action === 'transfer') counterIntents.fire(this, { type: 'transfer-dialog', open: true });
    else if (action === 'finish-next') counterIntents.fire(this, { type: 'next-service-dialog', open: true });
    else if (action === 'reprint') counterIntents.fire(this, { type: 'reprint' });
    else counterIntents.fire(this, { type: 'action', action });
  }

  override render() {
    const { t } = this.texts.value;
    return html`<section class="panel" aria-labelledby="actions-title" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2 id="actions-title" class="visually-hidden">${t('actionsTitle')}</h2>
      <div class="bar">
        ${DESK_ACTIONS.map(
          (a) => html`<button
            data-action=${a}
            class=${a === this.suggested ? 'primary' : a === 'no-show' ? 'danger' : ''}
            ?disabled=${this.busy || !this.enabled[a]}
            aria-keyshortcuts=${this.shortcutsOn ? SHORTCUTS[a] : nothing}
            @click=${() => this.fire(a)}
          >
            <span>${t(LABELS[a])}</span>${this.shortcutsOn ? html`<kbd aria-hidden="true">${SHORTCUTS[a]}</kbd>` : nothing}
          </button>`,
        )}
      </div>
      ${this.shortcutsOn ? html`<p class="hint muted">${t('shortcutsHint')}</p>` : nothing}
    </section>`;
  }
}

customElements.define('counter-actions', CounterActions);

declare global {
  interface HTMLElementTagNameMap {
    'counter-actions': CounterActions;
  }
}
