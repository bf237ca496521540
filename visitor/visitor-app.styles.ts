import { css } from 'lit';
import { base } from './styles.js';

export const appStyles = [
  base,
  css`
    :host {
      display: block;
      max-width: 36rem;
      margin: 0 auto;
      padding: max(0.75rem, env(safe-area-inset-top)) 1rem max(1.5rem, env(safe-area-inset-bottom));
    }
    header {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 0.75rem;
    }
    .offline {
      margin: 0 0 0.75rem;
      padding: 0.6rem 0.8rem;
      border-radius: 10px;
      background: #fff4d6;
      color: #5c4200;
      font-weight: 600;
    }
    .loading {
      font-size: 1.2rem;
      text-align: center;
      margin-top: 3rem;
    }
  `,
];
