// Regression gate: evals/baseline.json holds the agreed floor of each metric per suite and data
// file; the gate re-runs every entry and fails when any metric falls below its floor. Entries
// whose data is absent (a clone without ../shared) are reported as skipped, never as passed.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { EvalReport } from './report.ts'

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))

export const baselineEntrySchema = z.object({
  /** Path relative to the repository root; may point into ../shared. */
  data: z.string().min(1),
  /** Run arguments for the suite, e.g. { limit: 500, train: "…" }. */
  args: z.record(z.string(), z.unknown()).default({}),
  /** Lowest acceptable value per metric (metrics where higher is better). */
  floors: z.record(z.string(), z.number()).refine((floors) => Object.keys(floors).length > 0, 'needs at least one floor'),
})

export const baselineSchema = z.record(z.string(), z.array(baselineEntrySchema))

export type BaselineEntry = z.output<typeof baselineEntrySchema>
export type Baseline = z.output<typeof baselineSchema>
/** A baseline entry with its data file resolved to an absolute path. */
export type ResolvedEntry = BaselineEntry & { dataPath: string }

export async function loadBaseline(path: string): Promise<Baseline> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read baseline ${path}: ${(error as Error).message}`)
  }
  const result = baselineSchema.safeParse(parsed)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`invalid baseline ${path}: ${problems}`)
  }
  return result.data
}

export type FloorFailure = { metric: string; value: number | null; floor: number }

/** Metrics below their floor; a metric the report lacks (or that is NaN) fails too. */
export function checkFloors(report: Pick<EvalReport, 'metrics'>, floors: Record<string, number>): FloorFailure[] {
  const failures: FloorFailure[] = []
  for (const [metric, floor] of Object.entries(floors)) {
    const value = report.metrics[metric]
    if (value === undefined || !Number.isFinite(value)) failures.push({ metric, value: null, floor })
    else if (value < floor) failures.push({ metric, value, floor })
  }
  return failures
}

export type GateStatus = 'passed' | 'failed' | 'skipped' | 'error'

export type GateResult = {
  suite: string
  data: string
  status: GateStatus
  failures: FloorFailure[]
  /** Why an entry was skipped or errored. */
  reason?: string
  report?: GateReport
}

/** What the gate needs of a run's report. */
export type GateReport = Pick<EvalReport, 'n' | 'metrics'>

export type GateOptions = {
  /** Whether ../shared (the datasets outside the repository) is present on this machine. */
  sharedAvailable: boolean
  log: (line: string) => void
  /** Directory `data` paths are relative to; default the repository root. */
  root?: string
  /** Treat skipped entries as failures (for CI machines that must have all data). */
  requireData?: boolean
}

function skipReason(entry: BaselineEntry, dataPath: string, root: string, sharedAvailable: boolean): string | undefined {
  const outsideRepo = relative(root, dataPath).startsWith('..') || isAbsolute(relative(root, dataPath))
  if (outsideRepo && !sharedAvailable) return `data outside the repository (${entry.data}) and ../shared is not available`
  if (!existsSync(dataPath)) return `data file not found: ${entry.data}`
  return undefined
}

function describeFloors(report: GateReport, floors: Record<string, number>): string {
  return Object.entries(floors)
    .map(([metric, floor]) => `${metric} ${report.metrics[metric]?.toFixed(4)} ≥ ${floor}`)
    .join(', ')
}

/** Runs every baseline entry in turn (eval runs are heavy: never in parallel) and checks its floors. */
export async function runGate(
  baseline: Baseline,
  runSuite: (suite: string, entry: ResolvedEntry) => Promise<GateReport>,
  options: GateOptions,
): Promise<{ passed: boolean; results: GateResult[] }> {
  const root = options.root ?? REPO_ROOT
  const results: GateResult[] = []
  for (const [suite, entries] of Object.entries(baseline)) {
    for (const entry of entries) {
      const label = `${suite} ${entry.data}`
      const dataPath = resolve(root, entry.data)
      const reason = skipReason(entry, dataPath, root, options.sharedAvailable)
      if (reason) {
        results.push({ suite, data: entry.data, status: 'skipped', failures: [], reason })
        options.log(`SKIP  ${label}: ${reason}`)
        continue
      }
      let report: GateReport
      try {
        report = await runSuite(suite, { ...entry, dataPath })
      } catch (error) {
        const message = (error as Error).message
        results.push({ suite, data: entry.data, status: 'error', failures: [], reason: message })
        options.log(`ERROR ${label}: ${message}`)
        continue
      }
      const failures = checkFloors(report, entry.floors)
      results.push({ suite, data: entry.data, status: failures.length ? 'failed' : 'passed', failures, report })
      if (failures.length === 0) {
        options.log(`PASS  ${label} (n=${report.n}): ${describeFloors(report, entry.floors)}`)
      } else {
        const detail = failures
          .map((f) => (f.value === null ? `${f.metric} missing (floor ${f.floor})` : `${f.metric} ${f.value.toFixed(4)} < floor ${f.floor}`))
          .join(', ')
        options.log(`FAIL  ${label} (n=${report.n}): ${detail}`)
      }
    }
  }
  const count = (status: GateStatus) => results.filter((result) => result.status === status).length
  const passed = count('failed') === 0 && count('error') === 0 && !(options.requireData && count('skipped') > 0)
  options.log(
    `gate ${passed ? 'passed' : 'FAILED'}: ${count('passed')} passed, ${count('failed')} failed, ` +
      `${count('error')} errors, ${count('skipped')} skipped${options.requireData && count('skipped') ? ' (data required)' : ''}`,
  )
  return { passed, results }
}
