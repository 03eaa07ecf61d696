// Runs one eval suite end to end through the services the API uses: a scratch store, a workspace,
// ingestion of the dataset rows as conversations, the worker's enrichment, then SQL reads of what
// it stored. Suites (evals/suites/*) only decide what to ingest and how to score it.
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { loadConfig } from '../src/config.ts'
import { loadPrompt, DEFAULT_PROMPTS_DIR } from '../src/llm/prompts.ts'
import { FileResponseCache } from '../src/llm/structured.ts'
import { rowToConversation } from '../src/pipeline/dataset-import.ts'
import { ingestInBatches } from '../src/pipeline/ingest-batches.ts'
import { MAX_CONVERSATIONS_PER_BATCH } from '../src/pipeline/ingest-schema.ts'
import { createServices, type Services } from '../src/services.ts'
import { workspacesRepo } from '../src/store/workspaces.ts'
import { describeSkipped, loadDatasetAs, type Dataset, type DatasetFormat, type RowOf } from './datasets.ts'
import { createProgress, type Progress } from '../src/progress.ts'
import { codeVersion, type EvalReport } from './report.ts'

export const DEFAULT_EMBEDDER = 'builtin'
export const LLM_CACHE_DIR = fileURLToPath(new URL('./cache/', import.meta.url))
/** Rows per ingest call and per worker drain: bounded memory, and a progress tick per chunk. */
const INGEST_CHUNK = MAX_CONVERSATIONS_PER_BATCH
/** Environment a run may inherit in any mode (where to find models, how to reach a remote embedder). */
const INHERITED_ENV = ['MODELS_DIR', 'EMBEDDINGS_BASE_URL', 'EMBEDDINGS_API_KEY', 'REDACT_HANDLES'] as const
const LLM_ENV_PREFIX = 'LLM_'

export type EvalMode = 'local' | 'llm'

/** What a run was asked to do; the CLI and the gate both produce one. */
export interface RunArgs {
  data: string
  /** Read at most this many rows (the first ones in the file). */
  limit?: number
  /** Keep this many rows spread over the whole file, chosen by a hash of their id (deterministic). */
  sample?: number
  mode: EvalMode
  /** EMBEDDINGS spec for the scratch store. */
  embedder: string
  /** Labelled examples for suites that learn (intent). */
  train?: string
  /** Examples per label taken from the training data. */
  shots?: number
  /** Share of --data to train on when there is no --train file; the rest is evaluated. */
  split?: number
}

export interface IngestSummary {
  /** Ids of the rows ingestion accepted; rejected rows (e.g. empty text) are not the model's error and are not scored. */
  accepted: Set<string>
  ingested: number
  rejected: number
  /** A few rejection reasons, for the run log. */
  rejections: string[]
  /** Enrichment jobs that did not finish (failed, or waiting for a retry). */
  unfinishedJobs: number
}

/** What the worker stored for the first customer message of a dataset row, read back by SQL. */
export interface StoredEnrichment {
  sentiment: string | null
  sentimentScore: number | null
  sentimentConfidence: number | null
  /** Class probabilities behind the label (also when it is `uncertain`). */
  sentimentProbs: { negative: number; neutral: number; positive: number } | null
  intent: string | null
  intentConfidence: number | null
  language: string | null
  languageConfidence: number | null
  degraded: boolean
  versions: Record<string, string>
}

export interface SuiteContext<F extends DatasetFormat = DatasetFormat> {
  services: Services
  workspaceId: string
  dataset: Dataset<F>
  args: RunArgs
  /** A progress display on stderr (bar on a terminal, plain lines otherwise). */
  progress(label: string, total: number): Progress
  /** Run-log line on stderr (never message text). */
  log(line: string): void
  /**
   * Ingests rows as one conversation each (externalId = row id) through the API's ingestion code,
   * then drains the worker so every message is enriched. `omitFields` drops fields first (e.g.
   * `language`, which ingestion would otherwise trust over detection).
   */
  ingestRows(rows: ReadonlyArray<RowOf<F>>, opts?: { omitFields?: string[] }): Promise<IngestSummary>
  /** Enrichments of the workspace's customer messages by conversation externalId (= dataset row id). */
  readEnrichments(): Promise<Map<string, StoredEnrichment>>
}

export interface SuiteResult {
  n: number
  metrics: Record<string, number>
  baselines?: Record<string, Record<string, number>>
  details?: Record<string, unknown>
}

export interface Suite<F extends DatasetFormat = DatasetFormat> {
  name: string
  description: string
  /** The dataset shape the suite reads (see evals/datasets.ts). */
  format: F
  /** Prompt files (prompts/<name>.md) whose versions the report records; default: all. */
  prompts?: string[]
  run(ctx: SuiteContext<F>): Promise<SuiteResult>
}

/** LLM mode was asked for but no endpoint is configured: the run must not pretend. */
export class LlmNotConfiguredError extends Error {
  override name = 'LlmNotConfiguredError'
  constructor() {
    super('--mode llm needs an OpenAI-compatible endpoint: set LLM_BASE_URL (and LLM_API_KEY, LLM_MODEL); nothing was run')
  }
}

/** The environment of a scratch run: nothing from the caller's database or LLM leaks in by accident. */
export function scratchEnv(args: Pick<RunArgs, 'mode' | 'embedder'>, dataDir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const scratch: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKER: 'off', EMBEDDINGS: args.embedder }
  for (const key of INHERITED_ENV) if (env[key]) scratch[key] = env[key]!
  if (args.mode === 'llm') {
    for (const [key, value] of Object.entries(env)) if (key.startsWith(LLM_ENV_PREFIX) && value) scratch[key] = value
  }
  return scratch
}

/** Throws LlmNotConfiguredError before anything heavy starts. */
export function assertModeAvailable(mode: EvalMode, env: NodeJS.ProcessEnv = process.env): void {
  if (mode === 'llm' && !loadConfig(scratchEnv({ mode, embedder: DEFAULT_EMBEDDER }, 'unused', env)).llm) {
    throw new LlmNotConfiguredError()
  }
}

/** Stable, well-spread order for sampling and splitting: the same rows on every machine. */
export function stableRank(key: string): string {
  return createHash('sha1').update(key).digest('hex')
}

/** `size` rows spread over the whole list (smallest id hashes), kept in their original order. */
export function sampleRows<T extends { id: string }>(rows: readonly T[], size: number): T[] {
  if (size >= rows.length) return [...rows]
  const chosen = new Set([...rows].sort((a, b) => (stableRank(a.id) < stableRank(b.id) ? -1 : 1)).slice(0, size))
  return rows.filter((row) => chosen.has(row))
}

export function promptVersions(names?: string[], dir: string = DEFAULT_PROMPTS_DIR): Promise<Record<string, string>> {
  return readdir(dir).then((files) => {
    const available = files.filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3))
    const wanted = names ? available.filter((name) => names.includes(name)) : available
    // The version is `name@hash`; the report keys by name already.
    return Object.fromEntries(wanted.sort().map((name) => [name, loadPrompt(name, dir).version.replace(`${name}@`, '')]))
  })
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
  /** An already-migrated PGlite data dir to copy instead of initialising one (tests: seconds saved per run). */
  scratchTemplate?: string
}

async function loadSuiteData<F extends DatasetFormat>(suite: Suite<F>, args: RunArgs, log: (line: string) => void): Promise<Dataset<F>> {
  const dataset = await loadDatasetAs(args.data, suite.format, { limit: args.limit })
  const skipped = describeSkipped(dataset)
  if (skipped) log(skipped)
  if (args.sample !== undefined) dataset.rows = sampleRows(dataset.rows as Array<RowOf<F> & { id: string }>, args.sample)
  if (dataset.rows.length === 0) throw new Error(`${args.data}: no valid ${suite.format} rows`)
  return dataset
}

/** One full run: scratch store → suite → report (not yet written; see writeReport). */
export async function runSuite<F extends DatasetFormat>(suite: Suite<F>, args: RunArgs, opts: RunOptions = {}): Promise<EvalReport> {
  const env = opts.env ?? process.env
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  assertModeAvailable(args.mode, env)
  const dataset = await loadSuiteData(suite, args, log)
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-eval-'))
  let services: Services | undefined
  try {
    if (opts.scratchTemplate) await cp(opts.scratchTemplate, dataDir, { recursive: true })
    const config = loadConfig(scratchEnv(args, dataDir, env))
    services = await createServices(config, {
      log: pino({ level: 'silent' }),
      llmCache: args.mode === 'llm' ? new FileResponseCache(LLM_CACHE_DIR) : undefined,
    })
    const workspaceId = (await workspacesRepo(services.db).create(`eval-${suite.name}`)).id
    const ctx = createContext(services, workspaceId, dataset, args, log)
    const result = await suite.run(ctx)
    const details: Record<string, unknown> = { ...result.details }
    if (args.mode === 'llm') {
      const usage = await llmUsage(services, workspaceId)
      details.llm_usage = usage
      log(`llm: ${usage.calls} calls, ${usage.input_tokens} input + ${usage.output_tokens} output tokens (cached answers cost none), ${usage.degraded} messages fell back to local`)
    }
    return {
      suite: suite.name,
      dataset: dataset.name,
      n: result.n,
      mode: args.mode,
      embedder: services.embedder.id,
      prompt_versions: await promptVersions(suite.prompts),
      code_version: codeVersion(),
      created_at: new Date().toISOString(),
      metrics: result.metrics,
      baselines: result.baselines ?? {},
      details: { data: args.data, args: describeArgs(args), skipped_rows: dataset.skipped, ...details },
    }
  } finally {
    await services?.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

function describeArgs(args: RunArgs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined))
}

async function llmUsage(services: Services, workspaceId: string) {
  const { rows } = await services.db.query<{ calls: number; input: number; output: number }>(
    `SELECT count(*)::int AS calls, coalesce(sum(input_tokens), 0)::int AS input, coalesce(sum(output_tokens), 0)::int AS output
     FROM llm_calls WHERE workspace_id = $1`,
    [workspaceId],
  )
  const degraded = await services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enrichments WHERE workspace_id = $1 AND degraded`, [workspaceId])
  return { calls: rows[0].calls, input_tokens: rows[0].input, output_tokens: rows[0].output, degraded: degraded.rows[0].n }
}

function withoutFields(row: unknown, fields: string[] | undefined): unknown {
  if (!fields?.length || typeof row !== 'object' || row === null) return row
  const copy = { ...(row as Record<string, unknown>) }
  for (const field of fields) delete copy[field]
  return copy
}

function createContext<F extends DatasetFormat>(
  services: Services,
  workspaceId: string,
  dataset: Dataset<F>,
  args: RunArgs,
  log: (line: string) => void,
): SuiteContext<F> {
  return {
    services,
    workspaceId,
    dataset,
    args,
    log,
    progress: (label, total) => createProgress(label, total),
    async ingestRows(rows, opts = {}) {
      const summary: IngestSummary = { accepted: new Set(), ingested: 0, rejected: 0, rejections: [], unfinishedJobs: 0 }
      const progress = createProgress(`ingest+enrich ${dataset.name}`, rows.length)
      // Converted as read, so a row that cannot become a conversation stops the run where it stands.
      function* conversations() {
        for (let i = 0; i < rows.length; i++) yield rowToConversation(withoutFields(rows[i], opts.omitFields), i).conversation
      }
      await ingestInBatches(services.db, workspaceId, conversations(), {
        batchSize: INGEST_CHUNK,
        afterBatch: async ({ offset, size, response }) => {
          for (const result of response.results) {
            if (result.status === 'rejected') {
              summary.rejected++
              if (summary.rejections.length < 5) summary.rejections.push(`${result.externalId ?? `#${offset + result.index}`}: ${result.errors?.map((e) => e.message).join('; ')}`)
            } else {
              summary.ingested++
              summary.accepted.add(String((rows[offset + result.index] as { id: unknown }).id))
            }
          }
          await services.worker.drain()
          progress.tick(size)
        },
      })
      progress.done()
      const { rows: jobs } = await services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = $1 AND status <> 'done'`, [workspaceId])
      summary.unfinishedJobs = jobs[0].n
      if (summary.rejected > 0) log(`ingestion rejected ${summary.rejected} rows (not scored); first: ${summary.rejections[0]}`)
      if (summary.unfinishedJobs > 0) log(`warning: ${summary.unfinishedJobs} enrichment jobs did not finish; their rows score as wrong`)
      return summary
    },
    async readEnrichments() {
      // The first customer message of each conversation: classification rows hold exactly one.
      const { rows } = await services.db.query<StoredEnrichment & { externalId: string }>(
        `SELECT DISTINCT ON (c.external_id) c.external_id AS "externalId", e.sentiment, e.sentiment_score AS "sentimentScore",
                e.sentiment_confidence AS "sentimentConfidence", e.sentiment_probs AS "sentimentProbs", e.intent, e.intent_confidence AS "intentConfidence",
                e.language, e.language_confidence AS "languageConfidence", coalesce(e.degraded, false) AS degraded,
                coalesce(e.versions, '{}'::jsonb) AS versions
         FROM conversations c
         JOIN messages m ON m.conversation_id = c.id AND m.role = 'customer'
         JOIN enrichments e ON e.message_id = m.id
         WHERE c.workspace_id = $1
         ORDER BY c.external_id, m.sent_at, m.id`,
        [workspaceId],
      )
      return new Map(rows.map(({ externalId, ...enrichment }) => [externalId, enrichment]))
    },
  }
}
