import { html, nothing, type TemplateResult } from 'lit';
import { IDLE_SECONDS, kioskConfig, PAPER_WIDTHS } from '../../common/device-config.js';
import { LANGUAGES } from '../../common/i18n/languages.js';
import { api } from '../api.js';
import { DevicePage } from '../kit/device-page.js';
import type { Draft } from '../kit/draft.js';
import type { Column } from '../kit/record-page.js';
import type { AdminDevice, AdminService, PrintOutcome } from '../model.js';

/**
 * @summary Kiosks: name, area, printer and paper, the services and languages offered,
 * idle time; a test ticket, and the pairing link that enrols the kiosk's browser (shown once).
 */
export class AdminKiosks extends DevicePage {
  static override properties = { ...DevicePage.properties, services: { state: true }, pairing: { state: true }, printed: { state: true } };
  protected readonly heading = 'navKiosks' as const;
  protected readonly kind = 'kiosk' as const;
  declare services: AdminService[];
  /** The pairing link just issued, with whose it is; gone once dismissed or the page is left. */
  declare pairing: { name: string; url: string } | null;
  /** What the last test ticket did, for the kiosk it was printed on. */
  declare printed: { id: string; outcome: PrintOutcome } | null;

  constructor() {
    super();
    this.services = [];
    this.pairing = null;
    this.printed = null;
  }

  override async reload(): Promise<void> {
    const services = await api.services();
    if (services.ok) this.services = [...services.value.services].sort((a, b) => a.sortOrder - b.sortOrder);
    await super.reload();
  }

  protected columns(): Column<AdminDevice>[] {
    return [
      { label: this.t('name'), cell: (d) => d.name },
      { label: this.t('area'), cell: (d) => this.areaName(d.area) },
      { label: this.t('printer'), cell: (d) => d.kiosk?.printer ?? '' },
      { label: this.t('paired'), cell: (d) => (d.enrolled ? this.t('yes') : this.t('no')) },
    ];
  }

  protected blank(): Draft {
    return { name: '', area: '', kiosk: kioskConfig({}) };
  }

  protected toDraft(d: AdminDevice): Draft {
    return { name: d.name, area: d.area ?? '', kiosk: structuredClone(d.kiosk ?? kioskConfig({})) };
  }

  private async testPrint(d: AdminDevice): Promise<void> {
    this.printed = null;
    const r = await this.send(() => api.testPrint(d.id));
    if (r) this.printed = { id: d.id, outcome: r.value };
  }

  private async pair(d: AdminDevice): Promise<void> {
    if (d.enrolled && !confirm(this.t('pairingConfirm', { name: d.name }))) return;
    const r = await this.send(() => api.issueToken(d.id));
    if (!r) return;
    await this.reload();
    this.pairing = { name: d.name, url: r.value.pairingUrl };
  }

  private printOutcome(o: PrintOutcome): string {
    const reason = o.reason ?? '';
    switch (o.status) {
      case 'printed':
        return this.t('testPrinted');
      case 'agent':
        return this.t('testPrintAgent');
      case 'none':
        return this.t('testPrintNone');
      case 'failed':
        return this.t('testPrintFailed', { reason });
    }
  }

  /** Test ticket and pairing: for a kiosk already saved, and only for admins. */
  private renderDeviceActions(): TemplateResult | typeof nothing {
    const d = this.original;
    if (!d || this.readOnly) return nothing;
    const printed = this.printed?.id === d.id ? this.printed.outcome : null;
    return html`<fieldset>
      <legend>${this.t('kioskDevice')}</legend>
      <div class="actions">
        <button type="button" data-test-print ?disabled=${this.busy} @click=${() => void this.testPrint(d)}>${this.t('testPrint')}</button>
        <button type="button" data-pair ?disabled=${this.busy} @click=${() => void this.pair(d)}>${d.enrolled ? this.t('pairAgain') : this.t('pair')}</button>
      </div>
      <p class="hint">${d.enrolled ? this.t('pairedHint') : this.t('notPairedHint')}</p>
      ${printed
        ? html`<p class=${printed.status === 'failed' ? 'problem' : 'notice'} role="status" data-print-outcome=${printed.status}>${this.printOutcome(printed)}</p>`
        : nothing}
    </fieldset>`;
  }

  protected renderFields(): TemplateResult {
    const lang = this.texts.value.lang;
    const services = this.services.map((s) => [s.id, `${s.prefix} · ${s.names[lang] ?? s.names.de ?? s.id}`] as const);
    const languages = LANGUAGES.map((l) => [l.code, l.name] as const);
    return html`${this.textInput('name', this.t('name'), { required: true, maxlength: 80 })}
      ${this.select('area', this.t('area'), this.areaOptions(true))}
      ${this.textInput('kiosk.printer', this.t('printer'), { required: true, maxlength: 200, hint: this.t('printerHint') })}
      ${this.select('kiosk.paperWidthDots', this.t('paperWidth'), PAPER_WIDTHS.map((w) => [String(w), this.t(w === 576 ? 'paper80' : 'paper58')] as const), Number)}
      ${this.checkbox('kiosk.statusQuery', this.t('statusQuery'))}
      ${this.subsetSet('kiosk.serviceIds', this.t('kioskServices'), this.t('allServices'), services)}
      ${this.subsetSet('kiosk.languages', this.t('kioskLanguages'), this.t('allLanguages'), languages)}
      ${this.numberInput('kiosk.idleSeconds', this.t('idleSeconds'), {
        min: IDLE_SECONDS.min,
        max: IDLE_SECONDS.max,
        hint: this.t('idleSecondsHint', { min: IDLE_SECONDS.min, max: IDLE_SECONDS.max }),
      })}
      ${this.renderDeviceActions()}`;
  }

  override render() {
    return html`${this.pairing
        ? html`<div class="notice" role="alert" data-pairing>
            <span>${this.t('pairingLink', { name: this.pairing.name })}</span>
            <a class="secret" href=${this.pairing.url} target="_blank" rel="noopener">${this.pairing.url}</a>
            <button type="button" @click=${() => (this.pairing = null)}>${this.t('secretNoted')}</button>
          </div>`
        : nothing}
      ${super.render()}`;
  }
}

customElements.define('admin-kiosks', AdminKiosks);

declare global {
  interface HTMLElementTagNameMap {
    'admin-kiosks': AdminKiosks;
  }
}
