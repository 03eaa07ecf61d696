// Conversation summaries (table from 002) and the debounced jobs that refresh them.
import type { Queryable } from './db.ts'

export interface StoredSummary {
  conversationId: string
  summary: string
  wanted: string | null
  done: string | null
  open: string | null
  version: string
  degraded: boolean
  contentHash: string
  updatedAt: string
}

export interface DialogMessage {
  role: 'customer' | 'agent'
  text: string
  contentHash: string
  /** The speaker's name when the conversation is a transcript of named people (metadata.speakers = 'named'); else null. */
  speakerName: string | null
  /** The message's language, as ingest gave it or the classifier read it; null before either. */
  language: string | null
}

export function summariesRepo(db: Queryable) {
  /**
   * The conversations' messages in order, by conversation, in one read (a refresh of many
   * conversations costs a round trip, not one per conversation). A conversation not in the workspace
   * is absent; one without messages maps to [].
   */
  async function dialogs(workspaceId: string, conversationIds: string[]): Promise<Map<string, DialogMessage[]>> {
    const byConversation = new Map<string, DialogMessage[]>()
    if (conversationIds.length === 0) return byConversation
    const { rows } = await db.query<Omit<DialogMessage, 'speakerName'> & { conversationId: string; messageId: string | null; author: string | null; named: boolean }>(
      `SELECT c.id AS "conversationId", m.id AS "messageId", m.role, m.author, m.text, m.content_hash AS "contentHash",
              coalesce(m.language, e.language) AS language, coalesce(c.metadata->>'speakers' = 'named', false) AS named
       FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id AND m.workspace_id = $1
       LEFT JOIN enrichments e ON e.message_id = m.id
       WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])
       ORDER BY c.id, m.sent_at, m.id`,
      [workspaceId, conversationIds],
    )
    for (const r of rows) {
      let dialog = byConversation.get(r.conversationId)
      if (!dialog) byConversation.set(r.conversationId, (dialog = []))
      if (r.messageId !== null) dialog.push({ role: r.role, text: r.text, contentHash: r.contentHash, speakerName: r.named ? r.author : null, language: r.language })
    }
    return byConversation
  }

  return {
    dialogs,

    /** Conversation ids by their external id (evals map dataset rows to stored conversations). */
    async idsByExternalId(workspaceId: string): Promise<Map<string, string>> {
      const { rows } = await db.query<{ id: string; externalId: string }>(
        `SELECT id, external_id AS "externalId" FROM conversations WHERE workspace_id = $1`,
        [workspaceId],
      )
      return new Map(rows.map((r) => [r.externalId, r.id]))
    },

    async get(workspaceId: string, conversationId: string): Promise<StoredSummary | undefined> {
      const { rows } = await db.query<StoredSummary>(
        `SELECT conversation_id AS "conversationId", summary, wanted, done, open, version, degraded, content_hash AS "contentHash",
                updated_at AS "updatedAt"
         FROM conversation_summaries WHERE workspace_id = $1 AND conversation_id = $2`,
        [workspaceId, conversationId],
      )
      return rows[0] ? { ...rows[0], updatedAt: new Date(rows[0].updatedAt).toISOString() } : undefined
    },

    /** One conversation's messages in order; undefined when it is not in the workspace. */
    async dialog(workspaceId: string, conversationId: string): Promise<DialogMessage[] | undefined> {
      return (await dialogs(workspaceId, [conversationId])).get(conversationId)
    },

    /** What each stored summary was computed from (content hash and summariser version), by conversation. */
    async sources(workspaceId: string, conversationIds: string[]): Promise<Map<string, { contentHash: string; version: string }>> {
      if (conversationIds.length === 0) return new Map()
      const { rows } = await db.query<{ conversationId: string; contentHash: string; version: string }>(
        `SELECT conversation_id AS "conversationId", content_hash AS "contentHash", version FROM conversation_summaries
         WHERE workspace_id = $1 AND conversation_id = ANY($2::uuid[])`,
        [workspaceId, conversationIds],
      )
      return new Map(rows.map((r) => [r.conversationId, { contentHash: r.contentHash, version: r.version }]))
    },

    /** Conversations whose summary is missing, from another summariser version or older than the conversation; all of them with `force`. */
    async conversationsToSummarise(workspaceId: string, opts: { version: string; force: boolean; limit: number }): Promise<string[]> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT c.id FROM conversations c LEFT JOIN conversation_summaries cs ON cs.conversation_id = c.id
         WHERE c.workspace_id = $1 AND ($2::boolean OR cs.conversation_id IS NULL OR cs.version <> $3 OR cs.updated_at < c.updated_at)
         ORDER BY c.last_message_at DESC NULLS LAST LIMIT $4`,
        [workspaceId, opts.force, opts.version, opts.limit],
      )
      return rows.map((r) => r.id)
    },

    /**
     * Writes many summaries in one statement; a conversation not in the workspace is skipped, and so is
     * a summary of messages the conversation no longer has (its `contentHash`, dialogHash in
     * chains/summarize/service.ts, recomputed here from the stored messages). With two workers, or an
     * LLM call that takes seconds, the refresh of an older job could otherwise finish last and put the
     * summary of fewer messages over the newer one; the job of the newer message writes it instead.
     */
    async upsertMany(workspaceId: string, summaries: Array<Omit<StoredSummary, 'updatedAt'>>): Promise<void> {
      if (summaries.length === 0) return
      // The stored messages' hash is computed for the batch's conversations only, in one grouped pass: as
      // a subquery in the join, the planner hashed every conversation of the workspace (8k aggregates for
      // a 600-conversation chunk at 20k messages, most of enrichment's summary cost, growing with the store).
      // The rows travel as one JSON array (json_to_recordset), cheaper for PGlite than eight array parameters.
      const records = summaries.map((x) => ({
        conversation_id: x.conversationId, summary: x.summary, wanted: x.wanted, done: x.done, open: x.open, version: x.version,
        degraded: x.degraded, content_hash: x.contentHash,
      }))
      await db.query(
        `WITH u AS (
           SELECT * FROM json_to_recordset($2::json) AS u(conversation_id uuid, summary text, wanted text, done text, open text,
             version text, degraded boolean, content_hash text)),
         stored AS (
           SELECT m.conversation_id,
                  left(encode(sha256(convert_to(string_agg(m.content_hash, E'\n' ORDER BY m.sent_at, m.id), 'UTF8')), 'hex'), 32) AS content_hash
           FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id IN (SELECT conversation_id FROM u)
           GROUP BY m.conversation_id)
         INSERT INTO conversation_summaries (conversation_id, workspace_id, summary, wanted, done, open, version, degraded, content_hash)
         SELECT c.id, c.workspace_id, u.summary, u.wanted, u.done, u.open, u.version, u.degraded, u.content_hash
         FROM u JOIN conversations c ON c.id = u.conversation_id AND c.workspace_id = $1
         LEFT JOIN stored s ON s.conversation_id = c.id
         -- A conversation without messages hashes the empty string, as dialogHash does.
         WHERE u.content_hash = coalesce(s.content_hash, left(encode(sha256(''::bytea), 'hex'), 32))
         ON CONFLICT (conversation_id) DO UPDATE SET summary = excluded.summary, wanted = excluded.wanted, done = excluded.done,
           open = excluded.open, version = excluded.version, degraded = excluded.degraded, content_hash = excluded.content_hash,
           updated_at = now()`,
        [workspaceId, JSON.stringify(records)],
      )
    },

    /**
     * One pending refresh job per conversation: a conversation that changes again before its job ran
     * is summarised once, `delayMs` after the first change.
     */
    /**
     * Conversations, by workspace, whose summary an earlier version of the same summariser wrote
     * ("summarize-local@2" under "summarize-local@3"); a summary of another summariser is not its to redo.
     */
    async outdated(version: string): Promise<Map<string, string[]>> {
      const family = version.slice(0, version.indexOf('@') + 1)
      const { rows } = await db.query<{ workspaceId: string; conversationId: string }>(
        `SELECT workspace_id AS "workspaceId", conversation_id AS "conversationId" FROM conversation_summaries
         WHERE version <> $1 AND starts_with(version, $2) ORDER BY workspace_id, conversation_id`,
        [version, family],
      )
      const byWorkspace = new Map<string, string[]>()
      for (const r of rows) byWorkspace.set(r.workspaceId, [...(byWorkspace.get(r.workspaceId) ?? []), r.conversationId])
      return byWorkspace
    },

    async enqueueRefresh(workspaceId: string, conversationIds: string[], kind: string, delayMs: number): Promise<number> {
      if (conversationIds.length === 0) return 0
      const res = await db.query(
        `INSERT INTO jobs (workspace_id, kind, payload, run_after)
         SELECT $1, $2, jsonb_build_object('conversationId', c.id), now() + make_interval(secs => $4::float8 / 1000)
         FROM unnest($3::uuid[]) AS c(id)
         WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.workspace_id = $1 AND j.kind = $2 AND j.status = 'queued'
                           AND j.payload->>'conversationId' = c.id::text)`,
        [workspaceId, kind, conversationIds, delayMs],
      )
      return res.rowCount
    },
  }
}
