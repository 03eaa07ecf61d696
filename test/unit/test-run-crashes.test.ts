// npm test runs a file once more only when its worker died by a signal and nothing else went wrong.
import { describe, expect, it } from 'vitest'
import { crashOf, filesToRetry } from '../run/crashes.ts'

const sigsegv = {
  message: '[vitest-pool]: Worker forks emitted error.',
  cause: { message: 'Worker exited unexpectedly with signal SIGSEGV during started state while running test file /repo/test/integration/embedding-index.test.ts' },
}

describe('crashed test files', () => {
  it('reads the signal and the file from vitest’s worker error, through its cause', () => {
    expect(crashOf(sigsegv)).toEqual({ signal: 'SIGSEGV', files: ['/repo/test/integration/embedding-index.test.ts'] })
    expect(crashOf({ message: 'Worker exited unexpectedly with exit code 1 signal SIGKILL during started state while running test files /a.test.ts, /b.test.ts' }))
      .toEqual({ signal: 'SIGKILL', files: ['/a.test.ts', '/b.test.ts'] })
  })

  it('is not a crash when the worker exited with a code and no signal, or the error is another', () => {
    expect(crashOf({ message: 'Worker exited unexpectedly with exit code 1 during started state while running test file /a.test.ts' })).toBeNull()
    expect(crashOf({ message: 'TypeError: x is not a function' })).toBeNull()
    expect(crashOf(null)).toBeNull()
  })

  it('retries the crashed files only when no test failed and no other error happened', () => {
    const crashed = [crashOf(sigsegv)!, { signal: 'SIGSEGV', files: ['/repo/test/integration/embedding-index.test.ts'] }]
    expect(filesToRetry({ crashed, otherErrors: 0, failedTests: 0 })).toEqual(['/repo/test/integration/embedding-index.test.ts'])
    expect(filesToRetry({ crashed, otherErrors: 0, failedTests: 1 })).toEqual([])
    expect(filesToRetry({ crashed, otherErrors: 1, failedTests: 0 })).toEqual([])
    expect(filesToRetry({ crashed: [], otherErrors: 0, failedTests: 0 })).toEqual([])
  })
})
