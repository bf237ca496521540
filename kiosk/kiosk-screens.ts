import { html, nothing, type TemplateResult } from 'lit';
import type { PublicService } from '../common/dto.js';
import type { LanguageInfo, VisitorLanguage } from '../common/i18n/languages.js';
import type { IdleStage } from './logic/idle.js';
import type { KioskState } from './logic/kiosk-state.js';
import './components/kiosk-also-screen.js';
import './components/kiosk-checkin-screen.js';
import './components/kiosk-language-screen.js';
import './components/kiosk-service-screen.js';
import './components/kiosk-ticket-screen.js';

/** What the kiosk's screens show besides the visitor's session. */
export interface ScreenView {
  state: KioskState;
  /** The services this kiosk offers, as they stand now. */
  services: PublicService[];
  /** The languages this kiosk offers. */
  languages: readonly LanguageInfo[];
  /** The word "language" in each language whose texts are here. */
  words: ReadonlyMap<VisitorLanguage, string>;
  idle: IdleStage | null;
}

/** The screen the visitor's session is on; the elements only render and send intents up. */
export function renderScreen(v: ScreenView): TemplateResult | typeof nothing {
  const s = v.state;
  switch (s.screen) {
    case 'language':
      return html`<kiosk-language-screen .words=${v.words} .languages=${v.languages} ?contrast=${s.contrast}></kiosk-language-screen>`;
    case 'services':
      return html`<kiosk-service-screen
        .services=${v.services}
        ?contrast=${s.contrast}
        ?priority=${s.priority}
        .message=${s.message}
      ></kiosk-service-screen>`;
    case 'also':
      return html`<kiosk-also-screen
        .services=${v.services}
        .chosen=${s.chosen}
        ?contrast=${s.contrast}
        ?priority=${s.priority}
      ></kiosk-also-screen>`;
    case 'checkin':
      return html`<kiosk-checkin-screen code=${s.code} ?contrast=${s.contrast} .message=${s.message}></kiosk-checkin-screen>`;
    case 'ticket':
      if (!s.issued) return nothing;
      return html`<kiosk-ticket-screen
        .issued=${s.issued}
        .service=${s.issued.service ?? undefined}
        ?contrast=${s.contrast}
        .secondsLeft=${v.idle?.secondsLeft ?? 0}
      ></kiosk-ticket-screen>`;
  }
}
