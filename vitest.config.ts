import {defineConfig} from 'vitest/config'

// One run over every package's tests; end-to-end browser tests run under Playwright instead.
export default defineConfig({
  test: {
    include: ['{schemas,scripts,web,tests}/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
