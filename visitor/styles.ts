import { css } from 'lit';

/** Shared tokens: large type and strong contrast for phones used outdoors. */
export const base = css`
  :host {
    --ink: #15181c;
    --muted: #4a5360;
    --surface: #ffffff;
    --line: #c9d0da;
    --accent: #0b57d0;
    --accent-ink: #ffffff;
    --danger: #a8201a;
    --ok: #146c2e;
    --radius: 14px;
    font-family: var(--app-font, system-ui, sans-serif);
    color: var(--ink);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    min-height: 48px;
    border-radius: 10px;
    padding: 0.6rem 1rem;
    cursor: pointer;
  }
  button:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  input:focus-visible + label {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  .primary {
    background: var(--accent);
    color: var(--accent-ink);
    border: 2px solid var(--accent);
  }
  .secondary {
    background: var(--surface);
    color: var(--ink);
    border: 2px solid var(--line);
  }
  .danger {
    background: var(--surface);
    color: var(--danger);
    border: 2px solid var(--danger);
  }
`;
