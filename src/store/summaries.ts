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
}

export function summariesRepo(db: Queryable) {
  return {
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

    /** The conversation's messages in order; undefined when it is not in the workspace. */
    async dialog(workspaceId: string, conversationId: string): Promise<DialogMessage[] | undefined> {
      const conv = await db.query<{ named: boolean }>(
        `SELECT coalesce(metadata->>'speakers' = 'named', false) AS named FROM conversations WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, conversationId],
      )
      if (conv.rows.length === 0) return undefined
      const { rows } = await db.query<Omit<DialogMessage, 'speakerName'> & { author: string | null }>(
        `SELECT role, author, text, content_hash AS "contentHash" FROM messages
         WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY sent_at, id`,
        [workspaceId, conversationId],
      )
      const named = conv.rows[0].named
      return rows.map(({ author, ...m }) => ({ ...m, speakerName: named ? author : null }))
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

    async upsert(workspaceId: string, s: Omit<StoredSummary, 'updatedAt'>): Promise<void> {
      await db.query(
        `INSERT INTO conversation_summaries (conversation_id, workspace_id, summary, wanted, done, open, version, degraded, content_hash)
         SELECT c.id, c.workspace_id, $3, $4, $5, $6, $7, $8, $9 FROM conversations c WHERE c.workspace_id = $1 AND c.id = $2
         ON CONFLICT (conversation_id) DO UPDATE SET summary = excluded.summary, wanted = excluded.wanted, done = excluded.done,
           open = excluded.open, version = excluded.version, degraded = excluded.degraded, content_hash = excluded.content_hash,
           updated_at = now()`,
        [workspaceId, s.conversationId, s.summary, s.wanted, s.done, s.open, s.version, s.degraded, s.contentHash],
      )
    },

    /**
     * One pending refresh job per conversation: a conversation that changes again before its job ran
     * is summarised once, `delayMs` after the first change.
     */
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
