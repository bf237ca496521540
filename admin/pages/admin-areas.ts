import { html, type TemplateResult } from 'lit';
import { api } from '../api.js';
import type { Draft } from '../kit/draft.js';
import { cleanNames, namesFieldset } from '../kit/names.js';
import { RecordPage, type Column } from '../kit/record-page.js';
import type { AdminArea } from '../model.js';

/** @summary Areas (floors, wings): a name per language; screens and counters belong to one. */
export class AdminAreas extends RecordPage<AdminArea> {
  protected readonly heading = 'navAreas' as const;

  protected async fetchAll() {
    const r = await api.areas();
    return r.ok ? { ok: true as const, value: r.value.areas } : r;
  }

  protected override deleteById = (id: string, version: number) => api.deleteArea(id, version);

  protected columns(): Column<AdminArea>[] {
    return [
      { label: this.t('id'), cell: (a) => a.id },
      { label: this.t('name'), cell: (a) => a.name.de ?? a.id },
    ];
  }

  protected nameOf(a: AdminArea): string {
    return a.name[this.texts.value.lang] ?? a.name.de ?? a.id;
  }

  protected blank(): Draft {
    return { name: { de: '' } };
  }

  protected toDraft(a: AdminArea): Draft {
    return { name: { ...a.name } };
  }

  protected create(d: Draft) {
    return api.createArea({ name: cleanNames(d.name) });
  }

  protected patch(id: string, changes: Draft & { version: number }) {
    return api.saveArea(id, 'name' in changes ? { ...changes, name: cleanNames(changes.name) } : changes);
  }

  protected renderFields(): TemplateResult {
    return html`${namesFieldset(this, 'name', this.t('name'), this.texts.value.lang)}`;
  }
}

customElements.define('admin-areas', AdminAreas);

declare global {
  interface HTMLElementTagNameMap {
    'admin-areas': AdminAreas;
  }
}
