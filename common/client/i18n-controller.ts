import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { textDirection } from '../i18n/languages.js';
import type { Context, ContextProvider } from './context.js';

/**
 * An app's language and office time zone, owned by its root element: it builds
 * the app's texts for both and provides them to every element below through
 * the app's texts context; switching re-renders them all and sets `lang`/`dir`
 * on <html>.
 */
export class I18nController<X extends { readonly lang: string }, L extends string = string> implements ReactiveController {
  private readonly provider: ContextProvider<X>;
  private wanted: L;
  private timeZone: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    context: Context<X>,
    private readonly build: (lang: L, timeZone: string | null) => X,
    lang: L,
  ) {
    this.wanted = lang;
    this.provider = context.provide(host, build(lang, null));
    host.addController(this);
  }

  get texts(): X {
    return this.provider.value;
  }

  /** The language shown (a language without texts shows German). */
  get lang(): string {
    return this.texts.lang;
  }

  hostConnected(): void {
    this.applyToDocument();
  }

  setLanguage(lang: L): void {
    this.wanted = lang;
    this.rebuild();
  }

  /** From each snapshot: the office's zone, for every time shown. */
  setTimeZone(timeZone: string): void {
    if (timeZone === this.timeZone) return;
    this.timeZone = timeZone;
    this.rebuild();
  }

  /** Texts may have arrived for the wanted language (loaded later). */
  rebuild(): void {
    this.provider.value = this.build(this.wanted, this.timeZone);
    this.applyToDocument();
    this.host.requestUpdate();
  }

  private applyToDocument(): void {
    document.documentElement.lang = this.lang;
    document.documentElement.dir = textDirection(this.lang);
  }
}
