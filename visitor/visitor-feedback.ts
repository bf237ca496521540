import { LitElement, css, html, nothing } from 'lit';
import { face } from './faces.js';
import { visitorIntents } from './intents.js';
import { base } from './styles.js';
import { visitorTexts } from './texts.js';

export type FeedbackPhase = 'open' | 'sending' | 'failed' | 'thanks' | 'already';

const GRADES = [1, 2, 3, 4, 5, 6] as const;
const GRADE_KEYS = ['grade1', 'grade2', 'grade3', 'grade4', 'grade5', 'grade6'] as const;
export const COMMENT_MAX = 500;

/**
 * @summary One question after the visit: a German school grade, shown as a
 * face, its number and its word, plus an optional short comment. Anonymous.
 * @fires visitor-intent feedback `{grade, comment}` when sent
 */
export class VisitorFeedback extends LitElement {
  static override properties = {
    phase: { attribute: false },
    grade: { state: true },
  };

  private readonly texts = visitorTexts.consume(this);
  declare phase: FeedbackPhase;
  declare grade: number | null;

  constructor() {
    super();
    this.phase = 'open';
    this.grade = null;
  }

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      form,
      .done {
        background: var(--surface);
        border-radius: var(--radius);
        padding: 1.25rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
      }
      fieldset {
        border: 0;
        margin: 0 0 1rem;
        padding: 0;
      }
      legend {
        font-size: 1.35rem;
        font-weight: 700;
        line-height: 1.3;
        padding: 0;
        margin-bottom: 0.3rem;
      }
      .hint {
        margin: 0 0 0.8rem;
        color: var(--muted);
        line-height: 1.4;
      }
      .grades {
        display: grid;
        gap: 0.5rem;
      }
      input[type='radio'] {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .grade {
        display: flex;
        align-items: center;
        gap: 0.9rem;
        min-height: 60px;
        padding: 0.4rem 0.8rem;
        border: 2px solid var(--line);
        border-radius: 12px;
        cursor: pointer;
        font-size: 1.15rem;
      }
      .grade .n {
        font-weight: 800;
        min-width: 1.2em;
        text-align: center;
      }
      input:checked + .grade {
        border-color: var(--accent);
        background: #e8f0fe;
        box-shadow: inset 0 0 0 1px var(--accent);
      }
      label.text {
        display: block;
        font-weight: 600;
        margin-bottom: 0.3rem;
      }
      textarea {
        width: 100%;
        min-height: 6rem;
        font: inherit;
        padding: 0.6rem;
        border: 2px solid var(--line);
        border-radius: 10px;
      }
      .send {
        width: 100%;
        margin-top: 1rem;
      }
      .send:disabled {
        background: #8a94a3;
        border-color: #8a94a3;
        color: #fff;
        cursor: not-allowed;
      }
      .anon {
        margin: 0.6rem 0 0;
        color: var(--muted);
        font-size: 0.95rem;
      }
      .error {
        color: var(--danger);
        font-weight: 600;
      }
      .done p {
        margin: 0;
        font-size: 1.3rem;
        font-weight: 700;
      }
    `,
  ];

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.grade === null || this.phase === 'sending') return;
    const comment = this.renderRoot.querySelector('textarea')?.value.trim() ?? '';
    visitorIntents.fire(this, { type: 'feedback', grade: this.grade, comment: comment.slice(0, COMMENT_MAX) });
  }

  override render() {
    const x = this.texts.value;
    if (this.phase === 'thanks' || this.phase === 'already') {
      return html`<div class="done" role="status">
        <p>${x.t(this.phase === 'thanks' ? 'feedbackThanks' : 'feedbackAlready')}</p>
      </div>`;
    }
    const number = new Intl.NumberFormat(x.lang);
    return html`<form @submit=${this.submit} novalidate>
      <fieldset aria-describedby="scale">
        <legend>${x.t('feedbackQuestion')}</legend>
        <p class="hint" id="scale">${x.t('feedbackScale', { best: 1, worst: 6 })}</p>
        <div class="grades">
          ${GRADES.map(
            (g, i) => html`<input
                type="radio"
                name="grade"
                id="grade-${g}"
                value=${g}
                .checked=${this.grade === g}
                @change=${() => (this.grade = g)}
              /><label class="grade" for="grade-${g}"
                >${face(g)}<span class="n">${number.format(g)}</span><span>${x.t(GRADE_KEYS[i] ?? 'grade1')}</span></label
              >`,
          )}
        </div>
      </fieldset>
      <label class="text" for="comment">${x.t('commentLabel')}</label>
      <p class="hint" id="comment-hint">${x.t('commentHint')}</p>
      <textarea id="comment" maxlength=${COMMENT_MAX} aria-describedby="comment-hint"></textarea>
      <button class="send primary" type="submit" ?disabled=${this.grade === null || this.phase === 'sending'}>
        ${x.t('feedbackSend')}
      </button>
      ${this.phase === 'failed' ? html`<p class="error" role="alert">${x.t('failed')}</p>` : nothing}
      <p class="anon">${x.t('feedbackAnonymous')}</p>
    </form>`;
  }
}

customElements.define('visitor-feedback', VisitorFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'visitor-feedback': VisitorFeedback;
  }
}
