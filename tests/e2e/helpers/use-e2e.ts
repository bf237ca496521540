import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../../server/config.js';
import type { TestServer } from '../../helpers/test-server.js';
import { launchBrowser } from './browser.js';
import { startE2eServer } from './e2e-server.js';

export interface E2e {
  readonly server: TestServer;
  readonly browser: Browser;
}

export interface E2eOptions {
  /** Settings for the server, e.g. an unreachable printer. */
  config?: Partial<Config>;
  /** Another way to start Chromium than launchBrowser. */
  launch?: () => Promise<Browser>;
}

/**
 * One real server and one Chromium for the enclosing describe block: started
 * in beforeAll, closed in afterAll. Hooks the test file registers after this
 * call run after the start and before the close (vitest stacks after-hooks).
 */
export function useE2e(options: E2eOptions = {}): E2e {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startE2eServer(options.config);
    browser = await (options.launch ?? launchBrowser)();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the e2e server is not started yet (use it inside a test or hook)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a test or hook)');
      return browser;
    },
  };
}
