// Eval reports: what ran (suite, data, mode, embedder, prompt and code versions) next to what it
// scored, as a terminal table, Markdown, and JSON files that two runs can be compared from.
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url))
export const DEFAULT_REPORTS_DIR = fileURLToPath(new URL('./reports/', import.meta.url))

export const evalReportSchema = z.object({
  suite: z.string(),
  dataset: z.string(),
  n: z.number().int().nonnegative(),
  mode: z.string(),
  embedder: z.string(),
  prompt_versions: z.record(z.string(), z.string()),
  code_version: z.string(),
  created_at: z.string(),
  // JSON has no NaN: an undefined metric is written as null and read back as NaN.
  metrics: z.record(z.string(), z.number().nullable().transform((value) => value ?? Number.NaN)),
  baselines: z.record(z.string(), z.record(z.string(), z.number().nullable().transform((value) => value ?? Number.NaN))),
  details: z.unknown().optional(),
})

export type EvalReport = {
  suite: string
  /** Dataset name or path; report file names use its base name. */
  dataset: string
  n: number
  mode: string
  embedder: string
  prompt_versions: Record<string, string>
  code_version: string
  created_at: string
  /** snake_case metric names (accuracy, macro_recall, rouge_l, …) → value, mostly on 0–1. */
  metrics: Record<string, number>
  /** Reference systems scored on the same rows, e.g. { majority: { accuracy: 0.41 } }. */
  baselines: Record<string, Record<string, number>>
  details?: unknown
}

/** The `--json` stdout shape. */
export function toJsonOutput(report: EvalReport) {
  const { suite, dataset, n, mode, embedder, metrics, baselines, prompt_versions, code_version } = report
  return { suite, dataset, n, mode, embedder, metrics, baselines, prompt_versions, code_version }
}

/**
 * Short commit id of the checkout, with "-dirty" when tracked files have uncommitted changes
 * (untracked files do not count, as with `git describe --dirty`); "unknown" without git.
 */
export function codeVersion(cwd: string = REPO_ROOT): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).trim()
  try {
    const commit = git('rev-parse', '--short', 'HEAD')
    // --no-optional-locks: a status call must never take index.lock while someone else commits.
    const dirty = git('--no-optional-locks', 'status', '--porcelain', '--untracked-files=no') !== ''
    return dirty ? `${commit}-dirty` : commit
  } catch {
    return 'unknown'
  }
}

export function formatMetricValue(value: number | undefined | null): string {
  if (value === undefined || value === null) return '—'
  if (!Number.isFinite(value)) return 'n/a'
  if (Number.isInteger(value)) return String(value)
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(4)
}

function metricNames(report: EvalReport): string[] {
  const names = new Set(Object.keys(report.metrics))
  for (const scores of Object.values(report.baselines)) for (const name of Object.keys(scores)) names.add(name)
  return [...names]
}

function metricRows(report: EvalReport): string[][] {
  const baselineNames = Object.keys(report.baselines)
  return metricNames(report).map((name) => [
    name,
    formatMetricValue(report.metrics[name]),
    ...baselineNames.map((baseline) => formatMetricValue(report.baselines[baseline][name])),
  ])
}

function alignedTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)))
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

function promptVersionsText(report: EvalReport): string {
  const entries = Object.entries(report.prompt_versions)
  return entries.length === 0 ? 'none' : entries.map(([name, version]) => `${name}@${version}`).join(', ')
}

function runFacts(report: EvalReport): Array<[string, string]> {
  return [
    ['suite', report.suite],
    ['dataset', report.dataset],
    ['n', String(report.n)],
    ['mode', report.mode],
    ['embedder', report.embedder],
    ['prompts', promptVersionsText(report)],
    ['code', report.code_version],
    ['created', report.created_at],
  ]
}

/** Aligned plain-text table for the terminal: run facts, then metrics with baselines side by side. */
export function formatTable(report: EvalReport): string {
  const facts = runFacts(report)
  const keyWidth = Math.max(...facts.map(([key]) => key.length))
  const header = ['metric', 'value', ...Object.keys(report.baselines)]
  return [
    ...facts.map(([key, value]) => `${key.padEnd(keyWidth)}  ${value}`),
    '',
    alignedTable(header, metricRows(report)),
  ].join('\n')
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

export function toMarkdown(report: EvalReport): string {
  const header = ['metric', 'value', ...Object.keys(report.baselines)]
  const row = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`
  return [
    `# Eval: ${report.suite} on ${report.dataset}`,
    '',
    ...runFacts(report).map(([key, value]) => `- **${key}**: ${markdownCell(value)}`),
    '',
    row(header),
    `|${header.map((_, column) => (column === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...metricRows(report).map(row),
    '',
  ].join('\n')
}

function fileSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || 'unnamed'
}

function timestampForFileName(createdAt: string): string {
  const date = new Date(createdAt)
  const iso = (Number.isNaN(date.getTime()) ? new Date() : date).toISOString()
  // 2025-03-04T05:06:07.089Z → 20250304-050607-089: sorts by time, no characters Windows rejects.
  return iso.replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '')
}

export function reportBaseName(report: EvalReport): string {
  const dataset = basename(report.dataset).replace(/\.jsonl$/i, '')
  return `${fileSafe(report.suite)}-${fileSafe(dataset)}-${timestampForFileName(report.created_at)}`
}

/** Writes `<suite>-<dataset>-<timestamp>.json` and `.md` under `dir`; returns both paths. */
export async function writeReport(
  report: EvalReport,
  dir: string = DEFAULT_REPORTS_DIR,
): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true })
  const base = join(dir, reportBaseName(report))
  const paths = { json: `${base}.json`, markdown: `${base}.md` }
  await writeFile(paths.json, JSON.stringify(report, null, 2) + '\n')
  await writeFile(paths.markdown, toMarkdown(report))
  return paths
}

/** Reads a report written by writeReport, validating its shape. */
export async function readReport(path: string): Promise<EvalReport> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read eval report ${path}: ${(error as Error).message}`)
  }
  const result = evalReportSchema.safeParse(parsed)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`${path} is not an eval report: ${problems}`)
  }
  return result.data
}

export type ComparisonRow = { metric: string; a: number | null; b: number | null; delta: number | null }

/** One row per metric in either report; delta = b − a when both are numbers. */
export function compareReports(a: EvalReport, b: EvalReport): ComparisonRow[] {
  const names = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])]
  const valueOf = (report: EvalReport, name: string) => {
    const value = report.metrics[name]
    return value === undefined || !Number.isFinite(value) ? null : value
  }
  return names.map((metric) => {
    const valueA = valueOf(a, metric)
    const valueB = valueOf(b, metric)
    return { metric, a: valueA, b: valueB, delta: valueA === null || valueB === null ? null : valueB - valueA }
  })
}

function signed(delta: number | null): string {
  if (delta === null) return '—'
  if (delta === 0) return '0'
  return (delta > 0 ? '+' : '') + formatMetricValue(delta)
}

function runLabel(report: EvalReport): string {
  return `${report.suite} on ${report.dataset} (n=${report.n}, ${report.mode}, ${report.embedder}, code ${report.code_version}, ${report.created_at})`
}

/** Text table of a comparison, warning when the runs differ in what they measured. */
export function formatComparison(a: EvalReport, b: EvalReport, rows: ComparisonRow[] = compareReports(a, b)): string {
  const differing = (['suite', 'dataset', 'n', 'mode', 'embedder'] as const).filter((key) => a[key] !== b[key])
  const promptChanges = [...new Set([...Object.keys(a.prompt_versions), ...Object.keys(b.prompt_versions)])].filter(
    (name) => a.prompt_versions[name] !== b.prompt_versions[name],
  )
  const lines = [`A: ${runLabel(a)}`, `B: ${runLabel(b)}`]
  if (differing.length > 0) lines.push(`note: the runs differ in ${differing.join(', ')}; deltas compare different set-ups`)
  if (promptChanges.length > 0) lines.push(`prompts changed: ${promptChanges.join(', ')}`)
  lines.push(
    '',
    alignedTable(
      ['metric', 'A', 'B', 'delta'],
      rows.map((row) => [row.metric, formatMetricValue(row.a), formatMetricValue(row.b), signed(row.delta)]),
    ),
  )
  return lines.join('\n')
}
