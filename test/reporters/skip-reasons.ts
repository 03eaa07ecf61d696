// Lists every skipped test with its reason. Suites that skip (no ../shared, no browser, a package not
// installed) carry the reason in their name or in ctx.skip(note); vitest's summary only counts them.
import { relative } from 'node:path'
import type { Reporter, TestModule } from 'vitest/node'

export default class SkipReasonsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = []
    let passed = 0
    let failed = 0
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const result = test.result()
        if (result.state === 'passed') passed++
        else if (result.state === 'failed') failed++
        else if (result.state === 'skipped') {
          const note = result.note ? ` (${result.note})` : ''
          skipped.push(`  ${relative(process.cwd(), mod.moduleId)} › ${test.fullName}${note}`)
        }
      }
    }
    if (skipped.length > 0) process.stdout.write(`\nSkipped, and why:\n${skipped.join('\n')}\n`)
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped.length} skipped\n`)
  }
}
