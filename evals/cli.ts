// `npm run eval -- <suite> --data <file.jsonl> …`, `npm run eval:compare A.json B.json`, `npm run eval:gate`.
// Results go to stdout (the table, or JSON with --json); progress and the run log go to stderr.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { z } from 'zod'
import { ConfigError } from '../src/config.ts'
import { loadBaseline, runGate, type ResolvedEntry } from './gate.ts'
import { runSuiteIsolated } from './isolated-run.ts'
import { DEFAULT_REPORTS_DIR, formatComparison, formatTable, readReport, toJsonOutput, writeReport } from './report.ts'
import { DEFAULT_EMBEDDER, LlmNotConfiguredError, runSuite, type EvalMode, type RunArgs } from './runner.ts'
import { SUITES, suiteByName, UnknownSuiteError } from './suites/index.ts'

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))
export const DEFAULT_BASELINE = fileURLToPath(new URL('./baseline.json', import.meta.url))

export const EXIT_OK = 0
/** The run failed, or the gate found a metric under its floor. */
export const EXIT_FAILED = 1
/** Bad arguments or configuration (including --mode llm without an endpoint): nothing was measured. */
export const EXIT_USAGE = 2

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** A migrated PGlite data dir each run copies (tests); default: a fresh one per run. */
  scratchTemplate?: string
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}

class UsageError extends Error {}

const positiveInt = (value: string) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer')
  return n
}
const share = (value: string) => {
  const n = Number(value)
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('expected a number between 0 and 1, e.g. 0.8')
  return n
}

export interface RunCommand {
  suite: string
  args: RunArgs
  json: boolean
  out: string
}

function quietCommand(name: string, io: CliIo): Command {
  return new Command(name)
    .exitOverride()
    .configureOutput({ writeOut: io.stderr, writeErr: io.stderr })
    .showHelpAfterError(false)
}

/** Parses the arguments of `run` (what follows `run` on the command line). Throws on invalid input. */
export function parseRunArgv(argv: string[], io: CliIo = defaultIo): RunCommand {
  let parsed: RunCommand | undefined
  quietCommand('eval', io)
    .description(`run an eval suite: ${Object.keys(SUITES).sort().join(', ')}`)
    .argument('<suite>', 'suite name')
    .requiredOption('--data <file>', 'dataset (JSONL in a format of ../shared/ARCHITECTURE.md)')
    .option('--limit <n>', 'read only the first n rows', positiveInt)
    .option('--sample <n>', 'keep n rows spread over the whole file (deterministic)', positiveInt)
    .addOption(new Option('--mode <mode>', 'local (no LLM) or llm (needs LLM_BASE_URL)').choices(['local', 'llm']).default('local'))
    .option('--embedder <spec>', 'EMBEDDINGS spec for the scratch store', DEFAULT_EMBEDDER)
    .option('--train <file>', 'labelled examples for suites that learn (intent)')
    .option('--shots <n>', 'examples per label taken from the training data (default: all)', positiveInt)
    .option('--split <share>', 'train on this share of --data (stratified) and evaluate the rest', share)
    .option('--json', 'print the report as JSON on stdout')
    .option('--out <dir>', 'where JSON and Markdown reports are written', DEFAULT_REPORTS_DIR)
    .action((suite: string, o: Record<string, unknown>) => {
      suiteByName(suite)
      parsed = {
        suite,
        json: Boolean(o.json),
        out: o.out as string,
        args: {
          data: o.data as string,
          limit: o.limit as number | undefined,
          sample: o.sample as number | undefined,
          mode: o.mode as EvalMode,
          embedder: o.embedder as string,
          train: o.train as string | undefined,
          shots: o.shots as number | undefined,
          split: o.split as number | undefined,
        },
      }
    })
    .parse(argv, { from: 'user' })
  if (!parsed) throw new UsageError('no suite given')
  return parsed
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const command = parseRunArgv(argv, io)
  const log = (line: string) => io.stderr(`${line}\n`)
  const report = await runSuite(suiteByName(command.suite), command.args, { env: io.env, log, scratchTemplate: io.scratchTemplate })
  const paths = await writeReport(report, command.out)
  if (command.json) io.stdout(`${JSON.stringify(toJsonOutput(report), null, 2)}\n`)
  else io.stdout(`${formatTable(report)}\n`)
  log(`report: ${paths.json} (and .md)`)
  return EXIT_OK
}

async function compareCommand(argv: string[], io: CliIo): Promise<number> {
  let files: [string, string] | undefined
  quietCommand('eval:compare', io)
    .description('difference per metric between two reports (B − A)')
    .argument('<a>', 'report JSON')
    .argument('<b>', 'report JSON')
    .action((a: string, b: string) => {
      files = [a, b]
    })
    .parse(argv, { from: 'user' })
  if (!files) throw new UsageError('compare needs two report files')
  const [a, b] = await Promise.all(files.map(readReport))
  io.stdout(`${formatComparison(a, b)}\n`)
  return EXIT_OK
}

/** Run arguments a baseline entry may set; paths in them are relative to the root like `data`. */
const gateArgsSchema = z
  .object({
    limit: z.number().int().positive().optional(),
    sample: z.number().int().positive().optional(),
    mode: z.enum(['local', 'llm']).default('local'),
    embedder: z.string().default(DEFAULT_EMBEDDER),
    train: z.string().optional(),
    shots: z.number().int().positive().optional(),
    split: z.number().gt(0).lt(1).optional(),
  })
  .strict()

export function entryRunArgs(entry: ResolvedEntry, root: string): RunArgs {
  const parsed = gateArgsSchema.safeParse(entry.args)
  if (!parsed.success) throw new Error(`invalid args: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ')}`)
  const { train, ...rest } = parsed.data
  return { ...rest, data: entry.dataPath, ...(train ? { train: resolve(root, train) } : {}) }
}

async function gateCommand(argv: string[], io: CliIo): Promise<number> {
  let options: { baseline: string; root: string; requireData: boolean; out: string } | undefined
  quietCommand('eval:gate', io)
    .description('re-run every entry of the baseline and fail when a metric is under its floor')
    .option('--baseline <file>', 'floors per suite and dataset', DEFAULT_BASELINE)
    .option('--root <dir>', 'directory the data paths are relative to', REPO_ROOT)
    .option('--require-data', 'fail (instead of skipping) when a data file is absent')
    .option('--out <dir>', 'where the reports of the runs are written', DEFAULT_REPORTS_DIR)
    .action((o: { baseline: string; root: string; requireData?: boolean; out: string }) => {
      options = { ...o, requireData: Boolean(o.requireData) }
    })
    .parse(argv, { from: 'user' })
  if (!options) throw new UsageError('invalid gate arguments')
  const { root, out } = options
  const log = (line: string) => io.stderr(`${line}\n`)
  const baseline = await loadBaseline(options.baseline)
  const { passed } = await runGate(
    baseline,
    // Each entry in its own process (see isolated-run.ts); it writes its report to `out` itself.
    (suite, entry) => runSuiteIsolated(suite, entryRunArgs(entry, root), { out, env: io.env, stderr: io.stderr }),
    { sharedAvailable: existsSync(resolve(root, '../shared')), log, root, requireData: options.requireData },
  )
  return passed ? EXIT_OK : EXIT_FAILED
}

const USAGE = `usage:
  eval run <suite> --data <file.jsonl> [--limit N] [--sample N] [--mode local|llm] [--embedder spec]
                   [--train file] [--shots N] [--split share] [--json] [--out dir]
  eval compare <a.json> <b.json>
  eval gate [--baseline evals/baseline.json] [--require-data]
suites: ${Object.keys(SUITES).sort().join(', ')}
`

/** The eval CLI; returns the exit code instead of exiting, so `parley eval` and tests can call it. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, io)
      case 'compare':
        return await compareCommand(rest, io)
      case 'gate':
        return await gateCommand(rest, io)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stderr(USAGE)
        return command === undefined ? EXIT_USAGE : EXIT_OK
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help text it was asked for).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`eval: ${message}\n`)
    if (error instanceof UsageError) io.stderr(USAGE)
    const usage = [UsageError, UnknownSuiteError, LlmNotConfiguredError, ConfigError].some((kind) => error instanceof kind)
    return usage ? EXIT_USAGE : EXIT_FAILED
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) {
  const code = await main(process.argv.slice(2))
  // PGlite and the language model keep handles open; the report is written, so leave now.
  process.exit(code)
}
