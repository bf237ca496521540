import { svg, type SVGTemplateResult } from 'lit';

/**
 * Pictograms on a 24×24 grid, drawn with `currentColor` strokes so they follow
 * the text colour and the high-contrast mode. Service icons are named as in
 * the service's `icon` field; unknown names fall back to `dot`.
 */
export const ICONS: Record<string, SVGTemplateResult> = {
  'id-card': svg`<rect x="2" y="5" width="20" height="14" rx="2"/><circle cx="8" cy="11" r="2"/><path d="M4.8 16.2c.8-1.5 1.9-2.2 3.2-2.2s2.4.7 3.2 2.2M14 10h5M14 14h4"/>`,
  passport: svg`<rect x="5" y="2" width="14" height="20" rx="2"/><circle cx="12" cy="10" r="3.5"/><path d="M8.5 10h7M12 6.5c-1.1 1-1.7 2.2-1.7 3.5s.6 2.5 1.7 3.5c1.1-1 1.7-2.2 1.7-3.5s-.6-2.5-1.7-3.5M9 17.5h6"/>`,
  people: svg`<circle cx="9" cy="8" r="3"/><path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6"/><circle cx="17" cy="9" r="2.5"/><path d="M16.5 14.1c3 .1 5.5 2.3 5.5 5.4"/>`,
  child: svg`<circle cx="12" cy="5" r="2.5"/><path d="M12 8.5v6.5M7.5 11.5 12 9.5l4.5 2M9 21l3-6 3 6"/>`,
  book: svg`<path d="M2 5h6a4 4 0 0 1 4 4v11a3 3 0 0 0-3-3H2zM22 5h-6a4 4 0 0 0-4 4v11a3 3 0 0 1 3-3h7z"/>`,
  shield: svg`<path d="M12 3 20 6v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6z"/><path d="m8.5 12 2.5 2.5 4.5-5"/>`,
  info: svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.01"/>`,
  calendar: svg`<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>`,
  appointment: svg`<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4M8.5 15.5l2.5 2.5 4.5-5"/>`,
  globe: svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z"/>`,
  back: svg`<path d="M20 12H5M11 5l-7 7 7 7"/>`,
  contrast: svg`<circle cx="12" cy="12" r="9"/><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/>`,
  clock: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>`,
  person: svg`<circle cx="12" cy="7" r="3.5"/><path d="M5 21c0-3.9 3.1-7 7-7s7 3.1 7 7"/>`,
  priority: svg`<circle cx="11" cy="4" r="2"/><path d="M11 7.5V13h5.5l2.5 6M11 10h4.5"/><path d="M8 10.8a5.5 5.5 0 1 0 6.9 7.7"/>`,
  closed: svg`<circle cx="12" cy="12" r="9"/><path d="M7 12h10"/>`,
  delete: svg`<path d="M21 5H9l-6 7 6 7h12a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1zM17.5 9l-6 6M11.5 9l6 6"/>`,
  printer: svg`<path d="M6 9V3h12v6M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2"/><path d="M6 14h12v7H6z"/>`,
  warning: svg`<path d="M12 3 22 20H2z"/><path d="M12 10v4.5M12 17.5v.01"/>`,
  scan: svg`<path d="M3 8V5a2 2 0 0 1 2-2h3M16 3h3a2 2 0 0 1 2 2v3M21 16v3a2 2 0 0 1-2 2h-3M8 21H5a2 2 0 0 1-2-2v-3M7 12h10"/>`,
  check: svg`<path d="m4.5 12.5 5 5 10-11"/>`,
  screen: svg`<rect x="2" y="4" width="20" height="13" rx="2"/><path d="M8 21h8M12 17v4M7 10.5h4"/>`,
  phone: svg`<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/>`,
  'out-of-order': svg`<circle cx="12" cy="12" r="9"/><path d="m5.6 5.6 12.8 12.8"/>`,
  dot: svg`<circle cx="12" cy="12" r="4"/>`,
};

/** Icons that point somewhere and so turn around in right-to-left languages. */
export const MIRRORED_ICONS: ReadonlySet<string> = new Set(['back']);
