import { css } from 'lit';

/** The live floor's look (admin-live.ts): large figures for a second screen; attention marked by border, icon and words, not colour alone. */
export const liveStyles = css`
  :host {
    display: block;
    font-size: 1.2rem;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    align-items: baseline;
    margin-block-end: 1rem;
  }
  .bar h1 {
    margin: 0;
    font-size: 1.8rem;
  }
  .conn[data-state='offline'] {
    color: var(--a-danger);
    font-weight: 700;
  }
  section {
    margin-block-end: 1.25rem;
  }
  td,
  th {
    padding-block: 0.25rem;
  }
  /* A second screen (1920 wide): services and counters side by side, all in view. */
  @media (min-width: 1500px) {
    .floor {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 0 1.5rem;
      align-items: start;
    }
  }
  h2 {
    font-size: 1.4rem;
  }
  .highlights {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .hl {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    padding: 0.6rem 0.9rem;
    border-radius: 6px;
    border: 2px solid;
    font-weight: 600;
  }
  .hl-alarm {
    background: var(--a-danger-soft);
    color: var(--a-danger);
    border-width: 4px;
  }
  .hl-unstaffed,
  .hl-wait_over_target {
    background: #fff4d6;
    color: #6b4300;
  }
  .hl .label,
  .flag {
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-weight: 800;
    font-size: 0.9rem;
    border: 2px solid currentColor;
    border-radius: 4px;
    padding: 0 0.35rem;
    white-space: nowrap;
  }
  table {
    background: var(--a-surface);
    font-size: 1.2rem;
  }
  th {
    font-size: 1rem;
  }
  td.num {
    white-space: nowrap;
    font-size: 1.6rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  tr.attention td {
    background: #fff4d6;
    color: #6b4300;
  }
  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    align-items: start;
    gap: 0.75rem;
  }
  .tile {
    background: var(--a-surface);
    border: 2px solid var(--a-line);
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
    display: grid;
    gap: 0.15rem;
    align-content: start;
  }
  .tile .name {
    font-weight: 700;
  }
  .tile .ticket {
    font-size: 2rem;
    line-height: 1.1;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .tile[data-state='closed'] {
    background: #eef0f3;
    color: var(--a-muted);
    border-style: dashed;
  }
  .tile[data-state='free'] .state {
    color: var(--a-ok);
  }
  .tile[data-state='calling'] {
    border-color: var(--a-accent);
    border-width: 3px;
  }
  .tile[data-state='calling'] .state {
    color: var(--a-accent);
  }
  .tile[data-alarm] {
    border: 4px solid var(--a-danger);
    background: var(--a-danger-soft);
    color: var(--a-danger);
  }
  .state {
    font-weight: 700;
  }
  .icon {
    width: 1.2em;
    height: 1.2em;
    flex: none;
    vertical-align: -0.2em;
    margin-inline-end: 0.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .tile .flag {
    justify-self: start;
  }
  .flag .icon {
    width: 1em;
    height: 1em;
  }
`;
