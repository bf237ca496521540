import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { HttpFailure, HttpResult } from '../../common/client/http.js';
import type { AdminKey } from '../../common/i18n/admin/index.js';
import type { Me } from '../model.js';
import { adminBase } from '../styles.js';
import { adminTexts, failureText } from '../texts.js';
import { fieldMatches, getPath, setPath, type Draft } from './draft.js';

export interface TextOptions {
  required?: boolean;
  maxlength?: number;
  hint?: string;
  type?: 'text' | 'password' | 'date' | 'time';
  autocomplete?: string;
  /** The id of a <datalist> offering values. */
  list?: string;
}

export interface NumberOptions {
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Empty means null (e.g. "no daily limit"). */
  nullable?: boolean;
  hint?: string;
}

/**
 * The form half of every admin page: a draft edited by JSON path, inputs with
 * their label and the server's message next to the field it names
 * (`error.field`), a refusal no field claims shown above the form, and a STALE
 * answer shown as "changed by someone else" with a reload button.
 */
export abstract class AdminForm extends LitElement {
  static override properties = {
    me: { attribute: false },
    draft: { state: true },
    failure: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  static override styles = [adminBase];

  protected readonly texts = adminTexts.consume(this);
  declare me: Me | null;
  declare draft: Draft;
  declare failure: HttpFailure | null;
  declare notice: string;
  declare busy: boolean;
  /** Fields rendered in this pass that took the failure's message. */
  private claimed = false;

  constructor() {
    super();
    this.me = null;
    this.draft = {};
    this.failure = null;
    this.notice = '';
    this.busy = false;
  }

  /** Load afresh from the server (also the STALE answer's reload button). */
  abstract reload(): Promise<void>;

  t(key: AdminKey, params?: Record<string, string | number>): string {
    return this.texts.value.t(key, params);
  }

  /** Only an admin writes office settings and the catalogue; pages with other rules override this. */
  get readOnly(): boolean {
    return this.me?.role !== 'admin';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  protected override update(changed: PropertyValues): void {
    this.claimed = false;
    super.update(changed);
  }

  value(path: string): unknown {
    return getPath(this.draft, path);
  }

  set(path: string, value: unknown): void {
    this.draft = setPath(this.draft, path, value);
  }

  /** The failure's message when it names this field (or something inside it). */
  errorAt(path: string): string {
    if (!this.failure || !fieldMatches(this.failure.field, path)) return '';
    this.claimed = true;
    return failureText(this.texts.value, this.failure);
  }

  protected field(path: string, label: string, control: (id: string, describedBy: string, invalid: boolean) => TemplateResult, hint = ''): TemplateResult {
    const id = `f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
    const error = this.errorAt(path);
    const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
    return html`<div class="field" data-field=${path}>
      <label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${control(id, describedBy, error !== '')}
      <p class="field-error" id=${`${id}-error`}>${error}</p>
    </div>`;
  }

  protected textInput(path: string, label: string, o: TextOptions = {}): TemplateResult {
    const v = this.value(path);
    return this.field(
      path,
      label,
      (id, describedBy, invalid) => html`<input
        id=${id}
        type=${o.type ?? 'text'}
        .value=${typeof v === 'string' ? v : ''}
        ?required=${o.required === true}
        maxlength=${o.maxlength ?? 200}
        autocomplete=${o.autocomplete ?? 'off'}
        list=${o.list ?? nothing}
        ?disabled=${this.readOnly}
        aria-describedby=${describedBy}
        aria-invalid=${invalid ? 'true' : 'false'}
        @input=${(e: Event) => this.set(path, (e.target as HTMLInputElement).value)}
      />`,
      o.hint,
    );
  }

  protected numberInput(path: string, label: string, o: NumberOptions = {}): TemplateResult {
    const v = this.value(path);
    return this.field(
      path,
      label,
      (id, describedBy, invalid) => html`<input
        id=${id}
        type="number"
        inputmode="decimal"
        .value=${typeof v === 'number' ? String(v) : ''}
        min=${o.min ?? nothing}
        max=${o.max ?? nothing}
        step=${o.step ?? 1}
        ?required=${o.nullable !== true}
        ?disabled=${this.readOnly}
        aria-describedby=${describedBy}
        aria-invalid=${invalid ? 'true' : 'false'}
        @input=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          this.set(path, raw === '' ? (o.nullable ? null : raw) : Number(raw));
        }}
      />`,
      o.hint,
    );
  }

  protected checkbox(path: string, label: string): TemplateResult {
    const id = `f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
    const error = this.errorAt(path);
    return html`<div class="check" data-field=${path}>
      <input
        id=${id}
        type="checkbox"
        .checked=${this.value(path) === true}
        ?disabled=${this.readOnly}
        aria-describedby=${`${id}-error`}
        @change=${(e: Event) => this.set(path, (e.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${label}</label>
      <p class="field-error" id=${`${id}-error`}>${error}</p>
    </div>`;
  }

  /** `parse` turns the option's text value into the draft's (a number, null for ''). */
  protected select(path: string, label: string, options: readonly (readonly [string, string])[], parse: (v: string) => unknown = (x) => x): TemplateResult {
    const v = this.value(path);
    const current = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    return this.field(
      path,
      label,
      (id, describedBy, invalid) => html`<select
        id=${id}
        ?disabled=${this.readOnly}
        aria-describedby=${describedBy}
        aria-invalid=${invalid ? 'true' : 'false'}
        @change=${(e: Event) => this.set(path, parse((e.target as HTMLSelectElement).value))}
      >
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${value === current}>${text}</option>`)}
      </select>`,
    );
  }

  /**
   * A choice of some or all: one checkbox "all" (stored as `all`, e.g. null, so
   * values added later are offered too) above the checkboxes of each value.
   * Unticking "all" starts from every value ticked.
   */
  protected subsetSet(path: string, legend: string, allLabel: string, options: readonly (readonly [string, string])[], all: null | 'all' = null): TemplateResult {
    const isAll = this.value(path) === all;
    const id = `f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
    return html`<fieldset data-field=${path} aria-describedby=${`${id}-error`}>
      <legend>${legend}</legend>
      <label class="check"
        ><input
          type="checkbox"
          data-all=${path}
          .checked=${isAll}
          ?disabled=${this.readOnly}
          @change=${(e: Event) => this.set(path, (e.target as HTMLInputElement).checked ? all : options.map(([v]) => v))}
        />${allLabel}</label
      >
      ${isAll ? nothing : html`<div class="choices">${this.checkboxList(path, options)}</div>`}
      <p class="field-error" id=${`${id}-error`}>${this.errorAt(path)}</p>
    </fieldset>`;
  }

  /** Checkboxes for a set of values (languages, services), stored as an array at `path`. */
  protected checkboxSet(path: string, legend: string, options: readonly (readonly [string, string])[]): TemplateResult {
    const id = `f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
    return html`<fieldset data-field=${path} aria-describedby=${`${id}-error`}>
      <legend>${legend}</legend>
      ${this.checkboxList(path, options)}
      <p class="field-error" id=${`${id}-error`}>${this.errorAt(path)}</p>
    </fieldset>`;
  }

  private checkboxList(path: string, options: readonly (readonly [string, string])[]): TemplateResult[] {
    const chosen = new Set(Array.isArray(this.value(path)) ? (this.value(path) as string[]) : []);
    const toggle = (value: string, on: boolean) => {
      const next = options.map(([v]) => v).filter((v) => (v === value ? on : chosen.has(v)));
      this.set(path, next);
    };
    return options.map(
      ([value, text]) => html`<label class="check"
        ><input
          type="checkbox"
          data-value=${value}
          .checked=${chosen.has(value)}
          ?disabled=${this.readOnly}
          @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)}
        />${text}</label
      >`,
    );
  }

  /** Call after the fields are rendered: a refusal no field took, or the STALE offer to reload. */
  protected renderProblem(): TemplateResult | typeof nothing {
    const f = this.failure;
    if (!f) return this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : html`<p class="notice" role="status" hidden></p>`;
    if (f.code === 'STALE') {
      return html`<div class="problem" role="alert" data-problem="STALE">
        <span>${this.t('staleText')}</span>
        <button type="button" @click=${() => void this.reload()}>${this.t('reload')}</button>
      </div>`;
    }
    if (this.claimed) return html`<p class="problem" role="alert">${this.t('fixFields')}</p>`;
    return html`<p class="problem" role="alert" data-problem=${f.code}>${failureText(this.texts.value, f)}</p>`;
  }

  /** Moves to what the refusal concerns: the first field marked invalid, else the message above the form. */
  protected async showFailure(): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else this.renderRoot.querySelector('.problem')?.scrollIntoView({ block: 'nearest' });
  }

  /** One request: busy meanwhile, its refusal kept for the fields. */
  protected async send<T>(call: () => Promise<HttpResult<T>>): Promise<{ ok: true; value: T } | null> {
    this.busy = true;
    this.notice = '';
    const result = await call();
    this.busy = false;
    if (!result.ok) {
      this.failure = result;
      void this.showFailure();
      return null;
    }
    this.failure = null;
    return result;
  }
}
