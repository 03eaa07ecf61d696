import type { Queryable } from './db.ts'
import { toVectorLiteral } from './db.ts'
import { EXACT_SEARCH_MAX_VECTORS } from './search-tuning.ts'

const MODEL_ID = /^[\w:./@+#-]{1,200}$/

/** The model id is inlined as a literal so the planner can match the model's partial index. */
export function modelLiteral(model: string): string {
  if (!MODEL_ID.test(model)) throw new Error(`unsupported embedding model id: ${model}`)
  return `'${model}'`
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

/**
 * Cosine top-k inside one workspace. A small workspace is searched exactly (EXACT_SEARCH_MAX_VECTORS),
 * a larger one through the model's index; `exact` forces one or the other (the bench's ground truth and
 * its index rows).
 */
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
  const exact = opts.exact ?? (await searchesExactly(db, workspaceId, model))
  const distance = exact
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
  // A stored zero vector scores NaN against everything: it matches nothing. An iterative index scan
  // (search-tuning.ts) may return a later list's closer hit after an earlier one: sorted here.
  return rows
    .map((r) => ({ ...r, score: Number(r.score), sentAt: new Date(r.sentAt).toISOString() }))
    .filter((r) => Number.isFinite(r.score))
    .sort((a, b) => b.score - a.score)
}

/**
 * How long a workspace's count (searchesExactly) is trusted. Counting up to the limit cost ~2 ms a search
 * on PGlite at 10k vectors (bench `search`: p50 4.2 ms against 2.2 ms without it), more than the search
 * itself; a workspace crossing the limit is searched the other way within this time, and either way is
 * correct (an exact search is only slower, the index's recall there 0.99).
 */
const EXACT_SEARCH_RECOUNT_MS = 30_000
const MAX_COUNTED_WORKSPACES = 10_000
const counted = new Map<string, { exact: boolean; at: number }>()

/** Whether the workspace has few enough vectors of `model` to search them all: the count stops past the limit. */
async function searchesExactly(db: Queryable, workspaceId: string, model: string): Promise<boolean> {
  const key = `${workspaceId}\u0000${model}`
  const known = counted.get(key)
  if (known && Date.now() - known.at < EXACT_SEARCH_RECOUNT_MS) return known.exact
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM message_embeddings WHERE workspace_id = $1 AND model = $2 LIMIT ${EXACT_SEARCH_MAX_VECTORS + 1}) s`,
    [workspaceId, model],
  )
  const exact = rows[0].n <= EXACT_SEARCH_MAX_VECTORS
  if (counted.size >= MAX_COUNTED_WORKSPACES) counted.clear()
  counted.set(key, { exact, at: Date.now() })
  return exact
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
