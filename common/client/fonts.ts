/**
 * The apps' own OFL web fonts, so Arabic, Persian and Tigrinya render on a
 * kiosk or screen PC that has no such fonts installed. Import once per app.
 */
import '@fontsource-variable/noto-sans/index.css';
import '@fontsource-variable/noto-sans-arabic/index.css';
import '@fontsource-variable/noto-sans-ethiopic/index.css';

/** Name every script's family: with only the Latin one, Arabic and Ethiopic fall back to tofu. */
export const FONT_STACK = "'Noto Sans Variable', 'Noto Sans Arabic Variable', 'Noto Sans Ethiopic Variable', sans-serif";

const style = document.createElement('style');
style.textContent = `:root { --app-font: ${FONT_STACK}; font-family: var(--app-font); }`;
document.head.append(style);
