import { createHash } from 'node:crypto'
import type { Queryable } from './db.ts'
import { toVectorLiteral } from './db.ts'

const MODEL_ID = /^[\w:./@+#-]{1,200}$/

/** The model id is inlined as a literal so the planner can match the model's partial HNSW index. */
export function modelLiteral(model: string): string {
  if (!MODEL_ID.test(model)) throw new Error(`unsupported embedding model id: ${model}`)
  return `'${model}'`
}

function modelIndexName(model: string): string {
  return `message_embeddings_hnsw_${createHash('sha1').update(model).digest('hex').slice(0, 12)}`
}

/**
 * One partial HNSW index per model, on the vector cast to the model's fixed dimension: vectors of two
 * models are stored side by side but never compared, and each model is searched through its own index.
 * Registers the model and builds its index when missing.
 */
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
  await db.query(`INSERT INTO embedding_models (model, dim, index_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [model, dim, modelIndexName(model)])
}

/**
 * Builds the model's HNSW index if it is missing. `concurrently` (Postgres server only, outside a
 * transaction) keeps writes flowing while it builds; searches stay exact until it is valid.
 */
export async function buildModelIndex(db: Queryable, model: string, opts: { concurrently?: boolean } = {}): Promise<void> {
  const { rows } = await db.query<{ dim: number }>(`SELECT dim FROM embedding_models WHERE model = $1`, [model])
  if (!rows[0]) throw new Error(`model ${model} is not registered`)
  const name = modelIndexName(model)
  if (opts.concurrently) {
    // A concurrent build that failed half way leaves an invalid index that IF NOT EXISTS would keep.
    const invalid = await db.query(`SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1 AND NOT i.indisvalid`, [name])
    if (invalid.rows.length > 0) await db.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`)
  }
  if (await modelIndexReady(db, model)) return
  await db.query(
    `CREATE INDEX ${opts.concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${name} ON message_embeddings
     USING hnsw ((embedding::vector(${Number(rows[0].dim)})) vector_cosine_ops) WHERE model = ${modelLiteral(model)}`,
  )
  // Fresh statistics with the new index, so the planner picks it: the embedded store has no
  // autovacuum and does not analyze during a bulk load (pglite.ts), and a server's autovacuum may not
  // have caught up with the load yet.
  await db.query(`ANALYZE message_embeddings, messages, conversations, enrichments`)
}

/**
 * Drops the model's HNSW index before a bulk load: one COPY into an unindexed table and one build
 * afterwards cost a fraction of one index insert per vector. Searches meanwhile scan exactly.
 */
export async function dropModelIndex(db: Queryable, model: string): Promise<void> {
  await db.query(`DROP INDEX IF EXISTS ${modelIndexName(model)}`)
}

/** Whether the model's HNSW index exists and is valid (searches use it), or searches scan exactly. */
export async function modelIndexReady(db: Queryable, model: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1 AND i.indisvalid`,
    [modelIndexName(model)],
  )
  return rows.length > 0
}

/**
 * Vectors of `model` across all workspaces: sizes the bulk-load decision, which concerns the one index
 * every workspace shares (hence no workspace filter).
 */
export async function countModelVectors(db: Queryable, model: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM message_embeddings WHERE model = $1`, [model])
  return rows[0].n
}

/** Whether any vector of `model` is stored (one row looked at, unlike a count). */
export async function hasModelVectors(db: Queryable, model: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM message_embeddings WHERE model = $1 LIMIT 1`, [model])
  return rows.length > 0
}

/** The content hash each message's current vector of `model` was computed from. */
export async function embeddedContentHashes(db: Queryable, workspaceId: string, model: string, messageIds: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ message_id: string; content_hash: string }>(
    `SELECT message_id, content_hash FROM message_embeddings WHERE workspace_id = $1 AND model = $2 AND message_id = ANY($3::uuid[])`,
    [workspaceId, model, messageIds],
  )
  return new Map(rows.map((r) => [r.message_id, r.content_hash]))
}

export interface SearchFilters {
  channel?: string
  role?: 'customer' | 'agent'
  from?: string
  to?: string
  language?: string
  excludeConversationId?: string
  messageIds?: string[]
}

export interface SearchHit {
  messageId: string
  conversationId: string
  conversationExternalId: string
  channel: string
  role: string
  author: string | null
  text: string
  language: string | null
  sentAt: string
  score: number
}

/** Cosine top-k inside one workspace; `exact` skips the index (ground truth for recall measurements). */
export async function searchSimilar(
  db: Queryable,
  workspaceId: string,
  model: string,
  query: Float32Array,
  k: number,
  filters: SearchFilters = {},
  opts: { exact?: boolean } = {},
): Promise<SearchHit[]> {
  const dim = query.length
  // A zero vector (a query of punctuation only) has no direction: cosine is undefined, nothing is similar.
  if (!query.some((x) => x !== 0)) return []
  const params: unknown[] = [workspaceId, toVectorLiteral(query), k]
  const where = [`e.workspace_id = $1`, `e.model = ${modelLiteral(model)}`]
  const add = (clause: string, value: unknown) => {
    params.push(value)
    where.push(clause.replace('?', `$${params.length}`))
  }
  if (filters.channel) add(`c.channel = ?`, filters.channel)
  if (filters.role) add(`m.role = ?`, filters.role)
  if (filters.from) add(`m.sent_at >= ?::timestamptz`, filters.from)
  if (filters.to) add(`m.sent_at < ?::timestamptz`, filters.to)
  if (filters.language) add(`coalesce(m.language, en.language) = ?`, filters.language)
  if (filters.excludeConversationId) add(`m.conversation_id <> ?::uuid`, filters.excludeConversationId)
  if (filters.messageIds) add(`m.id = ANY(?::uuid[])`, filters.messageIds)
  const distance = opts.exact
    ? `(e.embedding <=> $2::vector)`
    : `(e.embedding::vector(${dim}) <=> $2::vector(${dim}))`
  const { rows } = await db.query<SearchHit>(
    `SELECT m.id AS "messageId", m.conversation_id AS "conversationId", c.external_id AS "conversationExternalId",
            c.channel, m.role, m.author, m.text, coalesce(m.language, en.language) AS language,
            m.sent_at AS "sentAt", 1 - ${distance} AS score
     FROM message_embeddings e
     JOIN messages m ON m.id = e.message_id
     JOIN conversations c ON c.id = m.conversation_id
     LEFT JOIN enrichments en ON en.message_id = m.id
     WHERE ${where.join(' AND ')}
     ORDER BY ${distance}
     LIMIT $3`,
    params,
  )
  // A stored zero vector scores NaN against everything: it matches nothing.
  return rows
    .map((r) => ({ ...r, score: Number(r.score), sentAt: new Date(r.sentAt).toISOString() }))
    .filter((r) => Number.isFinite(r.score))
}

/** Messages of a workspace lacking a current vector for `model` (new, edited, or embedded by another model). */
export async function messagesMissingEmbedding(db: Queryable, model: string, limit: number, workspaceId?: string) {
  const { rows } = await db.query<{ id: string; workspaceId: string; text: string; contentHash: string }>(
    `SELECT m.id, m.workspace_id AS "workspaceId", m.text, m.content_hash AS "contentHash"
     FROM messages m LEFT JOIN message_embeddings e ON e.message_id = m.id AND e.model = $1
     WHERE (e.message_id IS NULL OR e.content_hash <> m.content_hash) AND ($3::uuid IS NULL OR m.workspace_id = $3)
     ORDER BY m.id LIMIT $2`,
    [model, limit, workspaceId ?? null],
  )
  return rows
}

/** After a re-embed: drops a workspace's vectors of every model but `keep`. */
export async function deleteEmbeddingsOfOtherModels(db: Queryable, workspaceId: string, keep: string): Promise<void> {
  await db.query(`DELETE FROM message_embeddings WHERE workspace_id = $1 AND model <> $2`, [workspaceId, keep])
}
