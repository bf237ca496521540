import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (name: string): string => fileURLToPath(new URL(`./${name}/index.html`, import.meta.url));

// Multi-page build: dist/public/{kiosk,display,counter}/index.html + dist/public/assets/*.
// Served in production by server/static.ts.
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        kiosk: page('kiosk'),
        display: page('display'),
        counter: page('counter'),
        visitor: page('visitor'),
        admin: page('admin'),
      },
    },
  },
});
