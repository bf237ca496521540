import { LitElement, css, html } from 'lit';
import { LANGUAGES, type LanguageInfo, type VisitorLanguage } from '../../common/i18n/languages.js';
import { kioskIntents } from '../intents.js';
import { kioskTexts } from '../texts.js';
import { buttonStyles, screenStyles, tileGridStyles } from './shared-styles.js';
import './kiosk-header.js';
import './kiosk-icon.js';

/**
 * @summary The start screen: every language this kiosk offers by its own name
 * in its own script (no flags), and the word "language" in all of them.
 * @fires kiosk-intent choose-language
 */
export class KioskLanguageScreen extends LitElement {
  static override properties = {
    words: { attribute: false },
    languages: { attribute: false },
    contrast: { type: Boolean },
  };

  static override styles = [
    screenStyles,
    buttonStyles,
    // The tile grid the service screens use; this screen's own main (below) keeps its roomier spacing.
    tileGridStyles,
    css`
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        gap: 1.2rem;
        padding: 1.5rem 2rem 2rem;
        min-block-size: 0;
      }
      header {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.6rem;
        text-align: center;
      }
      h1 {
        display: flex;
        align-items: center;
        gap: 0.5em;
        font-size: 2.2rem;
      }
      .words {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.2em 0.9em;
        font-size: 1.1rem;
        color: var(--k-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
      }
      li button {
        flex: 1;
        font-size: 2rem;
        font-weight: 600;
      }
      li button.current {
        border-color: var(--k-primary);
        border-width: calc(var(--k-border-width) * 2);
      }
    `,
  ];

  private readonly texts = kioskTexts.consume(this);
  /** The word "language" in each language whose texts have arrived. */
  declare words: ReadonlyMap<VisitorLanguage, string>;
  /** The languages offered here (the kiosk's device record); all by default. */
  declare languages: readonly LanguageInfo[];
  declare contrast: boolean;

  constructor() {
    super();
    this.words = new Map();
    this.languages = LANGUAGES;
    this.contrast = false;
  }

  override render() {
    const { t, lang } = this.texts.value;
    return html`
      <kiosk-header ?contrast=${this.contrast}></kiosk-header>
      <main>
        <header>
          <h1><kiosk-icon name="globe"></kiosk-icon>${t('chooseLanguage')}</h1>
          <p class="words">
            ${this.languages.filter((l) => l.code !== lang && this.words.has(l.code)).map(
              (l) => html`<span lang=${l.code} dir=${l.dir}>${this.words.get(l.code)}</span>`,
            )}
          </p>
        </header>
        <ul class="tiles">
          ${this.languages.map(
            (l) => html`<li>
              <button
                lang=${l.code}
                dir=${l.dir}
                class=${l.code === lang ? 'current' : ''}
                aria-current=${l.code === lang ? 'true' : 'false'}
                @click=${() => kioskIntents.fire(this, { type: 'choose-language', lang: l.code })}
              >
                ${l.name}
              </button>
            </li>`,
          )}
        </ul>
      </main>
    `;
  }
}

customElements.define('kiosk-language-screen', KioskLanguageScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-language-screen': KioskLanguageScreen;
  }
}
