import { css } from 'lit';

/** The board's grid: current call and history side by side in landscape, stacked in portrait. */
export const appStyles = css`
  :host {
    --bg: #0b1b30;
    --panel: #15304f;
    --line: #3d5a80;
    --text: #ffffff;
    --muted: #c9d6ea;
    --accent: #ffd23f;
    --on-accent: #0b1b30;
    display: block;
    height: 100vh;
    overflow: hidden;
    background: var(--bg);
    color: var(--text);
    font-family: var(--app-font, sans-serif);
  }
  .screen {
    box-sizing: border-box;
    height: 100%;
    padding: 2vmin 3vmin;
    display: grid;
    gap: 2vmin 3vmin;
    grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr) auto auto;
    grid-template-areas:
      'head head'
      'current recent'
      'waiting recent'
      'ticker ticker';
  }
  :host([orientation='portrait']) .screen {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto auto minmax(0, 1fr) auto auto;
    grid-template-areas: 'head' 'current' 'recent' 'waiting' 'ticker';
    --current-number-size: 22vmin;
    --current-min-height: 28vh;
    --current-counter-size: 11vmin;
    --list-size: 7vmin;
    --waiting-min: 44vmin;
  }
  header {
    grid-area: head;
    display: flex;
    align-items: center;
    gap: 3vmin;
    border-block-end: 0.3vmin solid var(--line);
    padding-block-end: 1vmin;
  }
  h1 {
    margin: 0;
    font-size: 5vmin;
    font-weight: 800;
    flex: 1;
  }
  .offline {
    margin: 0;
    font-size: 2.4vmin;
    padding: 0.5vmin 1.5vmin;
    border-radius: 1vmin;
    background: #5c1a1a;
    color: #fff;
  }
  .offline:empty {
    display: none;
  }
  display-current-call {
    grid-area: current;
  }
  display-call-list {
    grid-area: recent;
  }
  display-waiting {
    grid-area: waiting;
  }
  display-ticker {
    grid-area: ticker;
    border-block-start: 0.3vmin solid var(--line);
    padding-block-start: 1vmin;
  }
`;
