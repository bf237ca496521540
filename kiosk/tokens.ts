import { css } from 'lit';

/**
 * The kiosk's colours as custom properties on the app root; they inherit
 * into every element's shadow root. High contrast is white and yellow on
 * black. All text pairs meet WCAG AA (4.5:1) in both modes.
 */
export const tokens = css`
  :host {
    --k-bg: #eef2f6;
    --k-surface: #ffffff;
    --k-bar: #ffffff;
    --k-text: #14181f;
    --k-muted: #4a5566;
    --k-border: #6b7787;
    --k-border-width: 2px;
    --k-radius: 18px;
    --k-primary: #0a4fa3;
    --k-primary-pressed: #083d80;
    --k-on-primary: #ffffff;
    --k-pressed: #dde6f2;
    --k-selected: #0a4fa3;
    --k-on-selected: #ffffff;
    --k-closed: #e6e9ee;
    --k-warning-bg: #fff4d6;
    --k-warning-text: #4a3300;
    --k-warning-border: #b37a00;
    --k-danger: #a4262c;
    --k-success: #1b6b34;
    --k-focus: #f5a400;
    --k-scrim: rgba(10, 20, 35, 0.6);
    --k-shadow: 0 2px 6px rgba(0, 0, 0, 0.12);
  }
  :host([contrast]) {
    --k-bg: #000000;
    --k-surface: #000000;
    --k-bar: #000000;
    --k-text: #ffffff;
    --k-muted: #f0f0f0;
    --k-border: #ffffff;
    --k-border-width: 3px;
    --k-primary: #ffd400;
    --k-primary-pressed: #e6bf00;
    --k-on-primary: #000000;
    --k-pressed: #333333;
    --k-selected: #ffd400;
    --k-on-selected: #000000;
    --k-closed: #1a1a1a;
    --k-warning-bg: #000000;
    --k-warning-text: #ffd400;
    --k-warning-border: #ffd400;
    --k-danger: #ff8a8a;
    --k-success: #8ff0a4;
    --k-focus: #00e5ff;
    --k-scrim: rgba(0, 0, 0, 0.85);
    --k-shadow: none;
  }
`;
