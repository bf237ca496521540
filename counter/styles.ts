import { css } from 'lit';

/**
 * Shared look of the counter app: calm greys, one blue for the next sensible
 * step, red only for the alarm and irreversible outcomes. All pairs meet WCAG AA.
 */
export const base = css`
  :host {
    --c-bg: #f3f4f6;
    --c-surface: #ffffff;
    --c-text: #1c2330;
    --c-muted: #545d6b;
    --c-border: #c5cbd4;
    --c-accent: #0b57a4;
    --c-accent-soft: #e6effa;
    --c-danger: #a8201a;
    --c-danger-soft: #fdecea;
    --c-ok: #1b6535;
    --c-focus: #1a73e8;
    font-family: var(--app-font, system-ui, sans-serif);
    color: var(--c-text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--c-border);
    border-radius: 6px;
    background: var(--c-surface);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--c-accent);
  }
  button.primary {
    background: var(--c-accent);
    border-color: var(--c-accent);
    color: #fff;
  }
  button.danger {
    border-color: var(--c-danger);
    color: var(--c-danger);
  }
  button.danger.solid {
    background: var(--c-danger);
    color: #fff;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }
  :focus-visible {
    outline: 3px solid var(--c-focus);
    outline-offset: 2px;
  }
  kbd {
    font: inherit;
    font-size: 0.8em;
    min-width: 1.4em;
    padding: 0 0.3em;
    border: 1px solid currentColor;
    border-radius: 4px;
    text-align: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .muted {
    color: var(--c-muted);
  }
  .panel {
    background: var(--c-surface);
    border: 1px solid var(--c-border);
    border-radius: 8px;
    padding: 1rem;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0 0 0.75rem;
  }
`;

/** The staff tables (queue, figures per service): full width, ruled rows, numbers right-aligned with their header. */
export const tableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--c-border);
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;

/** A form on its own in the middle of the page: the sign-in and the forced password change. */
export const centredFormStyles = css`
  :host {
    display: grid;
    place-items: center;
    min-height: 80vh;
  }
  form {
    display: grid;
    gap: 1rem;
    width: min(24rem, 92vw);
  }
  h1 {
    font-size: 1.4rem;
    margin: 0;
  }
  label,
  .field {
    display: grid;
    gap: 0.3rem;
    font-weight: 600;
  }
  input {
    padding: 0.55rem 0.7rem;
    border: 1px solid var(--c-muted);
    border-radius: 6px;
    font-weight: 400;
  }
  .error {
    color: var(--c-danger);
    margin: 0;
  }
`;

/** The modal dialogs on the desk (transfer, next service): a small form over a dimmed page. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--c-border);
    border-radius: 8px;
    padding: 1.25rem;
    width: min(30rem, 94vw);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.3);
  }
  form {
    display: grid;
    gap: 0.9rem;
  }
  .stacked {
    display: grid;
    gap: 0.3rem;
    font-weight: 600;
  }
  select {
    padding: 0.4rem;
    border: 1px solid var(--c-muted);
    border-radius: 6px;
    background: var(--c-surface);
    font-weight: 400;
  }
  .buttons {
    display: flex;
    gap: 0.75rem;
    justify-content: flex-end;
  }
`;

/** Opens or closes a modal dialog to match `open`. */
export function syncDialog(dialog: HTMLDialogElement | null, open: boolean): void {
  if (!dialog) return;
  if (open && !dialog.open) dialog.showModal();
  else if (!open && dialog.open) dialog.close();
}
