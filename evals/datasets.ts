// Evaluation data: JSONL files in the shapes ARCHITECTURE.md names, so any file of the same
// shape can be evaluated. Files are streamed line by line (some have tens of thousands of rows
// and --limit usually needs only the first few hundred).
import { basename } from 'node:path'
import type { z } from 'zod'
import { checkLimit, datasetSchemas, detectFormat, jsonlEntries, type DatasetFormat, type RowOf } from '../src/pipeline/dataset-formats.ts'

// The formats are the product's (parley import reads the same files); evals re-export them for the suites.
export {
  datasetSchemas,
  detectFormat,
  JsonlSyntaxError,
  readJsonl,
  type AirlineRow,
  type ClassificationRow,
  type DatasetFormat,
  type JsonlRecord,
  type ReplyPairRow,
  type RowOf,
  type SummarisationRow,
} from '../src/pipeline/dataset-formats.ts'

// ---------------------------------------------------------------------------
// Loaders

export type SkippedRow = { line: number; reason: string }

export type Dataset<F extends DatasetFormat = DatasetFormat> = {
  [K in F]: {
    format: K
    path: string
    /** File name without .jsonl, used in report names. */
    name: string
    rows: RowOf<K>[]
    /** Rows that failed to parse or validate; counted, never fatal. */
    skipped: number
    /** The first few skipped rows with the reason, for the run log. */
    skippedExamples: SkippedRow[]
  }
}[F]

export type LoadOptions = { limit?: number }

const MAX_SKIPPED_EXAMPLES = 20

export function datasetName(path: string): string {
  return basename(path).replace(/\.jsonl$/i, '')
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ')
}

async function loadRows<F extends DatasetFormat>(
  path: string,
  format: F | undefined,
  options: LoadOptions,
): Promise<Dataset<F>> {
  checkLimit(options.limit)
  let detected: DatasetFormat | undefined = format
  const rows: unknown[] = []
  const skippedExamples: SkippedRow[] = []
  let skipped = 0
  const skip = (line: number, reason: string) => {
    skipped++
    if (skippedExamples.length < MAX_SKIPPED_EXAMPLES) skippedExamples.push({ line, reason })
  }
  for await (const entry of jsonlEntries(path)) {
    if ('error' in entry) {
      skip(entry.line, entry.error.message)
      continue
    }
    if (detected === undefined) {
      try {
        detected = detectFormat(entry.value)
      } catch (error) {
        throw new Error(`${path}:${entry.line}: ${(error as Error).message}`)
      }
    }
    const parsed = datasetSchemas[detected].safeParse(entry.value)
    if (!parsed.success) {
      skip(entry.line, `${path}:${entry.line}: ${describeIssues(parsed.error)}`)
      continue
    }
    rows.push(parsed.data)
    if (options.limit !== undefined && rows.length >= options.limit) break
  }
  if (detected === undefined) throw new Error(`${path}: no rows`)
  return { format: detected, path, name: datasetName(path), rows, skipped, skippedExamples } as Dataset<F>
}

/** Loads a file of any known format; the first row decides which (see detectFormat). */
export function loadDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
  return loadRows(path, undefined, options)
}

/** Loads a file that must be of `format`; rows of another shape are skipped as invalid. */
export function loadDatasetAs<F extends DatasetFormat>(path: string, format: F, options: LoadOptions = {}): Promise<Dataset<F>> {
  return loadRows(path, format, options)
}

export const loadClassification = (path: string, options?: LoadOptions) => loadDatasetAs(path, 'classification', options)
export const loadReplyPairs = (path: string, options?: LoadOptions) => loadDatasetAs(path, 'reply_pairs', options)
export const loadSummarisation = (path: string, options?: LoadOptions) => loadDatasetAs(path, 'summarisation', options)
export const loadAirline = (path: string, options?: LoadOptions) => loadDatasetAs(path, 'airline', options)

/** One line for the run log, e.g. "skipped 2 invalid rows; first: data.jsonl:7: label: …". */
export function describeSkipped(dataset: Pick<Dataset, 'skipped' | 'skippedExamples'>): string | undefined {
  if (dataset.skipped === 0) return undefined
  const first = dataset.skippedExamples[0]
  return `skipped ${dataset.skipped} invalid row${dataset.skipped === 1 ? '' : 's'}${first ? `; first: ${first.reason}` : ''}`
}
