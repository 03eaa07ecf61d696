// `npm run bench [-- --only ingest,search] [--sizes 10000,100000] [--quick] [--json]`
// A list of named sections; each builds its own fresh embedded database, measures, and returns rows.
// Add a section by writing one `BenchSection` (bench/harness.ts) and appending it to SECTIONS. Progress goes to stderr,
// the report to stdout (a table, or JSON with --json), so `npm run bench -- --json > report.json` works.
import { existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import type { Embedder } from '../src/embeddings/embedder.ts'
import { createTransformersEmbedder } from '../src/embeddings/transformers.ts'
import { embeddingStage } from '../src/pipeline/embedding-stage.ts'
import { ENRICH_JOB, enrichJobHandler } from '../src/pipeline/enrichment.ts'
import { createWorker } from '../src/pipeline/worker.ts'
import { searchSimilar, type SearchHit } from '../src/store/embeddings.ts'
import { ANN_INDEX_PREFIX, modelIndexLists } from '../src/store/vector-index.ts'
import { generateConversations, messageTexts, similarQueries, type BenchConversation } from './corpus.ts'
import { benchEmbedder } from './embedders.ts'
import { BACKLOG_SIZES, backlogSection, QUICK_BACKLOG_SIZES } from './backlog.ts'
import { enrichSection } from './enrich.ts'
import {
  CORPUS_SEED,
  ingestAll,
  percentile,
  releaseBulkLoadedStores,
  round,
  searchBackends,
  seconds,
  withBulkLoadedStore,
  withFreshServices,
  type BenchOptions,
  type BenchSection,
  type BenchServices,
  type Cell,
  type SearchBackend,
  type SectionReport,
} from './harness.ts'
import { suggestSection } from './suggest.ts'
import { themesSection } from './themes.ts'

export const GLOVE_FOLDER = fileURLToPath(new URL('../../shared/models/glove-6b-100d-sif', import.meta.url))
const DEFAULT_SEARCH_SIZES = [10_000, 100_000]
const QUICK_SEARCH_SIZES = [2_000, 10_000]
const DEFAULT_INGEST_MESSAGES = 5_000
const QUICK_INGEST_MESSAGES = 1_000
const DEFAULT_THEMES_MESSAGES = 50_000
const QUICK_THEMES_MESSAGES = 5_000
/** Conversations per ingest call in the ingest section, as a client batching the API would send. */
const INGEST_BATCH = 200
const SEARCH_QUERIES = 200
const SEARCH_WARM_UP = 10
const K = 10
/** pgvector's default, then wider candidate lists: duplicate-heavy data leaves islands in the graph that only a wider search reaches. */
const PROBES_VALUES = [1, 5, 10, 20]
const PGVECTOR_PROBES = 1

async function countEmbeddings(s: BenchServices, model: string): Promise<number> {
  const { rows } = await s.services.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM message_embeddings WHERE workspace_id = $1 AND model = $2`,
    [s.workspaceId, model],
  )
  return rows[0].n
}

// ---------- section: ingest ----------

async function benchIngest(embedder: Embedder, conversations: BenchConversation[], opts: BenchOptions): Promise<Record<string, Cell>> {
  const texts = messageTexts(conversations)
  return withFreshServices(embedder, async (s) => {
    opts.progress(`${embedder.id}: ingesting ${texts.length} messages`)
    const [messages, ingestSeconds] = await seconds(() => ingestAll(s, conversations, INGEST_BATCH))
    // Only the embedding stage, wired as createServices wires it: enrichment stages have their own
    // section, and this figure should not move when a classifier is added.
    const worker = createWorker(s.services.db, {
      handlers: { [ENRICH_JOB]: enrichJobHandler(s.services.db, [embeddingStage(s.services.db, embedder)]) },
      batch: s.services.config.worker.batch,
      pollMs: s.services.config.worker.pollMs,
      log: s.services.log,
    })
    opts.progress(`${embedder.id}: embedding through the worker`)
    const [, embedSeconds] = await seconds(() => worker.drain())
    const embedded = await countEmbeddings(s, embedder.id)
    if (embedded !== messages) {
      const { rows } = await s.services.db.query<{ last_error: string }>(`SELECT DISTINCT last_error FROM jobs WHERE last_error IS NOT NULL LIMIT 3`)
      throw new Error(`worker embedded ${embedded} of ${messages} messages; job errors: ${rows.map((r) => r.last_error).join(' | ') || 'none'}`)
    }
    opts.progress(`${embedder.id}: raw embedder throughput`)
    const raw = await benchEmbedder(embedder, texts)
    const embedRate = messages / embedSeconds
    const totalRate = messages / (ingestSeconds + embedSeconds)
    return {
      embedder: embedder.id,
      messages,
      'ingest msg/s': round(messages / ingestSeconds),
      'embed (worker) msg/s': round(embedRate),
      'total msg/s': round(totalRate),
      'raw embedder texts/s': raw.textsPerSecond,
      'worker/raw': round(embedRate / raw.textsPerSecond, 3),
      'total/raw': round(totalRate / raw.textsPerSecond, 3),
      skipped: null,
    }
  })
}

const ingestSection: BenchSection = {
  name: 'ingest',
  title: 'Ingest throughput (ingest → enrichment job → embedding worker → vector index), fresh PGlite per embedder',
  async run(opts) {
    const conversations = generateConversations({ messages: opts.ingestMessages, seed: CORPUS_SEED })
    const rows = [await benchIngest(createBuiltinEmbedder(), conversations, opts)]
    if (existsSync(join(GLOVE_FOLDER, 'tokenizer.json'))) {
      opts.progress('loading transformers.js model glove-6b-100d-sif')
      const glove = await createTransformersEmbedder({ model: GLOVE_FOLDER, dtype: 'fp32' }).catch((err: unknown) => {
        throw new Error(`cannot load ${GLOVE_FOLDER} with transformers.js: ${err instanceof Error ? err.message : String(err)}`)
      })
      rows.push(await benchIngest(glove, conversations, opts)) // services.close() disposes the model
    } else {
      rows.push({ embedder: 'transformers:glove-6b-100d-sif', skipped: `${GLOVE_FOLDER} not present (it lives in ../shared beside the repo)` })
    }
    return {
      rows,
      notes: [
        `${conversations.length} synthetic conversations (1–4 messages, 10 languages), ingested ${INGEST_BATCH} per call`,
        'embed (worker): the enrichment worker running only the embedding stage, vectors written as the stage writes them (a first import: into the bare table, then one index build)',
        'worker/raw and total/raw: pipeline throughput divided by the embedder alone on the same texts (1 = no overhead)',
      ],
    }
  },
}

// ---------- section: search ----------

/**
 * A hit counts as relevant when it is in the exact top-k or scores at least as high as the exact
 * k-th hit: synthetic (and real) messages repeat, and among equal scores either id is a right answer.
 */
export function recallAtK(approx: SearchHit[], exact: SearchHit[], k: number): number {
  if (exact.length === 0) return 1
  const ids = new Set(exact.map((h) => h.messageId))
  const threshold = exact[Math.min(k, exact.length) - 1].score - 1e-6
  const found = approx.slice(0, k).filter((h) => ids.has(h.messageId) || h.score >= threshold).length
  return Math.min(1, found / Math.min(k, exact.length))
}

async function vectorIndexScans(s: BenchServices): Promise<number | null> {
  // Which plan ran is not visible from searchSimilar; counting vector index scans proves what was measured.
  // Backends flush their counters at most once a second unless forced, so force it first.
  await s.services.db.query(`SELECT pg_stat_force_next_flush()`).catch(() => undefined)
  await s.services.db.query(`SELECT 1`)
  const { rows } = await s.services.db
    .query<{ n: number }>(`SELECT coalesce(sum(idx_scan), 0)::int AS n FROM pg_stat_user_indexes WHERE indexrelname LIKE '${ANN_INDEX_PREFIX}%'`)
    .catch(() => ({ rows: [] as Array<{ n: number }> }))
  return rows[0]?.n ?? null
}

const latencyCells = (ms: number[]) => ({ 'p50 ms': round(percentile(ms, 50), 1), 'p95 ms': round(percentile(ms, 95), 1) })

async function timeQueries(
  s: BenchServices,
  queries: Float32Array[],
  search: (q: Float32Array) => Promise<SearchHit[]>,
): Promise<{ ms: number[]; hits: SearchHit[][]; indexScans: number | null }> {
  const before = await vectorIndexScans(s)
  const ms: number[] = []
  const hits: SearchHit[][] = []
  for (const q of queries) {
    const [found, secs] = await seconds(() => search(q))
    hits.push(found)
    ms.push(secs * 1000)
  }
  const after = await vectorIndexScans(s)
  return { ms, hits, indexScans: before === null || after === null ? null : after - before }
}

async function benchSearchAt(backend: SearchBackend, size: number, opts: BenchOptions): Promise<{ rows: Array<Record<string, Cell>>; note: string }> {
  return withBulkLoadedStore(size, opts, async (s) => {
    const { db } = s.services
    const { embedder, build } = s
    const { messages } = build
    const queries = await embedder.embed(similarQueries(messageTexts(s.conversations), SEARCH_QUERIES), { kind: 'query' })
    const search = (q: Float32Array, exact?: boolean) => searchSimilar(db, s.workspaceId, embedder.id, q, K, {}, { exact })
    const rows: Array<Record<string, Cell>> = []
    // No manual ANALYZE: the store analyzes itself as vectors are written, and `index scans` shows the
    // planner took the vector index on that alone.
    const { rows: setting } = await db.query<{ probes: number }>(`SELECT current_setting('ivfflat.probes')::int AS probes`)
    const storeProbes = setting[0].probes
    const lists = await modelIndexLists(db, embedder.id)
    for (const q of queries.slice(0, SEARCH_WARM_UP)) await search(q, false)

    // Every query gets ground truth, at every size: at 100k a sample of 50 gave PGlite 0.96–0.974 over three
    // builds where all 200 give 0.91–0.93 (misses are whole queries, so a small sample swings by a few).
    // It costs 0.3 s (server) to 0.6 s (PGlite) a query at 100k.
    opts.progress(`search@${size} (${backend}): ${queries.length} exact queries (ground truth)`)
    const exact = await timeQueries(s, queries, (q) => search(q, true))
    const truth = exact.hits
    rows.push({ backend, messages, search: 'exact (no index)', queries: queries.length, ...latencyCells(exact.ms), 'recall@10': 1, 'whole misses': null, 'index scans': exact.indexScans })
    try {
      for (const probes of PROBES_VALUES) {
        opts.progress(`search@${size} (${backend}): ${queries.length} IVFFlat queries, probes=${probes} of ${lists} lists`)
        // One session (PGlite; the server store's pool of one), so the setting holds for the queries that follow.
        await db.query(`SET ivfflat.probes = ${probes}`)
        // The store's default row goes the product's way, which searches a workspace this small exactly.
        const run = await timeQueries(s, queries, (q) => search(q, probes === storeProbes ? undefined : false))
        const perQuery = truth.map((exactHits, i) => recallAtK(run.hits[i], exactHits, K))
        const recall = perQuery.reduce((sum, r) => sum + r, 0) / perQuery.length
        const label = probes === storeProbes ? ' (store default)' : probes === PGVECTOR_PROBES ? ' (pgvector default)' : ''
        rows.push({
          backend,
          messages,
          search: `ivfflat probes=${probes}${label}`,
          queries: queries.length,
          ...latencyCells(run.ms),
          'recall@10': round(recall, 3),
          'whole misses': perQuery.filter((r) => r < 0.5).length,
          'index scans': run.indexScans,
        })
      }
    } finally {
      // The store stays open for the suggest section: give it back the session as the store set it.
      await db.query(`SET ivfflat.probes = ${storeProbes}`)
    }
    const note = `${backend}, ${messages} messages: ingest ${round(build.ingestSeconds, 1)} s, embed + bulk vector load ${round(build.vectorSeconds, 1)} s, index build ${round(build.indexSeconds, 1)} s (${lists} lists)`
    return { rows, note }
  }, backend)
}

const searchSection: BenchSection = {
  name: 'search',
  title: `Similarity search: ${SEARCH_QUERIES} queries, top-${K}, builtin embedder, latency of searchSimilar and recall against exact search`,
  async run(opts) {
    const rows: Array<Record<string, Cell>> = []
    const notes: string[] = []
    for (const backend of searchBackends()) {
      for (const size of opts.sizes) {
        const at = await benchSearchAt(backend, size, opts)
        rows.push(...at.rows)
        notes.push(at.note)
      }
    }
    notes.push(
      'queries are stored messages re-phrased (a word dropped, numbers changed, an opener added); latency excludes embedding the query',
      'recall@10: share of the exact top-10 found through the index, where a hit scoring as high as the exact 10th counts (ties among repeated texts)',
      'whole misses: queries whose indexed top 10 holds less than half of the exact top 10',
      'index scans: vector index scans counted by pg_stat_user_indexes during the run (should equal the query count)',
      ...(process.env.BENCH_DATABASE_URL ? [] : ['set BENCH_DATABASE_URL to a PostgreSQL server with pgvector to add the server rows']),
    )
    return { rows, notes }
  },
}

// ---------- sections and CLI ----------

// suggest right after search: it reuses the search section's last store instead of building it again.
export const SECTIONS: BenchSection[] = [ingestSection, searchSection, suggestSection, enrichSection, backlogSection, themesSection]

function formatTable(rows: Array<Record<string, Cell>>): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => rows.some((r) => r[c] !== null && r[c] !== undefined))
  const cell = (v: Cell | undefined) => (v === null || v === undefined ? '-' : String(v))
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ')
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n')
}

function parseSizes(value: string): number[] {
  const sizes = value.split(',').map((v) => Number(v.trim()))
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--sizes takes message counts of at least 100, e.g. 10000,100000 (got "${value}")`)
  return sizes
}

const USAGE = `usage: npm run bench -- [--only ${SECTIONS.map((s) => s.name).join(',')}] [--sizes 10000,100000] [--ingest-messages 5000] [--themes-messages 50000] [--themes-languages en] [--backlog-messages 20000,100000] [--quick] [--json]`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      sizes: { type: 'string' },
      'ingest-messages': { type: 'string' },
      'themes-messages': { type: 'string' },
      'themes-languages': { type: 'string' },
      'backlog-messages': { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(`${USAGE}\nsections:\n${SECTIONS.map((s) => `  ${s.name.padEnd(10)} ${s.title}`).join('\n')}`)
    return
  }
  const wanted = values.only?.split(',').map((s) => s.trim()) ?? SECTIONS.map((s) => s.name)
  const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w))
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; ${USAGE}`)

  const benchStarted = performance.now()
  const opts: BenchOptions = {
    quick: values.quick,
    sizes: values.sizes ? parseSizes(values.sizes) : values.quick ? QUICK_SEARCH_SIZES : DEFAULT_SEARCH_SIZES,
    ingestMessages: values['ingest-messages'] ? parseSizes(values['ingest-messages'])[0] : values.quick ? QUICK_INGEST_MESSAGES : DEFAULT_INGEST_MESSAGES,
    backlogMessages: values['backlog-messages'] ? parseSizes(values['backlog-messages']) : values.quick ? QUICK_BACKLOG_SIZES : BACKLOG_SIZES,
    themesMessages: values['themes-messages'] ? parseSizes(values['themes-messages'])[0] : values.quick ? QUICK_THEMES_MESSAGES : DEFAULT_THEMES_MESSAGES,
    themesLanguages: values['themes-languages']?.split(',').map((code) => code.trim()),
    progress: (message) => process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)}s] ${message}\n`),
  }

  const reports: Array<{ name: string; title: string; seconds: number } & SectionReport> = []
  try {
    for (const section of SECTIONS.filter((s) => wanted.includes(s.name))) {
      opts.progress(`section ${section.name}`)
      const [report, secs] = await seconds(() => section.run(opts))
      reports.push({ name: section.name, title: section.title, seconds: round(secs, 1), ...report })
    }
  } finally {
    await releaseBulkLoadedStores()
  }

  if (values.json) {
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, platform: process.platform }
    console.log(JSON.stringify({ startedAt: new Date(Date.now() - (performance.now() - benchStarted)).toISOString(), machine, options: { ...opts, progress: undefined }, sections: reports }, null, 2))
    return
  }
  for (const r of reports) {
    console.log(`\n== ${r.name}: ${r.title} (${r.seconds} s)\n`)
    console.log(formatTable(r.rows))
    for (const note of r.notes) console.log(`  · ${note}`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main().catch((err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  })
}
