import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/*.int.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite is CPU- and memory-heavy; two cores do not gain from more forks.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    // The default output counts skipped tests; the second reporter says which and why; the third tells
    // test/run.ts (`npm test`) which files a worker died in, to run them once more.
    reporters: ['default', './test/reporters/skip-reasons.ts', './test/reporters/crashed-files.ts'],
  },
})
