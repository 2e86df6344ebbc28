import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['specs/**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    setupFiles: ['./failed-tries.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    // A test that fails is run once more before the run fails (ADR 0033): two Chromium pages encoding video on
    // two cores now and then miss a deadline that a second try meets. A failure that repeats still fails.
    retry: 1,
    hookTimeout: 120_000,
    // A page that signs in and loads over a busy machine takes longer than expect.poll's 1 s default;
    // checks that promise a time ("the flag within a second") pass their own timeout.
    expect: { poll: { timeout: 10_000 } },
  },
});
