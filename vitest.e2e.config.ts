// Browser tests: the built extension (.output/chrome-mv3) in headless Chromium, driven from Node.
// `npm run test:e2e` builds first. One file at a time: each launches its own browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
