// Runs one eval entry in its own Node process (`eval run … --json`), for the gate.
//
// Why a process per entry: every suite opens a scratch PGlite store (a WASM heap in a worker
// thread) and loads models; fifteen of them in one process for ten minutes once ended in a SIGSEGV
// between two suites on this machine. A process per entry returns all of that memory to the system
// and keeps one suite's crash from taking the next ones with it. A process killed by a signal is
// run once more and the log says so; a suite that fails or reports low metrics is never retried.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { EvalReport } from './report.ts'
import type { RunArgs } from './runner.ts'

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url))

/** What `eval run --json` prints: the report without its details (those are in the written file). */
export type ReportSummary = Pick<EvalReport, 'suite' | 'dataset' | 'n' | 'mode' | 'embedder' | 'metrics'>

/** The `eval run` command line for these arguments (the inverse of parseRunArgv). */
export function runArgv(suite: string, args: RunArgs, out: string): string[] {
  const argv = ['run', suite, '--data', args.data, '--mode', args.mode, '--embedder', args.embedder, '--out', out, '--json']
  if (args.limit !== undefined) argv.push('--limit', String(args.limit))
  if (args.sample !== undefined) argv.push('--sample', String(args.sample))
  if (args.train !== undefined) argv.push('--train', args.train)
  if (args.shots !== undefined) argv.push('--shots', String(args.shots))
  if (args.split !== undefined) argv.push('--split', String(args.split))
  return argv
}

type ChildOutcome = { code: number | null; signal: NodeJS.Signals | null; stdout: string }

function runChild(argv: string[], env: NodeJS.ProcessEnv, stderr: (text: string) => void): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...argv], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', stderr)
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout }))
  })
}

/** Runs the suite in a child process and returns its summary; throws with the reason when it fails. */
export async function runSuiteIsolated(
  suite: string,
  args: RunArgs,
  options: { out: string; env: NodeJS.ProcessEnv; stderr: (text: string) => void },
): Promise<ReportSummary> {
  const argv = runArgv(suite, args, options.out)
  let outcome = await runChild(argv, options.env, options.stderr)
  if (outcome.signal) {
    options.stderr(`eval: the ${suite} run died by ${outcome.signal}; running it once more\n`)
    outcome = await runChild(argv, options.env, options.stderr)
  }
  if (outcome.signal) throw new Error(`the run died by ${outcome.signal} twice`)
  if (outcome.code !== 0) throw new Error(`the run exited with code ${outcome.code} (its log is above)`)
  try {
    return JSON.parse(outcome.stdout) as ReportSummary
  } catch {
    throw new Error('the run printed no report')
  }
}
