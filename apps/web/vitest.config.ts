import { defineConfig } from 'vitest/config';

// The web app's unit tests: plain TypeScript logic, no browser and no server (E2E specs cover the pages).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
