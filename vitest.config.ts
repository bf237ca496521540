import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
          testTimeout: 20_000,
          // beforeAll seeds and logs in (scrypt): on a busy machine that takes longer than the default 10 s.
          hookTimeout: 30_000,
          // Threads, not forks: vitest 4's forks pool now and then wedges between two files (the fork
          // never reports its file finished and nothing times out), which stalled a CI run for 90 min.
          pool: 'threads',
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page's answer after a save or a sign-in (scrypt) can take seconds on a loaded machine: poll up to 10 s.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
          pool: 'threads',
        },
      },
    ],
  },
});
