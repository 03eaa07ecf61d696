// SQL behind reply retrieval (chains/replies/retrieve.ts): customer messages of other conversations
// that resemble the one being answered, and the agent reply that followed each of them.
import { toVectorLiteral, type Db } from './db.ts'
import { modelLiteral, searchSimilar, type SearchHit } from './embeddings.ts'
import { REPLY_CANDIDATE_PROBES } from './search-tuning.ts'

/** The first agent message after a past customer message, in the same conversation. */
export interface NextAgentReplyRow {
  customerMessageId: string
  id: string
  conversationId: string
  text: string
  language: string | null
  handle: string | null
  name: string | null
  /** Cosine of the message before the customer message to the `before` vector asked about (null without one). */
  contextScore: number | null
  /** What the classifier read the past customer message as about (its stored intent). */
  customerIntent: string | null
}

export function replyRetrievalRepo(db: Db) {
  return {
    /** The `k` customer messages most similar to `vector`, none from `excludeConversationId` (and only in `language` when given). */
    async similarCustomerMessages(workspaceId: string, model: string, vector: Float32Array, k: number, excludeConversationId: string, language?: string): Promise<SearchHit[]> {
      // Searched deeper than a plain search (SET LOCAL in its transaction): which past replies a draft
      // reuses must not change with the index's random lists (see REPLY_CANDIDATE_PROBES). The session's
      // iterative scan probes further still when the filters leave fewer than k rows.
      return db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('ivfflat.probes', $1, true)`, [String(REPLY_CANDIDATE_PROBES)])
        return searchSimilar(tx, workspaceId, model, vector, k, { role: 'customer', excludeConversationId, ...(language ? { language } : {}) })
      })
    },

    /**
     * Customer messages written right after the `k` agent messages most like `before` (the agent turn this
     * customer answers; those under its `minScore` are no same stage), scored against `vector` as
     * similarCustomerMessages scores: past cases found by where they stood, not by what their customer
     * said. "Es ana.lopez@…, los dos cobros fueron el día 3" shares few words with "Es d.ortega@example.com",
     * though both answer "¿Nos envías el email de tu cuenta y la fecha de los dos cargos?", and that case's
     * next reply was not among the candidates at all.
     */
    async customerMessagesAtStage(workspaceId: string, model: string, vector: Float32Array, before: { vector: Float32Array; minScore: number }, k: number, excludeConversationId: string): Promise<SearchHit[]> {
      return db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('ivfflat.probes', $1, true)`, [String(REPLY_CANDIDATE_PROBES)])
        const asked = (await searchSimilar(tx, workspaceId, model, before.vector, k, { role: 'agent', excludeConversationId })).filter((h) => h.score >= before.minScore)
        if (asked.length === 0) return []
        const { rows } = await tx.query<{ id: string }>(
          `SELECT n.id FROM unnest($2::uuid[]) AS a(id)
           JOIN messages am ON am.id = a.id AND am.workspace_id = $1
           JOIN LATERAL (
             SELECT m.id, m.role FROM messages m
             WHERE m.workspace_id = $1 AND m.conversation_id = am.conversation_id AND (m.sent_at, m.id) > (am.sent_at, am.id)
             ORDER BY m.sent_at, m.id LIMIT 1) n ON n.role = 'customer'`,
          [workspaceId, asked.map((h) => h.messageId)],
        )
        if (rows.length === 0) return []
        return searchSimilar(tx, workspaceId, model, vector, rows.length, { role: 'customer', messageIds: rows.map((r) => r.id) }, { exact: true })
      })
    },

    /**
     * For each customer message that got one, the agent reply that followed it (with its language and
     * customer), and with `before` (a vector of `model`) how close the message just before that customer
     * message is to it: where the past case stood when the customer wrote (0 when it opened the conversation).
     */
    async nextAgentReplies(workspaceId: string, customerMessageIds: string[], before?: { model: string; vector: Float32Array }): Promise<NextAgentReplyRow[]> {
      const beforeScore = before
        ? `coalesce((SELECT 1 - (e.embedding <=> $3::vector) FROM messages p
             JOIN message_embeddings e ON e.message_id = p.id AND e.workspace_id = $1 AND e.model = ${modelLiteral(before.model)}
             WHERE p.workspace_id = $1 AND p.conversation_id = cm.conversation_id AND (p.sent_at, p.id) < (cm.sent_at, cm.id)
             ORDER BY p.sent_at DESC, p.id DESC LIMIT 1), 0)`
        : 'NULL::float8'
      const { rows } = await db.query<NextAgentReplyRow>(
        `SELECT h.id AS "customerMessageId", r.id, r.conversation_id AS "conversationId", r.text,
                coalesce(r.language, en.language) AS language, c.customer_handle AS handle, c.customer_name AS name,
                ${beforeScore} AS "contextScore", ce.intent AS "customerIntent"
         FROM unnest($2::uuid[]) AS h(id)
         JOIN messages cm ON cm.id = h.id AND cm.workspace_id = $1
         JOIN conversations c ON c.id = cm.conversation_id AND c.workspace_id = $1
         JOIN LATERAL (
           SELECT m.id, m.conversation_id, m.text, m.language FROM messages m
           WHERE m.workspace_id = $1 AND m.conversation_id = cm.conversation_id AND m.role = 'agent'
             AND (m.sent_at, m.id) > (cm.sent_at, cm.id)
           ORDER BY m.sent_at, m.id LIMIT 1) r ON true
         LEFT JOIN enrichments en ON en.message_id = r.id AND en.workspace_id = $1
         LEFT JOIN enrichments ce ON ce.message_id = cm.id AND ce.workspace_id = $1`,
        before ? [workspaceId, customerMessageIds, toVectorLiteral(before.vector)] : [workspaceId, customerMessageIds],
      )
      return rows.map((r) => ({ ...r, contextScore: r.contextScore === null || !Number.isFinite(Number(r.contextScore)) ? null : Number(r.contextScore) }))
    },

    /** Per customer message, what its customer wrote before it in that conversation, oldest first (absent when it opened it). */
    async earlierCustomerTexts(workspaceId: string, customerMessageIds: string[]): Promise<Map<string, string>> {
      if (customerMessageIds.length === 0) return new Map()
      const { rows } = await db.query<{ id: string; text: string }>(
        `SELECT h.id, string_agg(p.text, E'\n' ORDER BY p.sent_at, p.id) AS text
         FROM unnest($2::uuid[]) AS h(id)
         JOIN messages cm ON cm.id = h.id AND cm.workspace_id = $1
         JOIN messages p ON p.workspace_id = $1 AND p.conversation_id = cm.conversation_id AND p.role = 'customer' AND (p.sent_at, p.id) < (cm.sent_at, cm.id)
         GROUP BY h.id`,
        [workspaceId, customerMessageIds],
      )
      return new Map(rows.map((r) => [r.id, r.text]))
    },

    /** Removes a conversation that must never become a reply candidate (the eval's held-back pairs). */
    async removeConversation(workspaceId: string, conversationId: string): Promise<void> {
      await db.query(`DELETE FROM conversations WHERE workspace_id = $1 AND id = $2`, [workspaceId, conversationId])
    },
  }
}
