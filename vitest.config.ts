import {defineConfig} from 'vitest/config'

// One run over every package's tests; end-to-end browser tests run under Playwright instead.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {name: 'unit', include: ['{schemas,studio,web,scripts/*}/src/**/*.test.ts']},
      },
      {
        // These build the whole site; Astro builds of one project share web/.astro and the
        // Vite cache, so they take turns.
        extends: true,
        test: {name: 'integration', include: ['tests/src/**/*.test.ts'], fileParallelism: false},
      },
    ],
  },
})
