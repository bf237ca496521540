import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translator, type Catalogs, type Params, type Translator } from '../i18n/format.js';
import { textDirection } from '../i18n/languages.js';

/**
 * The current language of a lit app: `t()` formats from the shared catalogs,
 * and switching re-renders the host and sets `lang`/`dir` on <html>.
 */
export class I18nController<K extends string> implements ReactiveController {
  private tr: Translator<K>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly catalogs: Catalogs<K>,
    lang = 'de',
  ) {
    this.tr = translator(catalogs, lang);
    host.addController(this);
  }

  get lang(): string {
    return this.tr.lang;
  }

  get dir(): 'ltr' | 'rtl' {
    return textDirection(this.tr.lang);
  }

  hostConnected(): void {
    this.applyToDocument();
  }

  setLanguage(lang: string): void {
    this.tr = translator(this.catalogs, lang);
    this.applyToDocument();
    this.host.requestUpdate();
  }

  t(key: K, params?: Params): string {
    return this.tr.t(key, params);
  }

  /** A translator for another language, e.g. the German line under a translated one. */
  in(lang: string): Translator<K> {
    return translator(this.catalogs, lang);
  }

  private applyToDocument(): void {
    document.documentElement.lang = this.tr.lang;
    document.documentElement.dir = this.dir;
  }
}
