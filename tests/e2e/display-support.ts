import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Announcement } from '../../display/announcement-queue.js';
import { ARTIFACTS_DIR, openPage } from './helpers/browser.js';

/**
 * Helpers for the waiting-room screen tests. Audio output is stubbed in the
 * page: `HTMLMediaElement.play` records which announcement was playing and
 * ends after a moment, so tests assert on the order of the queue, never on
 * the timing of real sound.
 */
export const STUB_AUDIO = `
  window.__played = [];
  HTMLMediaElement.prototype.play = function () {
    const now = (window.__announcements || []).filter((a) => a.state === 'playing').map((a) => a.number);
    window.__played.push({ playing: now, src: String(this.src).slice(0, 5) });
    setTimeout(() => this.dispatchEvent(new Event('ended')), 150);
    return Promise.resolve();
  };
`;

export interface DisplayPage {
  page: Page;
  errors: string[];
}

export async function openDisplay(context: BrowserContext, url: string): Promise<DisplayPage> {
  await context.addInitScript(STUB_AUDIO);
  const { page, errors } = await openPage(context, url);
  await page.locator('display-app[connection="online"]').waitFor({ timeout: 10_000 });
  return { page, errors };
}

export function announcements(page: Page): Promise<Announcement[]> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__announcements ?? [])) as Announcement[]);
}

export function played(page: Page): Promise<Array<{ playing: string[]; src: string }>> {
  return page.evaluate(() => window.__played ?? []);
}

export function currentNumber(page: Page): Promise<string | null> {
  return page.locator('display-current-call [data-number]').first().getAttribute('data-number', { timeout: 2000 }).catch(() => null);
}

export function listedNumbers(page: Page): Promise<string[]> {
  return page.locator('display-call-list li').evaluateAll((items) => items.map((li) => li.getAttribute('data-number') ?? ''));
}

/** The screenshot with CSS animations finished, so a blinking call is caught in its steady colours. */
export async function steadyScreenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

/** All text on the screen, through every shadow root. */
export function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const collect = (root: Node): string => {
      let text = '';
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
        else if (node instanceof Element) text += ` ${collect(node.shadowRoot ?? node)}${node.shadowRoot ? collect(node) : ''}`;
      }
      return text;
    };
    return collect(document.body).replace(/\s+/g, ' ');
  });
}
