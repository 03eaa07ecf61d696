// Records which test files a worker process died in (killed by a signal), for test/run.ts to run once
// more. PGlite's WASM engine in a forked worker has ended in a SIGSEGV on CI machines a few times
// (nodejs/node#64500 is the same kind of crash, traced there to the machine); such a file did not
// fail, it did not finish. Written only when PARLEY_TEST_RUN_REPORT names a file.
import { writeFileSync } from 'node:fs'
import type { Reporter, SerializedError, TestModule } from 'vitest/node'
import { crashOf, type RunReport } from '../run/crashes.ts'

export default class CrashedFilesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const path = process.env.PARLEY_TEST_RUN_REPORT
    if (!path) return
    const crashes = unhandledErrors.map(crashOf)
    const crashedFiles = new Set(crashes.flatMap((crash) => crash?.files ?? []))
    let failedTests = 0
    for (const mod of testModules) {
      if (crashedFiles.has(mod.moduleId)) continue
      for (const test of mod.children.allTests()) if (test.result().state === 'failed') failedTests++
      if (mod.errors().length > 0) failedTests++ // a file that could not even be collected
    }
    const report: RunReport = {
      crashed: crashes.filter((crash) => crash !== null),
      otherErrors: crashes.filter((crash) => crash === null).length,
      failedTests,
    }
    writeFileSync(path, JSON.stringify(report))
  }
}
