// SQL behind reply retrieval (chains/replies/retrieve.ts): customer messages of other conversations
// that resemble the one being answered, and the agent reply that followed each of them.
import type { Db } from './db.ts'
import { searchSimilar, type SearchHit } from './embeddings.ts'
import { HNSW_ITERATIVE_SCAN, REPLY_CANDIDATE_EF_SEARCH } from './search-tuning.ts'

/** The first agent message after a past customer message, in the same conversation. */
export interface NextAgentReplyRow {
  customerMessageId: string
  id: string
  conversationId: string
  text: string
  language: string | null
  handle: string | null
  name: string | null
}

export function replyRetrievalRepo(db: Db) {
  return {
    /** The `k` customer messages most similar to `vector`, none from `excludeConversationId`. */
    async similarCustomerMessages(workspaceId: string, model: string, vector: Float32Array, k: number, excludeConversationId: string): Promise<SearchHit[]> {
      // Iterative index scans keep HNSW fast while the role/conversation filters discard neighbours.
      return db.transaction(async (tx) => {
        await tx.query(`SET LOCAL hnsw.ef_search = ${REPLY_CANDIDATE_EF_SEARCH}`)
        await tx.query(`SET LOCAL hnsw.iterative_scan = ${HNSW_ITERATIVE_SCAN}`)
        return searchSimilar(tx, workspaceId, model, vector, k, { role: 'customer', excludeConversationId })
      })
    },

    /** For each customer message that got one, the agent reply that followed it (with its language and customer). */
    async nextAgentReplies(workspaceId: string, customerMessageIds: string[]): Promise<NextAgentReplyRow[]> {
      const { rows } = await db.query<NextAgentReplyRow>(
        `SELECT h.id AS "customerMessageId", r.id, r.conversation_id AS "conversationId", r.text,
                coalesce(r.language, en.language) AS language, c.customer_handle AS handle, c.customer_name AS name
         FROM unnest($2::uuid[]) AS h(id)
         JOIN messages cm ON cm.id = h.id AND cm.workspace_id = $1
         JOIN conversations c ON c.id = cm.conversation_id AND c.workspace_id = $1
         JOIN LATERAL (
           SELECT m.id, m.conversation_id, m.text, m.language FROM messages m
           WHERE m.workspace_id = $1 AND m.conversation_id = cm.conversation_id AND m.role = 'agent'
             AND (m.sent_at, m.id) > (cm.sent_at, cm.id)
           ORDER BY m.sent_at, m.id LIMIT 1) r ON true
         LEFT JOIN enrichments en ON en.message_id = r.id AND en.workspace_id = $1`,
        [workspaceId, customerMessageIds],
      )
      return rows
    },

    /** Removes a conversation that must never become a reply candidate (the eval's held-back pairs). */
    async removeConversation(workspaceId: string, conversationId: string): Promise<void> {
      await db.query(`DELETE FROM conversations WHERE workspace_id = $1 AND id = $2`, [workspaceId, conversationId])
    },
  }
}
