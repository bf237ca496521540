import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../server/config.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

export const PUBLIC_DIR = join(import.meta.dirname, '..', '..', '..', 'dist', 'public');

/** A real server that also serves the built web apps (npm run test:e2e builds them first). */
export async function startE2eServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  if (!existsSync(join(PUBLIC_DIR, 'kiosk', 'index.html'))) {
    throw new Error(`no web build in ${PUBLIC_DIR}: run "npm run build" first`);
  }
  return startTestServer({ publicDir: PUBLIC_DIR, ...overrides });
}
