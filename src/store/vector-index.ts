// The approximate-nearest-neighbour index of each embedding model: pgvector's IVFFlat, one partial index
// per model on the vector cast to the model's dimension.
//
// Why IVFFlat and not HNSW (bench/README.md, `search`): the builtin embedder hashes words and character
// n-grams, so unrelated texts are near-orthogonal and a cluster of near-identical messages is an island
// that HNSW's greedy walk often never reaches (recall@10 0.90–0.93 at 100k messages whatever ef_search;
// 0.95 only with m=32, ef_construction=128, a 3× slower build). IVFFlat compares the query with every
// list centre exactly, so islands are found: 0.99+ at the same latency, built 5× faster, and a vector
// joins the live index at ~14k rows/s on PGlite where HNSW took a few hundred.
//
// IVFFlat learns its lists from the vectors present when it is built, so it is rebuilt as the model's
// vectors grow (ANN_INDEX_GROWTH): with sqrt(n) lists a search probes a fixed number of lists of about
// sqrt(n) vectors each.
import { createHash } from 'node:crypto'
import type { Queryable } from './db.ts'
import { modelLiteral } from './embeddings.ts'

/** A store this small is rebuilt in the request that writes to it (milliseconds); above, in the background. */
export const ANN_INDEX_INLINE_BUILD_MAX_VECTORS = 1_000
/** The index is rebuilt once the model has this many times the vectors it was built for. */
export const ANN_INDEX_GROWTH = 2

/** Every model's index name starts so; `LIKE '${ANN_INDEX_PREFIX}%'` finds them all. */
export const ANN_INDEX_PREFIX = 'message_embeddings_ivf_'

export function annIndexName(model: string): string {
  return `${ANN_INDEX_PREFIX}${createHash('sha1').update(model).digest('hex').slice(0, 12)}`
}

/** Lists for `vectors` vectors: sqrt(n), so list length and list count grow alike. */
export function annIndexLists(vectors: number): number {
  return Math.max(1, Math.round(Math.sqrt(vectors)))
}

/**
 * Whether an index of `lists` lists is due for a rebuild at `vectors` vectors. Below
 * ANN_INDEX_INLINE_BUILD_MAX_VECTORS never: the index built at a store's first write (often one list,
 * which a search scans whole) costs little to search over so few vectors.
 */
export function annIndexOutgrown(lists: number, vectors: number): boolean {
  return vectors >= ANN_INDEX_INLINE_BUILD_MAX_VECTORS && vectors > ANN_INDEX_GROWTH * lists * lists
}

/** Registers the model and builds its index for the vectors stored now (tests, bench set-up). */
export async function ensureModelIndex(db: Queryable, model: string, dim: number): Promise<void> {
  await registerModel(db, model, dim)
  await buildModelIndex(db, model)
}

/** Records the model and its dimension (once); a second dimension for the same model is refused. */
export async function registerModel(db: Queryable, model: string, dim: number): Promise<void> {
  const known = await db.query<{ dim: number }>(`SELECT dim FROM embedding_models WHERE model = $1`, [model])
  if (known.rows[0]) {
    if (known.rows[0].dim !== dim) throw new Error(`model ${model} is registered with dimension ${known.rows[0].dim}, not ${dim}`)
    return
  }
  await db.query(`INSERT INTO embedding_models (model, dim, index_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [model, dim, annIndexName(model)])
}

/** Vectors of `model` across all workspaces: every workspace shares the model's one index. */
export async function countModelVectors(db: Queryable, model: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM message_embeddings WHERE model = $1`, [model])
  return rows[0].n
}

/** The model's valid index and its lists, or null while searches scan exactly (not built yet). */
export async function modelIndexLists(db: Queryable, model: string): Promise<number | null> {
  const { rows } = await db.query<{ options: string[] | null }>(
    `SELECT c.reloptions AS options FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1 AND i.indisvalid`,
    [annIndexName(model)],
  )
  if (!rows[0]) return null
  const lists = (rows[0].options ?? []).find((o) => o.startsWith('lists='))
  return lists ? Number(lists.slice('lists='.length)) : 1
}

export async function modelIndexReady(db: Queryable, model: string): Promise<boolean> {
  return (await modelIndexLists(db, model)) !== null
}

/**
 * Builds the model's index, or rebuilds it with lists fitting the vectors stored now; nothing when it
 * already fits. `concurrently` (Postgres server only, outside a transaction) keeps writes and searches
 * going meanwhile: a rebuild is a REINDEX CONCURRENTLY, so the old index serves until the new one is in.
 */
export async function buildModelIndex(db: Queryable, model: string, opts: { concurrently?: boolean } = {}): Promise<void> {
  const { rows } = await db.query<{ dim: number }>(`SELECT dim FROM embedding_models WHERE model = $1`, [model])
  if (!rows[0]) throw new Error(`model ${model} is not registered`)
  const name = annIndexName(model)
  const concurrently = opts.concurrently ? 'CONCURRENTLY ' : ''
  if (opts.concurrently) {
    // A concurrent build or reindex that failed half way leaves an invalid index (the reindex's under
    // a `_ccnew` suffix) that IF NOT EXISTS would keep and every write would still maintain.
    const invalid = await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE $1 AND NOT i.indisvalid`,
      [`${name}%`],
    )
    for (const r of invalid.rows) await db.query(`DROP INDEX CONCURRENTLY IF EXISTS ${r.name}`)
  }
  const vectors = await countModelVectors(db, model)
  const lists = annIndexLists(vectors)
  const current = await modelIndexLists(db, model)
  if (current === lists || (current !== null && !annIndexOutgrown(current, vectors))) return
  if (current === null) {
    await db.query(
      `CREATE INDEX ${concurrently}IF NOT EXISTS ${name} ON message_embeddings
       USING ivfflat ((embedding::vector(${Number(rows[0].dim)})) vector_cosine_ops) WITH (lists = ${lists}) WHERE model = ${modelLiteral(model)}`,
    )
  } else {
    // The new lists take effect at the rebuild; the index in place keeps its own until then.
    await db.query(`ALTER INDEX ${name} SET (lists = ${lists})`)
    await db.query(`REINDEX INDEX ${concurrently}${name}`)
  }
  // Fresh statistics with the new index, so the planner picks it: the embedded store has no
  // autovacuum (pglite.ts), and a server's autovacuum may not have caught up with a load yet.
  await db.query(`ANALYZE message_embeddings, messages, conversations, enrichments`)
}
