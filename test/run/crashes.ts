// Tells a test file whose worker process died by a signal from a test that failed.

/** A worker that died by a signal, and the test files it was running. */
export type Crash = { signal: string; files: string[] }
export type RunReport = { crashed: Crash[]; otherErrors: number; failedTests: number }

type ErrorLike = { message?: unknown; cause?: unknown }

/** The crash an unhandled error reports (vitest's "Worker exited unexpectedly with signal …"), or null. */
export function crashOf(error: ErrorLike | null | undefined): Crash | null {
  for (let e: ErrorLike | null | undefined = error, depth = 0; e && depth < 5; e = e.cause as ErrorLike, depth++) {
    const match = /exited unexpectedly with (?:exit code \S+ )?signal (\w+) during \w+ state while running test files? (.+)$/.exec(String(e.message ?? ''))
    if (match) return { signal: match[1], files: match[2].split(', ').map((file) => file.trim()) }
  }
  return null
}

/** The files to run once more: only when every problem of the run was a worker killed by a signal. */
export function filesToRetry(report: RunReport): string[] {
  if (report.failedTests > 0 || report.otherErrors > 0) return []
  return [...new Set(report.crashed.flatMap((crash) => crash.files))]
}
