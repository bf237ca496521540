import { css, html, nothing, type TemplateResult } from 'lit';
import type { AdminKey } from '../../common/i18n/admin/index.js';
import { api } from '../api.js';
import { AdminForm } from '../kit/admin-form.js';
import { narrowPage } from '../styles.js';
import type { ConfigChangeRow, ImportResult } from '../model.js';

const KINDS = ['office', 'area', 'service', 'counter', 'device', 'user'] as const;
const ACTIONS = ['created', 'updated', 'deleted'] as const;

/** The file an export is saved as: the office's configuration of today. */
function fileName(exportedAt: string): string {
  return `amtsqueue-config-${exportedAt.slice(0, 10) || 'export'}.json`;
}

/**
 * @summary Configuration: export the whole configuration as one JSON file, and
 * import one: a dry run lists what changes per record kind, then the admin confirms.
 * Only admins (the server refuses anyone else); others see why there is nothing to do.
 */
export class AdminConfigPage extends AdminForm {
  static override properties = { ...AdminForm.properties, fileName: { state: true }, preview: { state: true }, result: { state: true } };
  static override styles = [
    ...AdminForm.styles,
    narrowPage,
    css`
      section {
        margin-block-end: 1rem;
      }
      .changes th[scope='row'] {
        font-weight: 600;
      }
      ul.rows {
        margin: 0.25rem 0 0;
        padding-inline-start: 1.2rem;
      }
    `,
  ];

  /** The chosen file's name and its parsed document, until it is imported or another is chosen. */
  declare fileName: string;
  declare preview: ImportResult | null;
  declare result: ImportResult | null;
  private document: unknown = null;

  constructor() {
    super();
    this.fileName = '';
    this.preview = null;
    this.result = null;
  }

  /** Nothing to load: the document is fetched when exported. */
  override async reload(): Promise<void> {
    this.failure = null;
    return Promise.resolve();
  }

  private async exportFile(): Promise<void> {
    const r = await this.send(() => api.exportConfig());
    if (!r) return;
    const blob = new Blob([`${JSON.stringify(r.value, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(r.value.exportedAt);
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.notice = this.t('exported', { file: a.download });
  }

  private async chooseFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    this.preview = null;
    this.result = null;
    this.document = null;
    this.failure = null;
    this.fileName = file?.name ?? '';
    if (!file) return;
    try {
      this.document = JSON.parse(await file.text()) as unknown;
    } catch {
      this.failure = { ok: false, status: 0, code: 'INVALID_INPUT', message: this.t('importNotJson') };
      return;
    }
    const r = await this.send(() => api.importConfig(this.document, true));
    if (r) this.preview = r.value;
  }

  private async confirmImport(): Promise<void> {
    const doc = this.document;
    if (doc === null) return;
    const r = await this.send(() => api.importConfig(doc, false));
    if (!r) return;
    this.result = r.value;
    this.preview = null;
    this.document = null;
    this.notice = this.t('imported', { n: r.value.changes.length });
  }

  private cancelImport(): void {
    this.preview = null;
    this.document = null;
    this.fileName = '';
    this.failure = null;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file');
    if (input) input.value = '';
  }

  private rowText(c: ConfigChangeRow): string {
    const fields = c.action === 'updated' && c.fields.length > 0 ? ` (${c.fields.join(', ')})` : '';
    return `${c.id}${fields}`;
  }

  /** Per record kind: how many are created, changed, deleted, and which. */
  private renderChanges(result: ImportResult): TemplateResult {
    if (result.changes.length === 0) return html`<p data-no-changes>${this.t('noChanges')}</p>`;
    const kinds = KINDS.filter((k) => result.changes.some((c) => c.record === k));
    return html`<table class="changes">
      <caption class="muted">${this.t('changesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('recordKind')}</th>
          ${ACTIONS.map((a) => html`<th scope="col">${this.t(`action_${a}`)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${kinds.map(
          (k) => html`<tr data-kind=${k}>
            <th scope="row">${this.t(`kind_${k}` as AdminKey)}</th>
            ${ACTIONS.map((a) => {
              const rows = result.changes.filter((c) => c.record === k && c.action === a);
              return html`<td data-action=${a}>
                ${rows.length === 0
                  ? html`<span class="muted">–</span>`
                  : html`<strong>${rows.length}</strong>
                      <ul class="rows">
                        ${rows.map((c) => html`<li>${this.rowText(c)}</li>`)}
                      </ul>`}
              </td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A refusal of the document: the server names the place (`services.2.hours.1.0.to`). */
  private renderRefusal(): TemplateResult | typeof nothing {
    const place = this.failure?.field;
    return place ? html`<p class="hint" data-refused-field>${this.t('importPlace', { place })}</p>` : nothing;
  }

  override render() {
    if (this.readOnly) {
      return html`<h1>${this.t('navConfig')}</h1>
        <p class="panel">${this.t('configAdminsOnly')}</p>`;
    }
    const problem = this.renderProblem();
    const preview = this.preview;
    const result = this.result;
    return html`<h1>${this.t('navConfig')}</h1>
      ${problem} ${this.renderRefusal()}
      <section class="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">${this.t('exportHeading')}</h2>
        <p>${this.t('exportText')}</p>
        <button type="button" class="primary" data-export ?disabled=${this.busy} @click=${() => void this.exportFile()}>${this.t('exportButton')}</button>
      </section>
      <section class="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">${this.t('importHeading')}</h2>
        <p>${this.t('importText')}</p>
        <div class="field">
          <label for="import-file">${this.t('importFile')}</label>
          <input id="import-file" type="file" accept="application/json,.json" ?disabled=${this.busy} @change=${(e: Event) => void this.chooseFile(e)} />
        </div>
        ${preview
          ? html`<div data-preview>
              <h3>${this.t('previewHeading', { file: this.fileName })}</h3>
              ${this.renderChanges(preview)}
              <p class="hint">${this.t('importWarning')}</p>
              <div class="actions">
                <button type="button" class="primary" data-confirm-import ?disabled=${this.busy} @click=${() => void this.confirmImport()}>${this.t('importConfirm')}</button>
                <button type="button" @click=${() => this.cancelImport()}>${this.t('cancel')}</button>
              </div>
            </div>`
          : nothing}
        ${result
          ? html`<div data-import-result>
              <h3>${this.t('importDone')}</h3>
              ${this.renderChanges(result)}
              ${result.newUsers.length > 0
                ? html`<div class="notice" role="alert" data-new-users>
                    <div>
                      <p>${this.t('importNewUsers')}</p>
                      <ul>
                        ${result.newUsers.map((u) => html`<li>${u.username}: <output class="secret">${u.oneTimePassword}</output></li>`)}
                      </ul>
                    </div>
                  </div>`
                : nothing}
            </div>`
          : nothing}
      </section>`;
  }
}

customElements.define('admin-config', AdminConfigPage);

declare global {
  interface HTMLElementTagNameMap {
    'admin-config': AdminConfigPage;
  }
}
