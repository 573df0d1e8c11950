import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest() does not apply wxt.config.ts's Vite plugins, so preact() is listed here too
// (../shared/reference/stack.md, "Test gotchas"). Browser tests (test/e2e) have their own config.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['test/support/setup.ts'],
    include: ['test/**/*.test.ts?(x)', 'lib/**/*.test.ts', 'components/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**', '.output/**'],
  },
});
