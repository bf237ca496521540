import { css } from 'lit';

/** The ticket screen's layout: the number card and the QR side by side in landscape, stacked in portrait. */
export const ticketScreenStyles = css`
  main {
    flex: 1;
    display: grid;
    grid-template-columns: 1fr;
    grid-template-rows: auto 1fr auto;
    gap: 1.5rem;
    padding: 1.5rem 2rem 2rem;
    min-block-size: 0;
  }
  @media (orientation: landscape) {
    main {
      grid-template-columns: 1.2fr 1fr;
      grid-template-rows: 1fr auto;
      column-gap: 3rem;
    }
    footer {
      grid-column: 1 / span 2;
    }
  }
  .card {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.8rem;
    padding: 1.5rem;
    text-align: center;
    background: var(--k-surface);
    border: var(--k-border-width) solid var(--k-border);
    border-radius: var(--k-radius);
    box-shadow: var(--k-shadow);
  }
  .checked-in {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 1.4rem;
    font-weight: 700;
    color: var(--k-success);
  }
  h1 {
    display: flex;
    flex-direction: column;
    align-items: center;
  }
  h1 .label {
    font-size: 1.6rem;
    font-weight: 600;
  }
  h1 .number {
    font-size: min(11rem, 22vmin);
    line-height: 1.05;
    font-weight: 800;
    letter-spacing: 0.02em;
    font-variant-numeric: tabular-nums;
  }
  .service {
    display: flex;
    align-items: center;
    gap: 0.6em;
    font-size: 1.5rem;
    font-weight: 700;
    text-align: start;
  }
  .service kiosk-icon {
    font-size: 2em;
    color: var(--k-primary);
  }
  .service .de {
    display: block;
    font-size: 0.75em;
    font-weight: 400;
  }
  :host(:dir(rtl)) .service .de {
    text-align: right;
  }
  /* A visit of several services (#17): numbered, in the order they come. */
  .visit {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    align-self: stretch;
  }
  .visit-label {
    font-size: 1.2rem;
    text-align: start;
  }
  .visit ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
  }
  .visit .service {
    font-size: 1.3rem;
  }
  .step {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    flex: none;
    inline-size: 2.2rem;
    block-size: 2.2rem;
    border-radius: 50%;
    background: var(--k-selected);
    color: var(--k-on-selected);
    font-weight: 700;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.2em 0.8em;
    border-radius: 999px;
    background: var(--k-selected);
    color: var(--k-on-selected);
    font-weight: 700;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    font-size: 1.35rem;
    align-self: stretch;
  }
  li {
    display: flex;
    align-items: center;
    gap: 0.6em;
    text-align: start;
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: 1.2rem;
    font-size: 1.3rem;
  }
  .print {
    display: flex;
    align-items: center;
    gap: 0.8rem;
    padding: 1rem 1.2rem;
    border-radius: var(--k-radius);
    border: var(--k-border-width) solid var(--k-border);
    background: var(--k-surface);
  }
  .print.failed {
    background: var(--k-warning-bg);
    color: var(--k-warning-text);
    border-color: var(--k-warning-border);
  }
  .print kiosk-icon {
    font-size: 2.4em;
  }
  .print span {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
  }
  .qr {
    display: flex;
    align-items: center;
    gap: 1.2rem;
  }
  kiosk-qr-code {
    inline-size: min(16rem, 30vmin);
    flex: none;
  }
  .wait {
    display: flex;
    align-items: center;
    gap: 0.6em;
    font-weight: 700;
    font-size: 1.4rem;
  }
  .wait kiosk-icon {
    font-size: 2em;
    color: var(--k-primary);
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    font-size: 1.2rem;
  }
  footer button {
    font-size: 1.5rem;
    min-inline-size: 12rem;
    min-block-size: 96px;
  }
`;
