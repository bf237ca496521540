import { css } from 'lit';

/** The heading every section of the board shares ("Aktueller Aufruf", "Letzte Aufrufe", "Wartende"). */
export const sectionHeading = css`
  h2 {
    margin: 0 0 1vmin;
    font-size: 3vmin;
    font-weight: 600;
    color: var(--muted);
  }
`;

/** A section that fills its grid cell as a column and may shrink below its content. */
export const columnSection = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
`;
