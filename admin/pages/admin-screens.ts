import { html, type TemplateResult } from 'lit';
import { displayConfig, HISTORY_SIZE, ORIENTATIONS, TICKER_TEXT_MAX, TICKER_TEXTS_MAX, type TickerText } from '../../common/device-config.js';
import { LANGUAGES, textDirection } from '../../common/i18n/languages.js';
import { DevicePage } from '../kit/device-page.js';
import type { Draft } from '../kit/draft.js';
import type { Column } from '../kit/record-page.js';
import type { AdminDevice } from '../model.js';

/** Where a screen shows its record's settings (and follows their changes live). */
const screenAddress = (id: string) => `/display/?device=${encodeURIComponent(id)}`;

/**
 * @summary Screens: area, the languages calls are announced in, ticker texts per
 * language, history length, waiting counts, orientation; each opened at its own address.
 */
export class AdminScreens extends DevicePage {
  protected readonly heading = 'navScreens' as const;
  protected readonly kind = 'display' as const;

  protected columns(): Column<AdminDevice>[] {
    return [
      { label: this.t('name'), cell: (d) => d.name },
      { label: this.t('area'), cell: (d) => this.areaName(d.area) },
      {
        label: this.t('screenAddress'),
        cell: (d) => html`<a href=${screenAddress(d.id)} target="_blank" rel="noopener" data-address=${d.id}>${screenAddress(d.id)}</a>`,
      },
    ];
  }

  protected blank(): Draft {
    return { name: '', area: this.areas[0]?.id ?? '', display: displayConfig({}) };
  }

  protected toDraft(d: AdminDevice): Draft {
    return { name: d.name, area: d.area ?? '', display: structuredClone(d.display ?? displayConfig({})) };
  }

  private get tickers(): TickerText[] {
    const v = this.value('display.tickerTexts');
    return Array.isArray(v) ? (v as TickerText[]) : [];
  }

  private renderTickers(): TemplateResult {
    const tickers = this.tickers;
    const languages = LANGUAGES.map((l) => [l.code, l.name] as const);
    return html`<fieldset data-field="display.tickerTexts">
      <legend>${this.t('tickerTexts')}</legend>
      <p class="hint">${this.t('tickerTextsHint')}</p>
      <p class="field-error">${this.failure?.field === 'display.tickerTexts' ? this.errorAt('display.tickerTexts') : ''}</p>
      ${tickers.map((t, i) => {
        const n = i + 1;
        return html`<div class="actions ticker" data-ticker=${i}>
          ${this.select(`display.tickerTexts.${i}.lang`, this.t('tickerLanguage', { n }), languages)}
          <div class="field ticker-text" data-field=${`display.tickerTexts.${i}.text`}>
            <label for=${`f-ticker-${i}`}>${this.t('tickerText', { n })}</label>
            <input
              id=${`f-ticker-${i}`}
              lang=${t.lang}
              dir=${textDirection(t.lang)}
              .value=${t.text}
              required
              maxlength=${TICKER_TEXT_MAX}
              ?disabled=${this.readOnly}
              aria-describedby=${`f-ticker-${i}-error`}
              aria-invalid=${this.failure?.field?.startsWith(`display.tickerTexts.${i}.text`) ? 'true' : 'false'}
              @input=${(e: Event) => this.set(`display.tickerTexts.${i}.text`, (e.target as HTMLInputElement).value)}
            />
            <p class="field-error" id=${`f-ticker-${i}-error`}>${this.errorAt(`display.tickerTexts.${i}.text`)}</p>
          </div>
          <button
            type="button"
            ?hidden=${this.readOnly}
            aria-label=${this.t('removeTicker', { n })}
            title=${this.t('removeTicker', { n })}
            @click=${() => this.set('display.tickerTexts', tickers.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>`;
      })}
      <button
        type="button"
        data-add-ticker
        ?hidden=${this.readOnly}
        ?disabled=${tickers.length >= TICKER_TEXTS_MAX}
        @click=${() => this.set('display.tickerTexts', [...tickers, { lang: this.texts.value.lang, text: '' }])}
      >
        ${this.t('addTicker')}
      </button>
    </fieldset>`;
  }

  protected renderFields(): TemplateResult {
    const announced = LANGUAGES.filter((l) => l.code !== 'de').map((l) => [l.code, l.name] as const);
    const original = this.original;
    return html`${this.textInput('name', this.t('name'), { required: true, maxlength: 80 })}
      ${this.select('area', this.t('area'), this.areaOptions(false))}
      ${original
        ? html`<p class="hint">${this.t('screenAddressHint')} <a href=${screenAddress(original.id)} target="_blank" rel="noopener">${screenAddress(original.id)}</a></p>`
        : ''}
      ${this.subsetSet('display.announce', this.t('announce'), this.t('announceAll'), announced, 'all')}
      <p class="hint">${this.t('announceHint')}</p>
      ${this.renderTickers()}
      ${this.numberInput('display.historySize', this.t('historySize'), { min: HISTORY_SIZE.min, max: HISTORY_SIZE.max })}
      ${this.checkbox('display.showWaiting', this.t('showWaiting'))}
      ${this.select('display.orientation', this.t('orientation'), ORIENTATIONS.map((o) => [o, this.t(`orientation_${o}`)] as const))}`;
  }
}

customElements.define('admin-screens', AdminScreens);

declare global {
  interface HTMLElementTagNameMap {
    'admin-screens': AdminScreens;
  }
}
