import { css } from 'lit';

/** The statistics pages: a range form, figure tables and charts; on paper A4 portrait, one column. */
export const statsPageStyles = css`
  :host {
    display: block;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: end;
    margin-block-end: 1rem;
  }
  .range label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  .range input {
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--a-muted);
    border-radius: 5px;
  }
  .range a {
    color: var(--a-accent);
  }
  section.panel {
    margin-block-end: 1rem;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
    gap: 1.5rem;
  }
  table.figures {
    border-collapse: collapse;
    width: 100%;
  }
  table.figures caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }
  table.figures th,
  table.figures td {
    padding: 0.3rem 0.6rem;
    border-bottom: 1px solid var(--a-line);
    text-align: end;
  }
  table.figures th:first-child {
    text-align: start;
  }
  table.key {
    max-width: 44rem;
  }
  ol.comments {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.6rem;
  }
  ol.comments .meta {
    display: block;
    color: var(--a-muted);
    font-size: 0.85rem;
  }
  @page {
    size: A4 portrait;
    margin: 15mm;
  }
  @media print {
    .range {
      display: none;
    }
    .charts {
      grid-template-columns: 1fr;
    }
    section.panel {
      break-inside: avoid;
      border: none;
      box-shadow: none;
    }
  }
`;
