import { css } from 'lit';

/**
 * Colours, sizes and the big-button look shared by the kiosk's elements.
 * The colour tokens are set on the app root (normal and high contrast) and
 * inherit into every shadow root.
 */
export const TOUCH_TARGET = css`72px`;

export const buttonStyles = css`
  button {
    font: inherit;
    color: var(--k-text);
    background: var(--k-surface);
    border: var(--k-border-width) solid var(--k-border);
    border-radius: var(--k-radius);
    min-block-size: ${TOUCH_TARGET};
    min-inline-size: ${TOUCH_TARGET};
    padding: 0.4em 0.9em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:active:not([aria-disabled='true']) {
    transform: scale(0.98);
    background: var(--k-pressed);
  }
  button:focus-visible {
    outline: 4px solid var(--k-focus);
    outline-offset: 3px;
  }
  button.primary {
    background: var(--k-primary);
    color: var(--k-on-primary);
    border-color: var(--k-primary);
    font-weight: 700;
  }
  button.primary:active:not([aria-disabled='true']) {
    background: var(--k-primary-pressed);
  }
  button[aria-disabled='true'] {
    cursor: default;
  }
  button[aria-pressed='true'] {
    background: var(--k-selected);
    color: var(--k-on-selected);
    border-color: var(--k-selected);
  }
  kiosk-icon {
    font-size: 1.3em;
  }
`;

export const screenStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
  }
  h1,
  h2,
  p {
    margin: 0;
  }
  h1 {
    font-size: 2rem;
    line-height: 1.2;
  }
  .de {
    color: var(--k-muted);
  }
`;

/** A full-screen notice the kiosk shows instead of its screens ("out of order", "not registered"): icon and texts, centred. */
export const noticeStyles = css`
  :host {
    align-items: center;
    justify-content: center;
    gap: 2.5rem;
    padding: 3rem;
    text-align: center;
  }
  .icon {
    font-size: 9rem;
    color: var(--k-muted);
  }
  section {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
  }
  h1 {
    font-size: 3rem;
  }
  p {
    font-size: 1.5rem;
  }
`;

/** The service tiles' grid: two columns upright, four across; the service screen and "I also need…" (#17) share it. */
export const tileGridStyles = css`
  main {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 1rem;
    padding: 1.2rem 2rem 1.5rem;
    min-block-size: 0;
  }
  .tiles {
    flex: 1;
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    grid-auto-rows: minmax(0, 1fr);
    gap: 1rem;
    min-block-size: 0;
  }
  @media (orientation: landscape) {
    .tiles {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
`;
