import { css } from 'lit';

/** The app root fills the screen; the busy veil appears only if a request takes a moment. */
export const appStyles = css`
  :host {
    position: fixed;
    inset: 0;
    display: flex;
    flex-direction: column;
    background: var(--k-bg);
    color: var(--k-text);
    font-family: var(--app-font, sans-serif);
    line-height: 1.35;
  }
  :host > * {
    flex: 1;
    min-block-size: 0;
  }
  .busy {
    position: fixed;
    inset: 0;
    display: grid;
    place-items: center;
    background: var(--k-scrim);
    color: #fff;
    font-size: 1.8rem;
    font-weight: 700;
    opacity: 0;
    animation: appear 0.2s 0.3s forwards;
    z-index: 20;
  }
  @keyframes appear {
    to {
      opacity: 1;
    }
  }
`;
