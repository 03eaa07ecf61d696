import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { assertStorableParams, BULK_READ_WORK_MEM, type Db, type EmbeddingRow, type Queryable, type QueryResult } from './db.ts'
import { decodeCopyRows, encodeEmbeddingCopy } from './binary-copy.ts'
import { SESSION_SEARCH_SETTINGS } from './search-tuning.ts'
import { statisticsAreStale } from './statistics.ts'
import { ANN_INDEX_PREFIX } from './vector-index.ts'
import { isAlive } from '../service-state.ts'

interface Reply {
  id: number
  rows?: unknown[]
  rowCount?: number
  /** What a `COPY … TO` the worker's output device wrote. */
  blob?: Uint8Array
  error?: { message: string; code?: string; detail?: string; constraint?: string }
}

/** Where binary COPY bytes go and come from on PGlite's file system (devices of pglite-worker.mjs). */
const COPY_DEVICES = { out: '/dev/parley_copy_out', in: '/dev/parley_copy_in' }
/** A straight COPY of vectors meets a stored one (unique violation) or a deleted message (foreign key). */
const COPY_CONFLICTS = new Set(['23505', '23503'])
/** An embedded store starts small: its planner is misled after a couple of hundred vectors, not a thousand. */
const ANALYZE_MIN_WRITTEN_VECTORS = 200

/** CPU of PGlite's thread per statement since the last call (bench profiling; see pglite-worker.mjs). */
export interface StatementCpu { statement: string; cpuMs: number; calls: number }
const statementCpuReaders = new WeakMap<Db, () => Promise<StatementCpu[]>>()

/**
 * The embedded store's CPU per statement since the last call, and resets it; undefined on a server. The
 * first call starts the count (it returns nothing), so a store nobody profiles pays nothing for it.
 */
export async function takeStatementCpu(db: Db): Promise<StatementCpu[] | undefined> {
  return statementCpuReaders.get(db)?.()
}

export class DbQueryError extends Error {
  code?: string
  detail?: string
  constraint?: string
  constructor(e: NonNullable<Reply['error']>) {
    super(e.message)
    this.name = 'DbQueryError'
    Object.assign(this, { code: e.code, detail: e.detail, constraint: e.constraint })
  }
}

/**
 * PGlite runs in a worker thread (a query blocks the thread it runs on). PGlite has a single session,
 * so a transaction must own it from BEGIN to COMMIT: every statement goes through one FIFO lock.
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  const dir = dataDir ? resolve(dataDir) : undefined
  if (dir) mkdirSync(dirname(dir), { recursive: true })
  const releaseLock = dir ? lockDataDir(dir) : () => undefined
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir: dir, searchSettings: SESSION_SEARCH_SETTINGS, copyDevices: COPY_DEVICES } })
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>()
  let nextId = 1
  let closed = false

  await new Promise<void>((ok, fail) => {
    const onError = (err: Error) => {
      releaseLock()
      fail(new Error(`cannot open embedded database at ${dir ?? '(memory)'}: ${err.message}`))
    }
    worker.once('error', onError)
    worker.once('message', (m: { ready?: boolean }) => {
      worker.off('error', onError)
      if (m.ready) ok()
    })
  })
  worker.on('message', (reply: Reply) => {
    const p = pending.get(reply.id)
    if (!p) return
    pending.delete(reply.id)
    p.resolve(reply)
  })
  worker.on('error', (err) => {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  })

  function send(op: string, sql: string, params?: unknown[], blob?: Uint8Array): Promise<QueryResult<any> & { blob?: Uint8Array }> {
    if (closed) return Promise.reject(new Error('database is closed'))
    try {
      assertStorableParams(params)
    } catch (err) {
      return Promise.reject(err)
    }
    const id = nextId++
    return new Promise((ok, fail) => {
      pending.set(id, {
        resolve: (r) => (r.error ? fail(new DbQueryError(r.error)) : ok({ rows: r.rows ?? [], rowCount: r.rowCount ?? 0, blob: r.blob })),
        reject: fail,
      })
      worker.postMessage({ id, op, sql, params: params?.map(toCloneable), blob })
    })
  }

  let tail: Promise<unknown> = Promise.resolve()
  function locked<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn)
    tail = run.catch(() => undefined)
    return run
  }

  const direct: Queryable = { query: (sql, params) => send('query', sql, params) }

  // PGlite has no autovacuum, so nothing ANALYZEs: the planner then expects one row, skips the vector
  // index and sorts every vector (127 ms at 10k, 3.6 s at 100k instead of a few ms), and reads a
  // conversation's messages through a bitmap of the whole workspace (a summary refresh of 600
  // conversations took 0.7 s instead of 30 ms). So the first vectors this process writes analyze the
  // tables; the planner scales row counts by the tables' current size, so the shape of the data is what
  // statistics add after that. While a model's index exists, re-analyze when the vectors grew by half,
  // so that searches keep choosing the index. Not while a first import waits for its index (searches
  // scan exactly whatever the statistics say): the index build analyzes once when it is done
  // (buildModelIndex); re-analyzing during the load cost 1–1.5 of the store's ~6 CPU s per 20k burst.
  let writtenSinceAnalyze = 0
  let rowsAtLastAnalyze = 0
  let analyzed = false
  async function analyzeIfStale() {
    if (!statisticsAreStale(writtenSinceAnalyze, rowsAtLastAnalyze, ANALYZE_MIN_WRITTEN_VECTORS)) return
    if (analyzed) {
      const indexed = await locked(() =>
        send('query', `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = 'message_embeddings'::regclass AND c.relname LIKE '${ANN_INDEX_PREFIX}%' AND i.indisvalid LIMIT 1`),
      )
      if (indexed.rows.length === 0) return
    }
    await locked(() => send('query', 'ANALYZE message_embeddings, messages, conversations, enrichments'))
    const { rows } = await locked(() => send('query', `SELECT count(*)::int AS n FROM message_embeddings`))
    rowsAtLastAnalyze = rows[0].n
    writtenSinceAnalyze = 0
    analyzed = true
  }

  async function inTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await send('query', 'BEGIN')
    try {
      const result = await fn(direct)
      await send('query', 'COMMIT')
      return result
    } catch (err) {
      await send('query', 'ROLLBACK').catch(() => undefined)
      throw err
    }
  }

  const db: Db = {
    kind: 'pglite',
    query: (sql, params) => locked(() => send('query', sql, params)),
    exec: (sql) => locked(() => send('exec', sql)).then(() => undefined),
    transaction: (fn) => locked(() => inTransaction(fn)),
    async writeEmbeddings(rows: EmbeddingRow[]) {
      if (rows.length === 0) return
      writtenSinceAnalyze += rows.length
      const blob = encodeEmbeddingCopy(rows)
      await locked(() =>
        inTransaction(async (tx) => {
          // Vectors of messages never embedded (a burst, an import) go straight into the table: half the
          // work of loading a staging table and merging it. A vector already stored (an edit, a re-embed)
          // or of a message deleted meanwhile fails that COPY at once, and the rows go the staged way,
          // which updates the one and skips the other.
          await tx.query('SAVEPOINT embedding_copy')
          try {
            await send('query', `COPY message_embeddings (message_id, workspace_id, model, dim, embedding, content_hash) FROM '${COPY_DEVICES.in}' WITH (FORMAT binary)`, [], blob)
            await tx.query('RELEASE SAVEPOINT embedding_copy')
            return
          } catch (err) {
            if (!(err instanceof DbQueryError) || !COPY_CONFLICTS.has(err.code ?? '')) throw err
            await tx.query('ROLLBACK TO SAVEPOINT embedding_copy')
          }
          await tx.query(`CREATE TEMP TABLE IF NOT EXISTS embedding_load
            (message_id uuid, workspace_id uuid, model text, dim int, embedding vector, content_hash text) ON COMMIT DELETE ROWS`)
          await send('query', `COPY embedding_load FROM '${COPY_DEVICES.in}' WITH (FORMAT binary)`, [], blob)
          await tx.query(`INSERT INTO message_embeddings (message_id, workspace_id, model, dim, embedding, content_hash)
            SELECT l.message_id, l.workspace_id, l.model, l.dim, l.embedding, l.content_hash FROM embedding_load l
            JOIN messages m ON m.id = l.message_id
            ON CONFLICT (message_id, model) DO UPDATE
              SET embedding = excluded.embedding, dim = excluded.dim, content_hash = excluded.content_hash, created_at = now()`)
        }),
      )
      await analyzeIfStale()
    },
    async readBulk(sql, params, columns) {
      assertStorableParams(params)
      // COPY takes no parameters, so they go in as literals (inlineParams).
      const copy = `COPY (${inlineParams(sql, params)}) TO '${COPY_DEVICES.out}' WITH (FORMAT binary)`
      const { blob } = await locked(() =>
        inTransaction(async (tx) => {
          await tx.query(`SET LOCAL work_mem = '${BULK_READ_WORK_MEM}'`)
          return send('query', copy)
        }),
      )
      if (!blob) throw new Error('the embedded database returned no COPY output')
      return decodeCopyRows(blob, columns)
    },
    async close() {
      if (closed) return
      await locked(() => send('close', ''))
      closed = true
      await worker.terminate()
      releaseLock()
    },
  }
  statementCpuReaders.set(db, async () => (await send('statement-cpu', '')).rows as StatementCpu[])
  return db
}

/**
 * `sql` with each `$n` replaced by its parameter as a SQL literal, for statements that take no
 * parameters (COPY). Strings are quoted with their quotes doubled (standard_conforming_strings is on,
 * so a backslash is an ordinary character; NUL was refused before); numbers, booleans and null as
 * themselves; anything else is refused rather than guessed.
 */
export function inlineParams(sql: string, params: unknown[]): string {
  return sql.replace(/\$(\d+)\b/g, (_, n: string) => {
    const index = Number(n) - 1
    if (index < 0 || index >= params.length) throw new Error(`no parameter $${n}`)
    const v = params[index]
    if (v === null) return 'NULL'
    if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`
    if (typeof v === 'number' && Number.isFinite(v)) return String(v)
    if (typeof v === 'boolean') return String(v)
    throw new Error(`cannot inline a parameter of type ${typeof v}`)
  })
}

function toCloneable(v: unknown): unknown {
  // Float32Array clones fine but PGlite would serialise it as bytea; vectors travel as pgvector text.
  if (v instanceof Float32Array) return `[${Array.prototype.join.call(v, ',')}]`
  return v
}

/**
 * Two processes writing one PGlite data dir corrupt it. The lock names the owner so the error can say
 * what to do; a lock left by a dead process is taken over.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = `${dir}.lock`
  try {
    const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10)
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `the embedded database ${dir} is in use by process ${owner}. Stop it first (the CLI and the server cannot share an embedded store), or use a Postgres server via DATABASE_URL.`,
      )
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  writeFileSync(lockFile, String(process.pid))
  return () => rmSync(lockFile, { force: true })
}

