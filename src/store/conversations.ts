import type { Queryable } from './db.ts'
import type { SentimentProbabilities } from './enrichments.ts'

export interface ConversationUpsert {
  channel: string
  externalId: string
  customerHandle: string
  customerName: string | null
  status: string | null
  metadata: Record<string, unknown>
}

export interface MessageUpsert {
  conversationKey: string // `${channel}\u0000${externalId}` of its conversation in the batch
  externalId: string
  role: 'customer' | 'agent'
  author: string | null
  text: string
  language: string | null
  sentAt: string
  contentHash: string
}

export interface UpsertOutcome {
  conversations: Map<string, { id: string; created: boolean; changed: boolean }>
  messages: Map<string, 'created' | 'updated'> // key: conversationKey + '\u0000' + message externalId; absent = unchanged
  changedMessageIds: string[]
}

export const conversationKey = (channel: string, externalId: string) => `${channel}\u0000${externalId}`

/**
 * Idempotent batch upsert; the caller runs it inside a transaction. A batch of new conversations costs
 * two statements (conversations, messages): a new conversation gets its first and last message times
 * from the batch, and status and times are rewritten afterwards only for conversations that existed.
 */
export async function upsertConversations(
  tx: Queryable,
  workspaceId: string,
  convs: ConversationUpsert[],
  msgs: MessageUpsert[],
): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { conversations: new Map(), messages: new Map(), changedMessageIds: [] }
  if (convs.length === 0) return outcome

  const span = new Map<string, { first: string; last: string }>()
  for (const m of msgs) {
    const s = span.get(m.conversationKey)
    if (!s) span.set(m.conversationKey, { first: m.sentAt, last: m.sentAt })
    else {
      // toISOString() strings: their order is the time order.
      if (m.sentAt < s.first) s.first = m.sentAt
      if (m.sentAt > s.last) s.last = m.sentAt
    }
  }
  const spanOf = (c: ConversationUpsert) => span.get(conversationKey(c.channel, c.externalId))
  // An existing conversation is only rewritten (and returned) when the batch changes it.
  const upserted = await tx.query<{ id: string; channel: string; external_id: string; inserted: boolean }>(
    `INSERT INTO conversations AS c (workspace_id, channel, external_id, customer_handle, customer_name, status, metadata, first_message_at, last_message_at)
     SELECT $1, u.channel, u.external_id, u.handle, u.name, coalesce(u.status, 'open'), u.metadata::jsonb, u.first, u.last
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[])
       AS u(channel, external_id, handle, name, status, metadata, first, last)
     ON CONFLICT (workspace_id, channel, external_id) DO UPDATE SET
       customer_handle = excluded.customer_handle,
       customer_name = coalesce(excluded.customer_name, c.customer_name),
       metadata = c.metadata || excluded.metadata
     WHERE c.customer_handle IS DISTINCT FROM excluded.customer_handle
        OR c.customer_name IS DISTINCT FROM coalesce(excluded.customer_name, c.customer_name)
        OR c.metadata IS DISTINCT FROM c.metadata || excluded.metadata
     RETURNING id, channel, external_id, (xmax = 0) AS inserted`,
    [
      workspaceId,
      convs.map((c) => c.channel),
      convs.map((c) => c.externalId),
      convs.map((c) => c.customerHandle),
      convs.map((c) => c.customerName),
      convs.map((c) => c.status),
      convs.map((c) => JSON.stringify(c.metadata)),
      convs.map((c) => spanOf(c)?.first ?? null),
      convs.map((c) => spanOf(c)?.last ?? null),
    ],
  )
  const ids = new Map<string, string>()
  const existing = new Set<string>() // ids of conversations stored before this batch
  for (const r of upserted.rows) {
    const key = conversationKey(r.channel, r.external_id)
    ids.set(key, r.id)
    if (!r.inserted) existing.add(r.id)
    outcome.conversations.set(key, { id: r.id, created: r.inserted, changed: !r.inserted })
  }
  const untouched = convs.filter((c) => !ids.has(conversationKey(c.channel, c.externalId)))
  if (untouched.length > 0) {
    const { rows } = await tx.query<{ id: string; channel: string; external_id: string }>(
      `SELECT id, channel, external_id FROM conversations
       WHERE workspace_id = $1 AND (channel, external_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [workspaceId, untouched.map((c) => c.channel), untouched.map((c) => c.externalId)],
    )
    for (const r of rows) {
      const key = conversationKey(r.channel, r.external_id)
      ids.set(key, r.id)
      existing.add(r.id)
      outcome.conversations.set(key, { id: r.id, created: false, changed: false })
    }
  }
  // An explicit status in the batch wins over the stored one (a new conversation was inserted with it).
  const withStatus = convs.filter((c) => c.status && existing.has(ids.get(conversationKey(c.channel, c.externalId))!))
  if (withStatus.length > 0) {
    await tx.query(
      `UPDATE conversations c SET status = u.status FROM unnest($2::uuid[], $3::text[]) AS u(id, status)
       WHERE c.workspace_id = $1 AND c.id = u.id AND c.status IS DISTINCT FROM u.status`,
      [workspaceId, withStatus.map((c) => ids.get(conversationKey(c.channel, c.externalId))), withStatus.map((c) => c.status)],
    )
  }

  if (msgs.length > 0) {
    const res = await tx.query<{ id: string; conversation_id: string; external_id: string; inserted: boolean }>(
      `INSERT INTO messages AS m (workspace_id, conversation_id, external_id, role, author, text, language, sent_at, content_hash)
       SELECT $1, u.conversation_id, u.external_id, u.role, u.author, u.text, u.language, u.sent_at, u.content_hash
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[])
         AS u(conversation_id, external_id, role, author, text, language, sent_at, content_hash)
       ON CONFLICT (conversation_id, external_id) DO UPDATE SET
         role = excluded.role, author = excluded.author, text = excluded.text, language = excluded.language,
         sent_at = excluded.sent_at, content_hash = excluded.content_hash, updated_at = now()
       WHERE m.content_hash <> excluded.content_hash
       RETURNING id, conversation_id, external_id, (xmax = 0) AS inserted`,
      [
        workspaceId,
        msgs.map((m) => ids.get(m.conversationKey)),
        msgs.map((m) => m.externalId),
        msgs.map((m) => m.role),
        msgs.map((m) => m.author),
        msgs.map((m) => m.text),
        msgs.map((m) => m.language),
        msgs.map((m) => m.sentAt),
        msgs.map((m) => m.contentHash),
      ],
    )
    const keyById = new Map([...ids].map(([k, id]) => [id, k]))
    for (const r of res.rows) {
      outcome.messages.set(`${keyById.get(r.conversation_id)}\u0000${r.external_id}`, r.inserted ? 'created' : 'updated')
      outcome.changedMessageIds.push(r.id)
    }
    // A new conversation's times came with its insert; a stored one's are read again from its messages.
    const touched = [...new Set(res.rows.map((r) => r.conversation_id))].filter((id) => existing.has(id))
    if (touched.length > 0) {
      await tx.query(
        `UPDATE conversations c SET first_message_at = s.first, last_message_at = s.last, updated_at = now()
         FROM (SELECT conversation_id, min(sent_at) AS first, max(sent_at) AS last FROM messages
               WHERE workspace_id = $1 AND conversation_id = ANY($2::uuid[]) GROUP BY conversation_id) s
         WHERE c.id = s.conversation_id AND c.workspace_id = $1`,
        [workspaceId, touched],
      )
    }
  }
  return outcome
}

export interface ConversationListFilters {
  channel?: string
  status?: string
  sentiment?: string
  intent?: string
  /** The last message is the customer's, the classifier says it asks for or implies a response, and no agent answered it. */
  needsReply?: boolean
  /** The last message is the customer's (whatever it says): nobody has answered it yet. */
  awaiting?: boolean
  language?: string
  from?: string
  to?: string
}

export interface ConversationSummaryRow {
  id: string
  channel: string
  externalId: string
  customer: { handle: string | null; name: string | null }
  status: string
  metadata: Record<string, unknown>
  firstMessageAt: string | null
  lastMessageAt: string | null
  messageCount: number
}

/** Keyset pagination on (last_message_at, id): stable under concurrent inserts, no OFFSET scans. */
export function encodeCursor(lastMessageAt: string | null, id: string): string {
  return Buffer.from(JSON.stringify([lastMessageAt, id])).toString('base64url')
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A forged cursor must be refused here: its values are cast to uuid and timestamptz in SQL. */
export function decodeCursor(cursor: string): [string | null, string] | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(v) || v.length !== 2 || typeof v[1] !== 'string' || !UUID.test(v[1])) return undefined
    if (v[0] === null) return [null, v[1]]
    if (typeof v[0] === 'string' && /^\d{4}-\d\d-\d\dT/.test(v[0]) && !Number.isNaN(Date.parse(v[0])) && v[0] === new Date(v[0]).toISOString()) return [v[0], v[1]]
  } catch {
    /* fall through */
  }
  return undefined
}

export async function listConversations(
  db: Queryable,
  workspaceId: string,
  filters: ConversationListFilters,
  limit: number,
  cursor?: [string | null, string],
): Promise<{ items: ConversationSummaryRow[]; nextCursor: string | null }> {
  const params: unknown[] = [workspaceId, limit + 1]
  const where = ['c.workspace_id = $1']
  const add = (clause: string, value: unknown) => {
    params.push(value)
    where.push(clause.replaceAll('?', `$${params.length}`))
  }
  if (filters.channel) add('c.channel = ?', filters.channel)
  if (filters.status) add('c.status = ?', filters.status)
  if (filters.from) add('c.last_message_at >= ?::timestamptz', filters.from)
  if (filters.to) add('c.first_message_at < ?::timestamptz', filters.to)
  // Enrichment filters match conversations with at least one customer message carrying the label.
  const enrich: string[] = []
  const addEnrich = (clause: string, value: unknown) => {
    params.push(value)
    enrich.push(clause.replaceAll('?', `$${params.length}`))
  }
  if (filters.sentiment) addEnrich('e.sentiment = ?', filters.sentiment)
  if (filters.intent) addEnrich('e.intent = ?', filters.intent)
  if (filters.language) addEnrich('e.language = ?', filters.language)
  if (enrich.length > 0) {
    where.push(`EXISTS (SELECT 1 FROM messages m JOIN enrichments e ON e.message_id = m.id
      WHERE m.conversation_id = c.id AND m.workspace_id = $1 AND m.role = 'customer' AND ${enrich.join(' AND ')})`)
  }
  // Both read the conversation's latest message: a customer message an agent has since answered waits for nobody.
  const latest = `(SELECT m.role, e.needs_reply FROM messages m LEFT JOIN enrichments e ON e.message_id = m.id AND e.workspace_id = m.workspace_id
      WHERE m.conversation_id = c.id AND m.workspace_id = $1 ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)`
  if (filters.awaiting !== undefined) {
    where.push(`${filters.awaiting ? '' : 'NOT '}coalesce((SELECT l.role = 'customer' FROM ${latest} l), false)`)
  }
  if (filters.needsReply !== undefined) {
    where.push(`${filters.needsReply ? '' : 'NOT '}coalesce((SELECT l.role = 'customer' AND l.needs_reply IS TRUE FROM ${latest} l), false)`)
  }
  if (cursor) {
    params.push(cursor[0] ?? '-infinity', cursor[1])
    const a = params.length - 1
    where.push(`(coalesce(c.last_message_at, '-infinity'), c.id) < ($${a}::timestamptz, $${a + 1}::uuid)`)
  }
  const { rows } = await db.query<ConversationSummaryRow & { handle: string | null; name: string | null }>(
    `SELECT c.id, c.channel, c.external_id AS "externalId", c.customer_handle AS handle, c.customer_name AS name,
            c.status, c.metadata, c.first_message_at AS "firstMessageAt", c.last_message_at AS "lastMessageAt",
            (SELECT count(*)::int FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id) AS "messageCount"
     FROM conversations c WHERE ${where.join(' AND ')}
     ORDER BY coalesce(c.last_message_at, '-infinity') DESC, c.id DESC
     LIMIT $2`,
    params,
  )
  const page = rows.slice(0, limit).map(({ handle, name, ...r }) => ({
    ...r,
    customer: { handle, name },
    firstMessageAt: iso(r.firstMessageAt),
    lastMessageAt: iso(r.lastMessageAt),
  }))
  const last = rows.length > limit ? page[page.length - 1] : undefined
  return { items: page, nextCursor: last ? encodeCursor(last.lastMessageAt, last.id) : null }
}

export async function countMessages(db: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1`, [workspaceId])
  return rows[0].n
}

export function iso(v: unknown): string | null {
  return v == null ? null : new Date(v as string).toISOString()
}

export async function getConversation(db: Queryable, workspaceId: string, id: string) {
  const conv = await db.query<ConversationSummaryRow & { handle: string | null; name: string | null }>(
    `SELECT c.id, c.channel, c.external_id AS "externalId", c.customer_handle AS handle, c.customer_name AS name,
            c.status, c.metadata, c.first_message_at AS "firstMessageAt", c.last_message_at AS "lastMessageAt"
     FROM conversations c WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, id],
  )
  const c = conv.rows[0]
  if (!c) return undefined
  const msgs = await db.query<Record<string, any>>(
    `SELECT m.id, m.external_id AS "externalId", m.role, m.author, m.text, m.language, m.sent_at AS "sentAt",
            e.sentiment, e.sentiment_score, e.sentiment_confidence, e.sentiment_probs, e.intent, e.intent_confidence,
            e.language AS detected_language, e.language_confidence, e.needs_reply, e.urgency, e.reasons,
            e.versions, e.degraded, e.degraded_reason
     FROM messages m LEFT JOIN enrichments e ON e.message_id = m.id
     WHERE m.workspace_id = $1 AND m.conversation_id = $2 ORDER BY m.sent_at, m.id`,
    [workspaceId, id],
  )
  const summary = await db.query<Record<string, any>>(
    `SELECT summary, wanted, done, open, version, degraded, updated_at AS "updatedAt"
     FROM conversation_summaries WHERE workspace_id = $1 AND conversation_id = $2`,
    [workspaceId, id],
  )
  const { handle, name, ...rest } = c
  return {
    ...rest,
    customer: { handle, name },
    firstMessageAt: iso(c.firstMessageAt),
    lastMessageAt: iso(c.lastMessageAt),
    messages: msgs.rows.map((m) => ({
      id: m.id,
      externalId: m.externalId,
      role: m.role,
      author: m.author,
      text: m.text,
      language: m.language ?? m.detected_language ?? null,
      sentAt: iso(m.sentAt),
      enrichment:
        m.sentiment || m.intent || m.detected_language
          ? {
              sentiment: m.sentiment
                ? { label: m.sentiment, score: m.sentiment_score, confidence: m.sentiment_confidence, ...(m.sentiment_probs ? { probs: m.sentiment_probs as SentimentProbabilities } : {}) }
                : null,
              intent: m.intent ? { label: m.intent, confidence: m.intent_confidence } : null,
              language: m.detected_language ? { code: m.detected_language, confidence: m.language_confidence } : null,
              needsReply: m.needs_reply,
              urgency: m.urgency,
              reasons: m.reasons ?? [],
              versions: m.versions ?? {},
              degraded: m.degraded ?? false,
              degradedReason: m.degraded_reason ?? null,
            }
          : null,
    })),
    summary: summary.rows[0] ? { ...summary.rows[0], updatedAt: iso(summary.rows[0].updatedAt) } : null,
  }
}
