// The agents' inbox: conversations whose last message is the customer's come first (they await a
// reply), the most urgent and longest-waiting on top; the rest follow, most recent first.
import type { Queryable } from './db.ts'
import { iso } from './conversations.ts'

export interface InboxFilters {
  channel?: string
  language?: string
  sentiment?: string
  intent?: string
  /** A theme id: conversations with a customer message the weekly runs put in it (or in a theme merged into it). */
  theme?: string
  awaitingOnly?: boolean
}

export interface InboxItem {
  id: string
  channel: string
  externalId: string
  customer: { handle: string | null; name: string | null }
  status: string
  awaiting: boolean
  urgency: string | null
  waitingSince: string | null
  lastMessageAt: string | null
  lastText: string
  lastRole: string
  sentiment: string | null
  intent: string | null
  language: string | null
  messageCount: number
}

const URGENCY_RANK = `CASE x.urgency WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`

export async function listInbox(db: Queryable, workspaceId: string, filters: InboxFilters, limit: number, offset: number): Promise<{ items: InboxItem[]; total: number }> {
  const params: unknown[] = [workspaceId]
  const where: string[] = []
  const add = (clause: string, value: unknown) => {
    params.push(value)
    where.push(clause.replaceAll('?', `$${params.length}`))
  }
  if (filters.channel) add('x.channel = ?', filters.channel)
  if (filters.language) add('x.language = ?', filters.language)
  if (filters.sentiment) add('x.sentiment = ?', filters.sentiment)
  if (filters.intent) add('x.intent = ?', filters.intent)
  if (filters.theme) {
    add(`EXISTS (SELECT 1 FROM theme_members tm WHERE tm.workspace_id = $1 AND tm.conversation_id = x.id AND tm.theme_id IN (
      WITH RECURSIVE family AS (
        SELECT t.id FROM themes t WHERE t.workspace_id = $1 AND t.id = ?::uuid
        UNION SELECT t.id FROM themes t JOIN family f ON t.merged_into = f.id WHERE t.workspace_id = $1)
      SELECT id FROM family))`, filters.theme)
  }
  if (filters.awaitingOnly) where.push('x.awaiting')
  params.push(limit, offset)
  const { rows } = await db.query<Record<string, any>>(
    `WITH last AS (
       SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.id, m.role, m.text, m.sent_at
       FROM messages m WHERE m.workspace_id = $1 ORDER BY m.conversation_id, m.sent_at DESC, m.id DESC
     ), last_agent AS (
       SELECT m.conversation_id, max(m.sent_at) AS at FROM messages m
       WHERE m.workspace_id = $1 AND m.role = 'agent' GROUP BY m.conversation_id
     ), pending AS (
       -- The customer messages after the last agent reply: what the agent has to answer.
       SELECT m.conversation_id, min(m.sent_at) AS since,
              max(CASE e.urgency WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 WHEN 'low' THEN 1 ELSE 0 END) AS rank
       FROM messages m LEFT JOIN last_agent a ON a.conversation_id = m.conversation_id
       LEFT JOIN enrichments e ON e.message_id = m.id AND e.workspace_id = $1
       WHERE m.workspace_id = $1 AND m.role = 'customer' AND (a.at IS NULL OR m.sent_at > a.at)
       GROUP BY m.conversation_id
     ), x AS (
       SELECT c.id, c.channel, c.external_id, c.customer_handle, c.customer_name, c.status, c.last_message_at,
              l.text AS last_text, l.role AS last_role, (l.role = 'customer') AS awaiting,
              CASE WHEN l.role = 'customer' THEN p.since END AS waiting_since,
              CASE p.rank WHEN 4 THEN 'critical' WHEN 3 THEN 'high' WHEN 2 THEN 'normal' WHEN 1 THEN 'low' ELSE 'none' END AS urgency,
              e.sentiment, e.intent, e.language,
              (SELECT count(*)::int FROM messages mm WHERE mm.conversation_id = c.id AND mm.workspace_id = $1) AS message_count
       FROM conversations c JOIN last l ON l.conversation_id = c.id
       LEFT JOIN pending p ON p.conversation_id = c.id
       LEFT JOIN LATERAL (
         SELECT e.sentiment, e.intent, e.language FROM messages m JOIN enrichments e ON e.message_id = m.id
         WHERE m.conversation_id = c.id AND m.workspace_id = $1 AND m.role = 'customer'
         ORDER BY m.sent_at DESC LIMIT 1) e ON true
       WHERE c.workspace_id = $1
     )
     SELECT x.*, count(*) OVER ()::int AS total FROM x
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY x.awaiting DESC, ${URGENCY_RANK} DESC, x.waiting_since ASC NULLS LAST, x.last_message_at DESC NULLS LAST, x.id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      externalId: r.external_id,
      customer: { handle: r.customer_handle, name: r.customer_name },
      status: r.status,
      awaiting: r.awaiting,
      urgency: r.awaiting ? r.urgency : null,
      waitingSince: iso(r.waiting_since),
      lastMessageAt: iso(r.last_message_at),
      lastText: String(r.last_text).slice(0, 200),
      lastRole: r.last_role,
      sentiment: r.sentiment,
      intent: r.intent,
      language: r.language,
      messageCount: r.message_count,
    })),
  }
}

/** ISO weeks (Monday-based, UTC) that have customer messages, latest first. */
export async function weeksWithData(db: Queryable, workspaceId: string): Promise<Array<{ week: string; messages: number }>> {
  const { rows } = await db.query<{ week: string; messages: number }>(
    `SELECT to_char(m.sent_at AT TIME ZONE 'UTC', 'IYYY-"W"IW') AS week, count(*)::int AS messages
     FROM messages m WHERE m.workspace_id = $1 AND m.role = 'customer' GROUP BY 1 ORDER BY 1 DESC`,
    [workspaceId],
  )
  return rows
}
