import { LitElement, css, html, nothing } from 'lit';
import type { ConnectionState } from '../common/client/live-channel.js';
import type { SessionUser, StaffCounter } from '../common/dto.js';
import { COUNTER_LANGUAGES } from '../common/i18n/counter/index.js';
import { languageInfo } from '../common/i18n/languages.js';
import './counter-alarm-button.js';
import { counterIntents } from './intents.js';
import { counterTexts } from './texts.js';
import { base } from './styles.js';

/**
 * @summary The top bar: which counter, who is signed in, language, shortcuts,
 * close counter, sign out, and the alarm button.
 * @fires counter-intent - `language`, `shortcuts`, `close`, `logout`.
 */
export class CounterHeader extends LitElement {
  static override properties = {
    user: { attribute: false },
    counter: { attribute: false },
    mine: { type: Boolean },
    canClose: { type: Boolean },
    connection: { type: String },
    shortcutsOn: { type: Boolean },
  };

  static override styles = [
    base,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.6rem 1rem;
        background: var(--c-surface);
        border-bottom: 1px solid var(--c-border);
      }
      .where {
        display: flex;
        align-items: baseline;
        gap: 0.75rem;
        margin-inline-end: auto;
      }
      .brand {
        font-weight: 600;
        color: var(--c-muted);
      }
      h1 {
        font-size: 1.3rem;
        margin: 0;
      }
      .pill {
        font-size: 0.85rem;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        border: 1px solid currentColor;
      }
      .pill.open {
        color: var(--c-ok);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
      }
      select {
        padding: 0.3rem;
        border: 1px solid var(--c-muted);
        border-radius: 6px;
        background: var(--c-surface);
      }
      .offline {
        flex-basis: 100%;
        margin: 0;
        padding: 0.4rem 0.6rem;
        border-radius: 6px;
        background: #fff4d6;
        color: #5c4300;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare user: SessionUser | null;
  declare counter: StaffCounter | null;
  declare mine: boolean;
  declare canClose: boolean;
  declare connection: ConnectionState;
  declare shortcutsOn: boolean;

  constructor() {
    super();
    this.user = null;
    this.counter = null;
    this.mine = false;
    this.canClose = false;
    this.connection = 'online';
    this.shortcutsOn = true;
  }

  override render() {
    const { t } = this.texts.value;
    const c = this.counter;
    return html`<header>
      <div class="where">
        <span class="brand">${t('appName')}</span>
        ${c
          ? html`<h1>${c.name}</h1>
              <span class="pill ${this.mine ? 'open' : ''}">${this.mine ? t('counterOpen') : t('counterClosed')}</span>`
          : nothing}
      </div>
      <div class="tools">
        ${this.user ? html`<span>${t('signedInAs', { name: this.user.displayName })}</span>` : nothing}
        <label
          >${t('language')}
          <select @change=${(e: Event) => counterIntents.fire(this, { type: 'language', lang: (e.target as HTMLSelectElement).value })}>
            ${COUNTER_LANGUAGES.map(
              (l) => html`<option value=${l} ?selected=${l === this.texts.value.lang}>${languageInfo(l)?.name ?? l}</option>`,
            )}
          </select></label
        >
        ${this.user
          ? html`<label
                ><input
                  type="checkbox"
                  name="shortcuts"
                  .checked=${this.shortcutsOn}
                  @change=${(e: Event) => counterIntents.fire(this, { type: 'shortcuts', on: (e.target as HTMLInputElement).checked })}
                />${t('shortcutsToggle')}</label
              >
              ${this.mine
                ? html`<button id="close-counter" ?disabled=${!this.canClose} @click=${() => counterIntents.fire(this, { type: 'close' })}>
                    ${t('closeCounter')}
                  </button>`
                : nothing}
              <button @click=${() => counterIntents.fire(this, { type: 'logout' })}>${t('logout')}</button>
              ${c ? html`<counter-alarm-button .counterName=${c.name}></counter-alarm-button>` : nothing}`
          : nothing}
      </div>
      ${this.user && this.connection !== 'online'
        ? html`<p class="offline" role="status">${this.connection === 'offline' ? t('connectionOffline') : t('connectionConnecting')}</p>`
        : nothing}
    </header>`;
  }
}

customElements.define('counter-header', CounterHeader);

declare global {
  interface HTMLElementTagNameMap {
    'counter-header': CounterHeader;
  }
}
