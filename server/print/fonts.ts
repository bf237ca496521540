import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The print fonts ship with the project as npm packages (OFL), so a fresh
 * `npm install` prints every kiosk language without system fonts. Fontsource
 * splits each family by Unicode range; every subset a ticket needs is
 * registered under one family name, and the variable ("wght") files give a
 * real bold at weight 700.
 */
export const PRINT_FONT_FILES: ReadonlyArray<{ family: string; file: string }> = [
  ...['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'].map((subset) => ({
    family: 'Noto Sans',
    file: `@fontsource-variable/noto-sans/files/noto-sans-${subset}-wght-normal.woff2`,
  })),
  { family: 'Noto Sans Arabic', file: '@fontsource-variable/noto-sans-arabic/files/noto-sans-arabic-arabic-wght-normal.woff2' },
  {
    family: 'Noto Sans Ethiopic',
    file: '@fontsource-variable/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-wght-normal.woff2',
  },
];

/**
 * Name every script's family: with only "Noto Sans", Arabic and Ethiopic come
 * out as tofu although registered.
 */
export const PRINT_FONT_STACK = '"Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic"';

let registered = false;

/**
 * Registers the print fonts once. Registration fails silently in the canvas
 * library (a bad path returns null, and text then draws nothing), so this
 * checks every file and throws at start-up instead of printing blank tickets.
 */
export function registerPrintFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const { family, file } of PRINT_FONT_FILES) {
    let path: string;
    try {
      path = require.resolve(file);
    } catch {
      throw new Error(`Print font missing: ${file} (run npm install)`);
    }
    if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`Print font could not be registered: ${path}`);
  }
  const families = new Set(GlobalFonts.families.map((f) => f.family));
  for (const { family } of PRINT_FONT_FILES) {
    if (!families.has(family)) throw new Error(`Print font family not available after registration: ${family}`);
  }
  registered = true;
}
