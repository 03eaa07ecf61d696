// SQL behind POST /v1/ask: figures over customer messages and their enrichments, the workspace's
// vocabulary, and the candidate lists of hybrid retrieval (vector, full-text, filters only).
// Plain parameterised SQL with the workspace in every WHERE.
import { toVectorLiteral, type Queryable } from './db.ts'
import { modelLiteral } from './embeddings.ts'

/** What every ask query filters customer messages by; the ask chain's plan filters carry these (and more). */
export interface AskMessageFilters {
  channel?: string
  language?: string
  sentiment?: string
  intent?: string
  /** Full-text: the message mentions one of these words (websearch syntax, 'simple' config). */
  mentions?: string
  /** Conversation metadata key → value; keys that are not plain names are ignored. */
  segment?: Record<string, string>
  /** Theme membership: the message is a stored member of one of these weekly theme snapshots. */
  themeSnapshots?: Array<{ themeId: string; week: string }>
}

/** Half-open [from, to) in ISO 8601. */
export interface AskTimeRange {
  from: string
  to: string
}

const SEGMENT_KEY = /^[A-Za-z0-9_.-]{1,64}$/
const MAX_SEGMENT_VALUES = 200

/** Shared WHERE for every ask query: workspace, customer messages, time range, plan filters. */
export function whereOf(workspaceId: string, filters: AskMessageFilters, range: AskTimeRange, params: unknown[] = []) {
  params.push(workspaceId, range.from, range.to)
  const where = [`m.workspace_id = $1`, `m.role = 'customer'`, `m.sent_at >= $2::timestamptz`, `m.sent_at < $3::timestamptz`]
  const add = (clause: string, value: unknown) => {
    params.push(value)
    where.push(clause.replaceAll('?', `$${params.length}`))
  }
  if (filters.channel) add(`c.channel = ?`, filters.channel)
  if (filters.language) add(`coalesce(m.language, e.language) = ?`, filters.language)
  if (filters.sentiment) add(`e.sentiment = ?`, filters.sentiment)
  if (filters.intent) add(`e.intent = ?`, filters.intent)
  if (filters.mentions) add(`m.tsv @@ websearch_to_tsquery('simple', ?)`, filters.mentions)
  if (filters.themeSnapshots) {
    params.push(filters.themeSnapshots.map((t) => t.themeId), filters.themeSnapshots.map((t) => t.week))
    where.push(`EXISTS (SELECT 1 FROM theme_members tm WHERE tm.workspace_id = $1 AND tm.message_id = m.id
      AND (tm.theme_id, tm.week) IN (SELECT * FROM unnest($${params.length - 1}::uuid[], $${params.length}::text[])))`)
  }
  for (const [key, value] of Object.entries(filters.segment ?? {})) {
    if (!SEGMENT_KEY.test(key)) continue
    params.push(key, value)
    where.push(`c.metadata ->> $${params.length - 1} = $${params.length}`)
  }
  return { where: where.join(' AND '), params }
}

export const FROM = `FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN enrichments e ON e.message_id = m.id`

export async function countMessages(db: Queryable, workspaceId: string, filters: AskMessageFilters, range: AskTimeRange): Promise<{ messages: number; conversations: number }> {
  const { where, params } = whereOf(workspaceId, filters, range)
  const { rows } = await db.query<{ messages: number; conversations: number }>(
    `SELECT count(*)::int AS messages, count(DISTINCT m.conversation_id)::int AS conversations ${FROM} WHERE ${where}`,
    params,
  )
  return rows[0] ?? { messages: 0, conversations: 0 }
}

/** Counts per value of one enrichment column (intent or sentiment) in the filtered set, largest first. */
export async function breakdown(
  db: Queryable,
  workspaceId: string,
  filters: AskMessageFilters,
  range: AskTimeRange,
  column: 'intent' | 'sentiment',
): Promise<Array<{ key: string; n: number }>> {
  const { where, params } = whereOf(workspaceId, filters, range)
  const { rows } = await db.query<{ key: string; n: number }>(
    `SELECT e.${column} AS key, count(*)::int AS n ${FROM} WHERE ${where} AND e.${column} IS NOT NULL
     GROUP BY e.${column} ORDER BY n DESC, key`,
    params,
  )
  return rows
}

export interface WeekRow {
  week: string
  from: string
  n: number
  negative: number
  positive: number
}

/** Per ISO week: volume and sentiment counts of the filtered set. */
export async function weeklySeries(db: Queryable, workspaceId: string, filters: AskMessageFilters, range: AskTimeRange): Promise<WeekRow[]> {
  const { where, params } = whereOf(workspaceId, filters, range)
  const { rows } = await db.query<WeekRow>(
    `SELECT to_char(date_trunc('week', m.sent_at AT TIME ZONE 'UTC'), 'IYYY-"W"IW') AS week,
            min(date_trunc('week', m.sent_at AT TIME ZONE 'UTC'))::text AS "from",
            count(*)::int AS n,
            count(*) FILTER (WHERE e.sentiment = 'negative')::int AS negative,
            count(*) FILTER (WHERE e.sentiment = 'positive')::int AS positive
     ${FROM} WHERE ${where} GROUP BY 1 ORDER BY 1`,
    params,
  )
  return rows.map((r) => ({ ...r, from: new Date(`${r.from.slice(0, 10)}T00:00:00Z`).toISOString() }))
}

export async function workspaceChannels(db: Queryable, workspaceId: string): Promise<string[]> {
  const { rows } = await db.query<{ channel: string }>(`SELECT DISTINCT channel FROM conversations WHERE workspace_id = $1 ORDER BY channel`, [workspaceId])
  return rows.map((r) => r.channel)
}

/** Known values of the metadata keys a workspace declared as segments (settings.ask.segments). */
export async function segmentValues(db: Queryable, workspaceId: string, keys: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const key of keys.filter((k) => SEGMENT_KEY.test(k))) {
    const { rows } = await db.query<{ value: string }>(
      `SELECT DISTINCT metadata ->> $2 AS value FROM conversations
       WHERE workspace_id = $1 AND jsonb_typeof(metadata -> $2) = 'string' ORDER BY 1 LIMIT ${MAX_SEGMENT_VALUES}`,
      [workspaceId, key],
    )
    out[key] = rows.map((r) => r.value).filter((v) => v.trim().length >= 2)
  }
  return out
}

/** Theme labels of the workspace, or none when the themes tables are not installed. */
export async function themeLabels(db: Queryable, workspaceId: string): Promise<string[]> {
  const { rows: exists } = await db.query<{ t: string | null }>(`SELECT to_regclass('themes')::text AS t`)
  if (!exists[0]?.t) return []
  const { rows } = await db.query<{ label: string }>(
    `SELECT DISTINCT coalesce(manual_label, label) AS label FROM themes WHERE workspace_id = $1 AND merged_into IS NULL ORDER BY 1 LIMIT 500`,
    [workspaceId],
  )
  return rows.map((r) => r.label)
}

export interface CandidateRow {
  messageId: string
  conversationId: string
  channel: string
  sentAt: string
  text: string
  sentiment: string | null
  sentimentScore: number | null
  intent: string | null
  /** The classifier's confidence in the stored labels (1 when a person corrected them). */
  sentimentConfidence: number | null
  intentConfidence: number | null
  /** A person gave the message its current sentiment / intent (a correction, or a confirmation). */
  sentimentCorrected: boolean
  intentCorrected: boolean
  score: number
  /** Who wrote in this conversation (its customer's handle and name, the message's author): masked in a quote. */
  people: Array<string | null>
}

/** The message's current label is the one a person gave it (a later re-classification does not count). */
const correctedSql = (field: 'sentiment' | 'intent') =>
  `EXISTS (SELECT 1 FROM corrections k WHERE k.workspace_id = $1 AND k.message_id = m.id AND k.field = '${field}' AND k.label = e.${field})`

const CANDIDATE_COLUMNS = `m.id AS "messageId", m.conversation_id AS "conversationId", c.channel, m.sent_at AS "sentAt", m.text,
  ARRAY[c.customer_handle, c.customer_name, m.author] AS people,
  e.sentiment, e.sentiment_score AS "sentimentScore", e.intent,
  CASE WHEN e.versions ->> 'sentiment' = 'human' THEN 1 ELSE e.sentiment_confidence END AS "sentimentConfidence",
  CASE WHEN e.versions ->> 'intent' = 'human' THEN 1 ELSE e.intent_confidence END AS "intentConfidence",
  ${correctedSql('sentiment')} AS "sentimentCorrected", ${correctedSql('intent')} AS "intentCorrected"`

function candidates(rows: CandidateRow[]): CandidateRow[] {
  return rows.map((r) => ({
    ...r,
    score: Number(r.score),
    sentAt: new Date(r.sentAt).toISOString(),
    sentimentConfidence: r.sentimentConfidence === null ? null : Number(r.sentimentConfidence),
    intentConfidence: r.intentConfidence === null ? null : Number(r.intentConfidence),
  }))
}

/** Cosine nearest neighbours among the filtered messages (exact scan: filters make the set small). */
export async function vectorCandidates(
  db: Queryable, workspaceId: string, model: string, vector: Float32Array, k: number, filters: AskMessageFilters, range: AskTimeRange,
): Promise<CandidateRow[]> {
  const { where, params } = whereOf(workspaceId, filters, range)
  params.push(toVectorLiteral(vector), k)
  const v = `$${params.length - 1}::vector`
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS}, 1 - (x.embedding <=> ${v}) AS score
     ${FROM} JOIN message_embeddings x ON x.message_id = m.id AND x.model = ${modelLiteral(model)} AND x.workspace_id = $1
     WHERE ${where} ORDER BY x.embedding <=> ${v} LIMIT $${params.length}`,
    params,
  )
  return candidates(rows)
}

/** Full-text matches ('simple' config, any of the topic words), ranked by cover density. */
export async function textCandidates(db: Queryable, workspaceId: string, query: string, k: number, filters: AskMessageFilters, range: AskTimeRange): Promise<CandidateRow[]> {
  const { where, params } = whereOf(workspaceId, filters, range)
  params.push(query, k)
  const q = `websearch_to_tsquery('simple', $${params.length - 1})`
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS}, ts_rank_cd(m.tsv, ${q}) AS score
     ${FROM} WHERE ${where} AND m.tsv @@ ${q} ORDER BY score DESC, m.sent_at DESC LIMIT $${params.length}`,
    params,
  )
  return candidates(rows)
}

/**
 * The filtered set itself, most likely to carry the filtered labels first: messages a person labelled
 * so, then by the classifier's confidence in those labels. Without label filters: the most clearly
 * labelled first.
 */
export async function filterCandidates(db: Queryable, workspaceId: string, k: number, filters: AskMessageFilters, range: AskTimeRange): Promise<CandidateRow[]> {
  const { where, params } = whereOf(workspaceId, filters, range)
  params.push(k)
  const fields = (['sentiment', 'intent'] as const).filter((f) => filters[f])
  const corrected = fields.length ? `${fields.map((f) => `${correctedSql(f)}::int`).join(' + ')} DESC, ` : ''
  const confidence = fields.length
    ? fields.map((f) => `coalesce(e.${f}_confidence, 0)`).join(' * ')
    : `coalesce(e.intent_confidence, 0) + abs(coalesce(e.sentiment_score, 0))`
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS}, ${confidence} AS score
     ${FROM} WHERE ${where} ORDER BY ${corrected}score DESC, m.sent_at DESC, m.id LIMIT $${params.length}`,
    params,
  )
  return candidates(rows)
}

/** Stored vectors of some messages (for diversity), parsed from pgvector's text form. */
export async function vectorsOf(db: Queryable, workspaceId: string, model: string, messageIds: string[]): Promise<Map<string, Float32Array>> {
  if (messageIds.length === 0) return new Map()
  const { rows } = await db.query<{ id: string; v: string }>(
    `SELECT message_id AS id, embedding::text AS v FROM message_embeddings
     WHERE workspace_id = $1 AND model = ${modelLiteral(model)} AND message_id = ANY($2::uuid[])`,
    [workspaceId, messageIds],
  )
  return new Map(rows.map((r) => [r.id, Float32Array.from(JSON.parse(r.v) as number[])]))
}

/** Conversation id → external id: how the eval maps cited conversations back to its gold rows. */
export async function conversationExternalIds(db: Queryable, workspaceId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; externalId: string }>(
    `SELECT id, external_id AS "externalId" FROM conversations WHERE workspace_id = $1`, [workspaceId])
  return new Map(rows.map((r) => [r.id, r.externalId]))
}

/** Conversation external id → its first customer message's id: how the eval finds the messages a reviewer labels. */
export async function firstCustomerMessageIds(db: Queryable, workspaceId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ externalId: string; messageId: string }>(
    `SELECT DISTINCT ON (c.id) c.external_id AS "externalId", m.id AS "messageId"
     FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.workspace_id = c.workspace_id AND m.role = 'customer'
     WHERE c.workspace_id = $1 ORDER BY c.id, m.sent_at, m.id`,
    [workspaceId],
  )
  return new Map(rows.map((r) => [r.externalId, r.messageId]))
}
