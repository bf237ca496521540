import { LitElement, css, html, nothing } from 'lit';
import { base } from './styles.js';
import { visitorIntents } from './intents.js';
import { visitorTexts } from './texts.js';

/**
 * @summary Full-screen "It's your turn — go to Schalter 3", in the visitor's
 * language and, below it, in German (the words on the office's signs).
 * @fires visitor-intent call-dismiss: the visitor tapped "OK, I'm coming"
 */
export class VisitorCallScreen extends LitElement {
  static override properties = {
    number: { attribute: false },
    counterName: { attribute: false },
    recall: { type: Boolean },
  };

  private readonly texts = visitorTexts.consume(this);
  declare number: string;
  declare counterName: string;
  declare recall: boolean;

  constructor() {
    super();
    this.recall = false;
  }

  static override styles = [
    base,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: flex;
        background: #ffd21f;
        color: #111;
        animation: flash 0.9s ease-out 3;
      }
      @keyframes flash {
        50% {
          background: #fff3b8;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        :host {
          animation: none;
        }
      }
      .screen {
        margin: auto;
        width: 100%;
        max-width: 34rem;
        padding: max(1.5rem, env(safe-area-inset-top)) 1.5rem max(1.5rem, env(safe-area-inset-bottom));
        text-align: center;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 2.6rem;
        line-height: 1.15;
      }
      .number {
        margin: 0.25rem 0 1rem;
        font-size: 4rem;
        font-weight: 800;
        direction: ltr;
        unicode-bidi: isolate;
      }
      .go {
        margin: 0 0 1.25rem;
        font-size: 1.7rem;
        font-weight: 700;
        line-height: 1.3;
      }
      .again {
        margin: 0 0 0.75rem;
        font-size: 1.2rem;
      }
      .de {
        margin: 0 0 1.75rem;
        padding-top: 1rem;
        border-top: 2px solid rgb(0 0 0 / 0.25);
        font-size: 1.3rem;
        line-height: 1.35;
      }
      .de strong {
        display: block;
      }
      button {
        width: 100%;
        min-height: 60px;
        font-size: 1.3rem;
        font-weight: 700;
        background: #111;
        color: #fff;
        border: 0;
      }
    `,
  ];

  override firstUpdated(): void {
    this.renderRoot.querySelector('button')?.focus();
  }

  override render() {
    const x = this.texts.value;
    const german = x.lang !== 'de';
    return html`<div class="screen" role="alertdialog" aria-modal="true" aria-labelledby="title" aria-describedby="go">
      <h2 id="title">${x.t('calledTitle')}</h2>
      ${this.recall ? html`<p class="again">${x.t('calledAgain')}</p>` : nothing}
      <p class="number">${this.number}</p>
      <p class="go" id="go">${x.t('calledGoTo', { counter: this.counterName })}</p>
      ${german
        ? html`<p class="de" lang="de" dir="ltr">
            <strong>${x.de.t('calledTitle')}</strong>${x.de.t('calledGoTo', { counter: this.counterName })}
          </p>`
        : nothing}
      <button @click=${() => visitorIntents.fire(this, { type: 'call-dismiss' })}>${x.t('calledOk')}</button>
    </div>`;
  }
}

customElements.define('visitor-call-screen', VisitorCallScreen);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-call-screen': VisitorCallScreen;
  }
}
