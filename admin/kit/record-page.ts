import { css, html, nothing, type TemplateResult } from 'lit';
import type { HttpResult } from '../../common/client/http.js';
import type { AdminKey } from '../../common/i18n/admin/index.js';
import { adminBase } from '../styles.js';
import { AdminForm } from './admin-form.js';
import { changedFields, type Draft } from './draft.js';

export interface Column<R> {
  label: string;
  cell: (r: R) => unknown;
}

interface Versioned {
  id: string;
  version: number;
}

/**
 * A list of records beside the edit form of the one chosen (or a new one).
 * Saving sends a create, or a PATCH with only the changed fields and the
 * version read; a page supplies its list, columns, blank record and fields.
 */
export abstract class RecordPage<R extends Versioned> extends AdminForm {
  static override properties = {
    ...AdminForm.properties,
    records: { state: true },
    selected: { state: true },
  };

  static override styles = [
    adminBase,
    css`
      :host {
        display: block;
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(18rem, 1fr) minmax(22rem, 1.2fr);
        gap: 1rem;
        align-items: start;
      }
      .row-actions {
        flex-wrap: nowrap;
        align-items: center;
      }
      .list-actions {
        margin-block-start: 0.75rem;
      }
    `,
  ];

  declare records: R[];
  /** The record in the form: its id, '' for a new one, null for none. */
  declare selected: string | null;

  constructor() {
    super();
    this.records = [];
    this.selected = null;
  }

  protected abstract readonly heading: AdminKey;
  protected abstract fetchAll(): Promise<HttpResult<R[]>>;
  protected abstract columns(): Column<R>[];
  /** A short name of the record for buttons and the form's heading. */
  protected abstract nameOf(r: R): string;
  protected abstract blank(): Draft;
  /** The editable fields of a record. */
  protected abstract toDraft(r: R): Draft;
  protected abstract create(draft: Draft): Promise<HttpResult<unknown>>;
  protected abstract patch(id: string, changes: Draft & { version: number }): Promise<HttpResult<unknown>>;
  protected abstract renderFields(): TemplateResult;

  /**
   * Deleting a record (DELETE with the version read); a page that offers it
   * sets this. The server's 409 (`SERVICE_IN_USE`, `COUNTER_IN_USE`,
   * `AREA_IN_USE`) shows above the form, a STALE one offers to reload.
   */
  protected deleteById?: (id: string, version: number) => Promise<HttpResult<unknown>>;

  /** Buttons a row adds after "edit" (ordering, reset password). */
  protected rowActions(_r: R): TemplateResult | typeof nothing {
    return nothing;
  }

  /** What a successful save answered (e.g. a one-time password to show). */
  protected saved(_value: unknown, _created: boolean): void {}

  protected get original(): R | null {
    return this.records.find((r) => r.id === this.selected) ?? null;
  }

  override async reload(): Promise<void> {
    const result = await this.send(() => this.fetchAll());
    if (!result) return;
    this.records = result.value;
    const current = this.original;
    if (current) this.draft = this.toDraft(current);
    else if (this.selected !== '') this.selected = null;
  }

  protected edit(r: R): void {
    this.selected = r.id;
    this.draft = this.toDraft(r);
    this.failure = null;
    this.notice = '';
  }

  protected createNew(): void {
    this.selected = '';
    this.draft = this.blank();
    this.failure = null;
    this.notice = '';
  }

  protected async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const original = this.original;
    const result = await this.send(() =>
      original ? this.patch(original.id, { ...changedFields(this.toDraft(original), this.draft), version: original.version }) : this.create(this.draft),
    );
    if (!result) return;
    const value = result.value as Partial<Versioned> & { user?: Versioned };
    const id = value.id ?? value.user?.id;
    if (id) this.selected = id;
    await this.reload();
    this.notice = this.t('saved');
    this.saved(result.value, original === null);
  }

  protected async deleteRecord(): Promise<void> {
    const original = this.original;
    const deleteById = this.deleteById;
    if (!original || !deleteById) return;
    if (!confirm(this.t('deleteConfirm', { name: this.nameOf(original) }))) return;
    const result = await this.send(() => deleteById(original.id, original.version));
    if (!result) return;
    this.selected = null;
    await this.reload();
    this.notice = this.t('deleted', { name: this.nameOf(original) });
  }

  private renderForm(): TemplateResult {
    const original = this.original;
    const fields = this.renderFields();
    const problem = this.renderProblem();
    return html`<h2 id="form-heading">${original ? this.t('editHeading', { name: this.nameOf(original) }) : this.t('newHeading')}</h2>
      ${problem}
      <form @submit=${(e: SubmitEvent) => void this.save(e)} aria-labelledby="form-heading" novalidate>
        ${fields}
        ${this.readOnly
          ? nothing
          : html`<div class="actions">
              <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('save')}</button>
              <button type="button" @click=${() => (this.selected = null)}>${this.t('cancel')}</button>
              ${original && this.deleteById
                ? html`<button type="button" class="danger" data-delete=${original.id} ?disabled=${this.busy} @click=${() => void this.deleteRecord()}>
                    ${this.t('delete')}
                  </button>`
                : nothing}
            </div>`}
      </form>`;
  }

  override render() {
    const cols = this.columns();
    return html`<h1>${this.t(this.heading)}</h1>
      ${this.selected === null ? this.renderProblem() : nothing}
      <div class="cols">
        <section class="panel" aria-labelledby="list-heading">
          <h2 id="list-heading">${this.t('listHeading')}</h2>
          <table>
            <thead>
              <tr>
                ${cols.map((c) => html`<th scope="col">${c.label}</th>`)}
                <th scope="col"><span class="muted">${this.t('actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.records.map(
                (r) => html`<tr data-id=${r.id} aria-current=${r.id === this.selected ? 'true' : 'false'}>
                  ${cols.map((c) => html`<td>${c.cell(r)}</td>`)}
                  <td>
                    <div class="actions row-actions">
                    <button type="button" data-edit=${r.id} aria-label=${this.t('editRecord', { name: this.nameOf(r) })} @click=${() => this.edit(r)}>
                      ${this.readOnly ? this.t('show') : this.t('edit')}
                    </button>
                    ${this.rowActions(r)}
                    </div>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${this.readOnly
            ? nothing
            : html`<div class="list-actions"><button type="button" data-new @click=${() => this.createNew()}>${this.t('add')}</button></div>`}
        </section>
        <section class="panel" aria-label=${this.t('formRegion')}>
          ${this.selected === null ? html`<p class="muted">${this.t('chooseRecord')}</p>` : this.renderForm()}
        </section>
      </div>`;
  }
}
