// `npm test`: vitest, and once more for the files whose worker process died by a signal.
//
// Why: PGlite's PostgreSQL runs as WebAssembly in each forked worker, and on some machines such a
// process has ended in a SIGSEGV mid-file (one run in many; the eval gate retries the same way, see
// evals/isolated-run.ts). A file killed that way never ran its tests to a verdict, so it is run again,
// alone, and the log says so. A failed test, an error of any other kind or a second crash is never
// retried: the exit code is vitest's.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { filesToRetry, type RunReport } from './run/crashes.ts'

const VITEST = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs')

function vitest(args: string[]): { status: number; report: RunReport | null } {
  const reportPath = join(tmpdir(), `parley-test-run-${process.pid}-${Date.now()}.json`)
  const run = spawnSync(process.execPath, [VITEST, 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, PARLEY_TEST_RUN_REPORT: reportPath },
  })
  const report = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport) : null
  rmSync(reportPath, { force: true })
  return { status: run.status ?? 1, report }
}

const args = process.argv.slice(2)
const first = vitest(args)
let status = first.status
const retry = status !== 0 && first.report ? filesToRetry(first.report) : []
if (retry.length > 0) {
  const how = first.report!.crashed.map((crash) => crash.signal).join(', ')
  process.stdout.write(
    `\nnpm test: a worker process died by ${how} in ${retry.map((file) => relative(process.cwd(), file)).join(', ')}; ` +
      'no test failed, so running that file once more\n\n',
  )
  status = vitest(retry).status
}
process.exit(status)
