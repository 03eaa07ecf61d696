// What every bench section shares: the section contract, fresh stores, timing, and the bulk-loaded
// search store that the search and suggest sections reuse. Sections import this, and run.ts lists them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { loadConfig } from '../src/config.ts'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import type { Embedder } from '../src/embeddings/embedder.ts'
import { ingestInBatches } from '../src/pipeline/ingest-batches.ts'
import { bootstrapDefaultWorkspace, createServices, type Services } from '../src/services.ts'
import { enrichedMessages } from '../src/pipeline/metrics.ts'
import { ensureModelIndex, modelIndexReady } from '../src/store/vector-index.ts'
import { indexBuildPending } from '../src/pipeline/embedding-index.ts'
import type { Db } from '../src/store/db.ts'
import { openDb } from '../src/store/open-db.ts'
import { enrichmentBacklog } from '../src/store/readiness.ts'
import { generateConversations, type BenchConversation } from './corpus.ts'

/** Conversations per call when only building a dataset (the API's maximum). */
const BUILD_INGEST_BATCH = 500
const BUILD_VECTOR_CHUNK = 5_000
export const CORPUS_SEED = 7

export interface BenchOptions {
  quick: boolean
  /** Message counts of the store in the search and suggest sections. */
  sizes: number[]
  /** Messages of the ingest and enrich sections. */
  ingestMessages: number
  /** Message counts of the backlog section's runs. */
  backlogMessages: number[]
  /** Customer messages in the themes section's week. */
  themesMessages: number
  /** The languages of the themes section's week (all the corpus writes by default; `en` alone takes the one-language recipe). */
  themesLanguages?: string[]
  progress(message: string): void
}

export type Cell = string | number | null
export interface SectionReport {
  /** One row per measurement; the keys are the table's columns and the JSON fields. */
  rows: Array<Record<string, Cell>>
  notes: string[]
}

export interface BenchSection {
  name: string
  title: string
  run(opts: BenchOptions): Promise<SectionReport>
}

export interface BenchServices {
  services: Services
  workspaceId: string
}

/**
 * A fresh PGlite database in the OS temp dir with migrations applied; `close` removes it. `env` replaces
 * the bench's settings (e.g. `{ WORKER_POLL_MS: undefined }` for the server's default poll interval).
 */
export async function openFreshServices(embedder: Embedder, env: Record<string, string | undefined> = {}): Promise<BenchServices & { close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'))
  const config = loadConfig({ DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', WORKER: 'off', EMBEDDINGS: 'builtin', WORKER_POLL_MS: '50', ...env })
  let services: Services | undefined
  const close = async () => {
    await services?.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    services = await createServices(config, { embedder, log: pino({ level: 'silent' }) })
    const { workspaceId } = await bootstrapDefaultWorkspace(services.db)
    return { services, workspaceId, close }
  } catch (err) {
    await close()
    throw err
  }
}

/**
 * A fresh private database `name` on the PostgreSQL server of `url` (dropped first if a crashed run left
 * it), migrated, with the default workspace; `close` drops it. With `poolSize` 1 every query has the one
 * session, as on PGlite, so a SET holds for the queries that follow (the search section's ef_search).
 */
export async function openFreshServerServices(url: string, name: string, embedder: Embedder, opts: { poolSize?: number } = {}): Promise<BenchServices & { databaseUrl: string; close(): Promise<void> }> {
  const admin = await openDb({ databaseUrl: url, poolSize: 1 })
  const dbUrl = new URL(url)
  dbUrl.pathname = `/${name}`
  let db: Db | undefined
  let services: Services | undefined
  const close = async () => {
    await services?.close().catch(() => undefined)
    await db?.close().catch(() => undefined)
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined)
    await admin.close()
  }
  try {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.exec(`CREATE DATABASE ${name}`)
    const config = loadConfig({ DATABASE_URL: dbUrl.toString(), LOG_LEVEL: 'silent', WORKER: 'off', EMBEDDINGS: 'builtin', WORKER_POLL_MS: '50' })
    if (opts.poolSize) db = await openDb({ databaseUrl: config.databaseUrl, poolSize: opts.poolSize })
    services = await createServices(config, { embedder, log: pino({ level: 'silent' }), ...(db ? { db } : {}) })
    const { workspaceId } = await bootstrapDefaultWorkspace(services.db)
    return { services, workspaceId, databaseUrl: dbUrl.toString(), close }
  } catch (err) {
    await close()
    throw err
  }
}

/** A fresh PGlite database for the duration of `fn`; removed afterwards. */
export async function withFreshServices<T>(embedder: Embedder, fn: (s: BenchServices) => Promise<T>): Promise<T> {
  const { close, ...s } = await openFreshServices(embedder)
  try {
    return await fn(s)
  } finally {
    await close()
  }
}

export async function seconds<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await fn()
  return [result, (performance.now() - started) / 1000]
}

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const round = (x: number, digits = 0) => Number(x.toFixed(digits))

export async function ingestAll(s: BenchServices, conversations: BenchConversation[], batch: number): Promise<number> {
  const totals = await ingestInBatches(s.services.db, s.workspaceId, conversations, {
    batchSize: batch,
    afterBatch: ({ response }) => {
      if (response.totals.rejected > 0) throw new Error(`bench corpus rejected by ingest (${response.totals.rejected} conversations): fix bench/corpus.ts`)
    },
  })
  return totals.messages.created
}

/**
 * Fast path for building big datasets: vectors for every stored message in large binary-COPY chunks,
 * then one index build, as the embedding stage does for a first import.
 */
export async function loadVectorsInBulk(s: BenchServices, embedder: Embedder): Promise<{ vectorSeconds: number; indexSeconds: number }> {
  const { db } = s.services
  const [, vectorSeconds] = await seconds(async () => {
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const { rows } = await db.query<{ id: string; text: string; contentHash: string }>(
        `SELECT id, text, content_hash AS "contentHash" FROM messages WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [s.workspaceId, after, BUILD_VECTOR_CHUNK],
      )
      if (rows.length === 0) break
      const vectors = await embedder.embed(rows.map((r) => r.text), { kind: 'passage' })
      await db.writeEmbeddings(
        rows.map((r, i) => ({ messageId: r.id, workspaceId: s.workspaceId, model: embedder.id, vector: vectors[i], contentHash: r.contentHash })),
      )
      after = rows[rows.length - 1].id
    }
  })
  const [, indexSeconds] = await seconds(() => ensureModelIndex(db, embedder.id, embedder.dimension))
  return { vectorSeconds, indexSeconds }
}

export interface BulkStoreBuild {
  messages: number
  ingestSeconds: number
  vectorSeconds: number
  indexSeconds: number
}
export type BulkStore = BenchServices & { size: number; embedder: Embedder; conversations: BenchConversation[]; build: BulkStoreBuild }

/** Where the search and suggest sections measure: embedded PGlite, and a PostgreSQL server when BENCH_DATABASE_URL names one. */
export type SearchBackend = 'pglite' | 'pg server'

export function searchBackends(): SearchBackend[] {
  return process.env.BENCH_DATABASE_URL ? ['pglite', 'pg server'] : ['pglite']
}

/**
 * The search corpus of `size` messages with builtin vectors and the vector index, built the fast way. The
 * last one built on each backend stays open for the next section asking for the same size (search →
 * suggest), since a 100k build takes minutes; one per backend, as each PGlite store holds its own heap.
 * main() releases them.
 */
const keptStores = new Map<SearchBackend, BulkStore & { close(): Promise<void> }>()

export async function withBulkLoadedStore<T>(size: number, opts: BenchOptions, fn: (s: BulkStore) => Promise<T>, backend: SearchBackend = 'pglite'): Promise<T> {
  let keptStore = keptStores.get(backend)
  if (keptStore?.size !== size) {
    await keptStore?.close()
    keptStores.delete(backend)
    const embedder = createBuiltinEmbedder()
    const fresh = backend === 'pglite'
      ? await openFreshServices(embedder)
      : await openFreshServerServices(process.env.BENCH_DATABASE_URL!, `parley_bench_search_${process.pid}`, embedder, { poolSize: 1 })
    try {
      const conversations = generateConversations({ messages: size, seed: CORPUS_SEED, idPrefix: `search${size}` })
      opts.progress(`store@${size} (${backend}): ingesting`)
      const [messages, ingestSeconds] = await seconds(() => ingestAll(fresh, conversations, BUILD_INGEST_BATCH))
      opts.progress(`store@${size} (${backend}): embedding and bulk-loading vectors, building the vector index`)
      const { vectorSeconds, indexSeconds } = await loadVectorsInBulk(fresh, embedder)
      // The ingest queued enrichment jobs for work the bulk load did: drop them so nothing redoes it.
      await fresh.services.db.query(`DELETE FROM jobs WHERE workspace_id = $1`, [fresh.workspaceId])
      keptStore = { ...fresh, size, embedder, conversations, build: { messages, ingestSeconds, vectorSeconds, indexSeconds } }
      keptStores.set(backend, keptStore)
    } catch (err) {
      await fresh.close()
      throw err
    }
  }
  return fn(keptStore)
}

export async function releaseBulkLoadedStores(): Promise<void> {
  const kept = [...keptStores.values()]
  keptStores.clear()
  for (const store of kept) await store.close()
}

/** An index exists and no (re)build is queued or running: the index sized for the whole load is in. */
export async function vectorIndexSettled(db: Db, model: string): Promise<boolean> {
  return (await modelIndexReady(db, model)) && !(await indexBuildPending(db))
}

/** Messages that went through every enrichment stage in this process so far (the worker's counter). */
export async function enrichedSoFar(): Promise<number> {
  return (await enrichedMessages.get()).values[0]?.value ?? 0
}

const BACKLOG_POLL_MS = 50

/**
 * Waits until the enrichment backlog is empty and returns the moment it was (performance.now()), or null
 * after `timeoutMs`. The moment is taken from the worker's counter, read without the store, once it has
 * enriched `messages` more than `baseline`: on PGlite a query waits behind whatever the store does, and
 * right after the last batch that is the background index build, which a
 * polled backlog query would count as enrichment time. The store's backlog is then checked to be 0 (and
 * polled as /ready would if it is not, e.g. after a retried batch counted twice).
 */
export async function untilBacklogEmpty(db: Services['db'], messages: number, baseline: number, timeoutMs = 600_000): Promise<EmptyBacklog | null> {
  const deadline = performance.now() + timeoutMs
  let empty: EmptyBacklog | null = null
  while (performance.now() < deadline) {
    if ((await enrichedSoFar()) - baseline >= messages) {
      empty = { at: performance.now(), cpu: process.cpuUsage() }
      break
    }
    await new Promise((r) => setTimeout(r, BACKLOG_POLL_MS))
  }
  if (empty === null) return null
  if ((await enrichmentBacklog(db)) === 0) return empty
  while (performance.now() < deadline) {
    if ((await enrichmentBacklog(db)) === 0) return { at: performance.now(), cpu: process.cpuUsage() }
    await new Promise((r) => setTimeout(r, BACKLOG_POLL_MS))
  }
  return null
}

/** When the backlog was seen empty (performance.now()), and the process's CPU usage at that moment. */
export interface EmptyBacklog {
  at: number
  cpu: NodeJS.CpuUsage
}
