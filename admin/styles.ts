import { css } from 'lit';

/** The admin app's look: a desktop tool, quiet greys, one blue for the main action. Colour pairs meet WCAG AA. */
export const adminBase = css`
  :host {
    --a-bg: #f4f5f7;
    --a-surface: #fff;
    --a-text: #1b2230;
    --a-muted: #525b69;
    --a-line: #c3c9d2;
    --a-accent: #0a55a0;
    --a-accent-soft: #e5eef9;
    --a-danger: #a3201a;
    --a-danger-soft: #fcebea;
    --a-ok: #1a6434;
    font-family: var(--app-font, system-ui, sans-serif);
    color: var(--a-text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 2.25rem;
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--a-line);
    border-radius: 5px;
    background: var(--a-surface);
    cursor: pointer;
  }
  button.primary {
    background: var(--a-accent);
    border-color: var(--a-accent);
    color: #fff;
  }
  button.danger {
    margin-inline-start: auto;
    border-color: var(--a-danger);
    color: var(--a-danger);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  input,
  select {
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--a-muted);
    border-radius: 4px;
    background: var(--a-surface);
  }
  input[aria-invalid='true'] {
    border-color: var(--a-danger);
    outline: 1px solid var(--a-danger);
  }
  :focus-visible {
    outline: 3px solid #1a73e8;
    outline-offset: 2px;
  }
  h1 {
    font-size: 1.4rem;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.75rem;
  }
  .panel {
    background: var(--a-surface);
    border: 1px solid var(--a-line);
    border-radius: 8px;
    padding: 1rem;
  }
  .field {
    display: grid;
    gap: 0.2rem;
    margin-block-end: 0.75rem;
  }
  .field > label,
  legend {
    font-weight: 600;
  }
  .field-error {
    color: var(--a-danger);
    margin: 0;
    font-size: 0.9rem;
  }
  .field-error:empty {
    display: none;
  }
  .hint {
    color: var(--a-muted);
    font-size: 0.9rem;
    margin: 0;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin-block-end: 0.75rem;
  }
  fieldset {
    border: 1px solid var(--a-line);
    border-radius: 6px;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
  }
  .problem,
  .notice {
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    margin: 0 0 0.75rem;
    display: flex;
    gap: 1rem;
    align-items: center;
  }
  .problem {
    background: var(--a-danger-soft);
    color: var(--a-danger);
    font-weight: 600;
  }
  .notice {
    background: var(--a-accent-soft);
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    align-items: end;
  }
  .actions > .field {
    margin: 0;
  }
  .grid2 {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0 1rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--a-line);
    vertical-align: middle;
  }
  tr[aria-current='true'] {
    background: var(--a-accent-soft);
  }
  .muted {
    color: var(--a-muted);
  }
  .secret {
    font-family: ui-monospace, monospace;
    font-size: 1.2rem;
    letter-spacing: 0.05em;
  }
`;

/** A page of one form rather than a list beside a form: not wider than reads well. */
export const narrowPage = css`
  :host {
    display: block;
    max-width: 60rem;
  }
`;
