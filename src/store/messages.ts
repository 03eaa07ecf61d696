// Messages as the enrichment pipeline reads them. Every query is scoped by workspace: a job names its
// workspace, and a message id from one workspace never reads another's rows.
import type { Queryable } from './db.ts'

/** A changed message handed to each enrichment stage. */
export interface StageMessage {
  id: string
  workspaceId: string
  conversationId: string
  role: 'customer' | 'agent'
  text: string
  language: string | null
  sentAt: string
  contentHash: string
}

/** One message of a conversation, in order, with the conversation's channel. */
export interface ConversationTurnRow {
  id: string
  role: string
  channel: string
  conversationId: string
  text: string
  language: string | null
}

export async function loadStageMessages(db: Queryable, workspaceId: string, ids: string[]): Promise<StageMessage[]> {
  if (ids.length === 0) return []
  const { rows } = await db.query<StageMessage>(
    `SELECT id, workspace_id AS "workspaceId", conversation_id AS "conversationId", role, text, language,
            sent_at AS "sentAt", content_hash AS "contentHash"
     FROM messages WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY conversation_id, sent_at`,
    [workspaceId, ids],
  )
  return rows
}

/** Every message of the conversations, ordered within each conversation (sent_at, then id). */
export async function conversationTurns(db: Queryable, workspaceId: string, conversationIds: string[]): Promise<ConversationTurnRow[]> {
  const { rows } = await db.query<ConversationTurnRow>(
    `SELECT m.id, m.role, c.channel, m.conversation_id AS "conversationId", m.text, m.language FROM messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.workspace_id = $1 AND c.workspace_id = $1 AND m.conversation_id = ANY($2::uuid[])
     ORDER BY m.conversation_id, m.sent_at, m.id`,
    [workspaceId, conversationIds],
  )
  return rows
}

export async function customerMessageIds(db: Queryable, workspaceId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM messages WHERE workspace_id = $1 AND role = 'customer' ORDER BY id`, [workspaceId])
  return rows.map((r) => r.id)
}
