// Helpdesk connections and what crosses their boundary: inbound receipts (replay guard), the audit of
// refusals and write-backs, automatic draft runs and the private notes posted back.
import type { Queryable } from './db.ts'

export interface ChatwootOptions {
  postNotes: boolean
  applyLabels: boolean
}

export interface ConnectionRow {
  id: string
  workspaceId: string
  kind: 'chatwoot'
  baseUrl: string
  accountId: number
  /** Sealed JSON of { apiAccessToken, webhookSecret }; opened only where a secret is used. */
  secrets: string
  options: ChatwootOptions
  lastSyncedAt: string | null
  createdAt: string
  updatedAt: string
}

const CONNECTION_COLUMNS = `id, workspace_id AS "workspaceId", kind, base_url AS "baseUrl", account_id AS "accountId", secrets, options,
  last_synced_at AS "lastSyncedAt", created_at AS "createdAt", updated_at AS "updatedAt"`

export function connectionsRepo(db: Queryable) {
  return {
    async create(workspaceId: string, c: { baseUrl: string; accountId: number; secrets: string; options: ChatwootOptions }): Promise<ConnectionRow> {
      const { rows } = await db.query<ConnectionRow>(
        `INSERT INTO integration_connections (workspace_id, kind, base_url, account_id, secrets, options)
         VALUES ($1, 'chatwoot', $2, $3, $4, $5) RETURNING ${CONNECTION_COLUMNS}`,
        [workspaceId, c.baseUrl, c.accountId, c.secrets, JSON.stringify(c.options)],
      )
      return rows[0]
    },

    async list(workspaceId: string): Promise<ConnectionRow[]> {
      const { rows } = await db.query<ConnectionRow>(
        `SELECT ${CONNECTION_COLUMNS} FROM integration_connections WHERE workspace_id = $1 ORDER BY created_at`,
        [workspaceId],
      )
      return rows
    },

    async get(workspaceId: string, id: string): Promise<ConnectionRow | undefined> {
      const { rows } = await db.query<ConnectionRow>(
        `SELECT ${CONNECTION_COLUMNS} FROM integration_connections WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      )
      return rows[0]
    },

    /**
     * The one lookup without a workspace: an inbound webhook or the dashboard page carries only the
     * connection id, and its signature (checked right after) is what proves which workspace it is.
     */
    async forInbound(id: string): Promise<ConnectionRow | undefined> {
      const { rows } = await db.query<ConnectionRow>(`SELECT ${CONNECTION_COLUMNS} FROM integration_connections WHERE id = $1`, [id])
      return rows[0]
    },

    async update(workspaceId: string, id: string, patch: { baseUrl?: string; accountId?: number; secrets?: string; options?: ChatwootOptions }) {
      const { rows } = await db.query<ConnectionRow>(
        `UPDATE integration_connections SET base_url = coalesce($3, base_url), account_id = coalesce($4, account_id),
           secrets = coalesce($5, secrets), options = coalesce($6::jsonb, options), updated_at = now()
         WHERE workspace_id = $1 AND id = $2 RETURNING ${CONNECTION_COLUMNS}`,
        [workspaceId, id, patch.baseUrl ?? null, patch.accountId ?? null, patch.secrets ?? null, patch.options ? JSON.stringify(patch.options) : null],
      )
      return rows[0]
    },

    async remove(workspaceId: string, id: string): Promise<boolean> {
      const res = await db.query(`DELETE FROM integration_connections WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
      return res.rowCount > 0
    },

    async markSynced(workspaceId: string, id: string, at: Date) {
      await db.query(`UPDATE integration_connections SET last_synced_at = $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, at.toISOString()])
    },

    /** Connections of every workspace, for the periodic catch-up. */
    async allForSync(): Promise<Array<{ id: string; workspaceId: string }>> {
      const { rows } = await db.query<{ id: string; workspaceId: string }>(`SELECT id, workspace_id AS "workspaceId" FROM integration_connections ORDER BY id`)
      return rows
    },
  }
}

export function receiptsRepo(db: Queryable) {
  return {
    /** False when this delivery id was accepted before: a replay. */
    async accept(workspaceId: string, connectionId: string, deliveryId: string): Promise<boolean> {
      const res = await db.query(
        `INSERT INTO integration_receipts (workspace_id, connection_id, delivery_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [workspaceId, connectionId, deliveryId],
      )
      return res.rowCount > 0
    },

    async purgeOlderThan(workspaceId: string, hours: number) {
      await db.query(`DELETE FROM integration_receipts WHERE workspace_id = $1 AND received_at < now() - make_interval(hours => $2)`, [workspaceId, hours])
    },
  }
}

export type AuditEvent = 'dashboard_feedback' | 'signature_rejected' | 'stale_timestamp' | 'replayed_delivery' | 'note_posted' | 'note_failed' | 'labels_applied' | 'sync_done'

export function integrationAuditRepo(db: Queryable) {
  return {
    async record(workspaceId: string, connectionId: string | null, event: AuditEvent, detail: Record<string, unknown> = {}) {
      await db.query(`INSERT INTO integration_audit (workspace_id, connection_id, event, detail) VALUES ($1, $2, $3, $4)`, [
        workspaceId, connectionId, event, JSON.stringify(detail),
      ])
    },

    async list(workspaceId: string, connectionId: string, limit = 100) {
      const { rows } = await db.query<{ event: AuditEvent; detail: Record<string, unknown>; createdAt: string }>(
        `SELECT event, detail, created_at AS "createdAt" FROM integration_audit WHERE workspace_id = $1 AND connection_id = $2
         ORDER BY id DESC LIMIT $3`,
        [workspaceId, connectionId, limit],
      )
      return rows
    },
  }
}

/** Where a stored conversation came from in Chatwoot (kept in its metadata by the mapper). */
export interface ChatwootOrigin {
  connectionId: string
  accountId: number
  conversationId: number
  labels?: string[]
}

export interface DraftCandidate {
  messageId: string
  conversationId: string
  needsReply: boolean
  origin: ChatwootOrigin | null
}

export function autoDraftsRepo(db: Queryable) {
  return {
    /**
     * Customer messages of this batch that are the latest message of their conversation, recent, and
     * classified as needing a reply: what a person would answer next. Old history pulled in by a sync
     * or an import is left alone.
     */
    async candidates(workspaceId: string, messageIds: string[], maxAgeHours: number): Promise<DraftCandidate[]> {
      if (messageIds.length === 0) return []
      const { rows } = await db.query<DraftCandidate>(
        `SELECT m.id AS "messageId", m.conversation_id AS "conversationId", coalesce(e.needs_reply, false) AS "needsReply",
                c.metadata->'chatwoot' AS origin
         FROM messages m
         JOIN conversations c ON c.id = m.conversation_id AND c.workspace_id = $1
         LEFT JOIN enrichments e ON e.message_id = m.id
         WHERE m.workspace_id = $1 AND m.id = ANY($2::uuid[]) AND m.role = 'customer' AND m.text <> ''
           AND m.sent_at > now() - make_interval(hours => $3)
           AND NOT EXISTS (SELECT 1 FROM messages later WHERE later.conversation_id = m.conversation_id
                             AND later.workspace_id = $1 AND (later.sent_at, later.id) > (m.sent_at, m.id))`,
        [workspaceId, messageIds, maxAgeHours],
      )
      return rows
    },

    /** True for the first caller only: one draft run per customer message. */
    async claim(workspaceId: string, messageId: string): Promise<boolean> {
      const res = await db.query(`INSERT INTO auto_drafts (workspace_id, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [workspaceId, messageId])
      return res.rowCount > 0
    },

    async get(workspaceId: string, messageId: string) {
      const { rows } = await db.query<{ status: 'pending' | 'drafted' | 'skipped'; suggestionIds: string[]; note: string | null }>(
        `SELECT status, suggestion_ids AS "suggestionIds", note FROM auto_drafts WHERE workspace_id = $1 AND message_id = $2`,
        [workspaceId, messageId],
      )
      return rows[0]
    },

    /** `note`: what the suggester said of the drafts as a whole (see ReplyResult.note). */
    async finish(workspaceId: string, messageId: string, status: 'drafted' | 'skipped', suggestionIds: string[], note: string | null = null) {
      await db.query(`UPDATE auto_drafts SET status = $3, suggestion_ids = $4::uuid[], note = $5 WHERE workspace_id = $1 AND message_id = $2`, [
        workspaceId, messageId, status, suggestionIds, note,
      ])
    },
  }
}

export function chatwootNotesRepo(db: Queryable) {
  return {
    /** True for the first caller only: one note per customer message and connection. */
    async claim(workspaceId: string, connectionId: string, messageId: string): Promise<boolean> {
      const res = await db.query(
        `INSERT INTO chatwoot_notes (workspace_id, connection_id, message_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [workspaceId, connectionId, messageId],
      )
      return res.rowCount > 0
    },

    async get(workspaceId: string, connectionId: string, messageId: string) {
      const { rows } = await db.query<{ status: string; chatwootMessageId: string | null }>(
        `SELECT status, chatwoot_message_id::text AS "chatwootMessageId" FROM chatwoot_notes
         WHERE workspace_id = $1 AND connection_id = $2 AND message_id = $3`,
        [workspaceId, connectionId, messageId],
      )
      return rows[0]
    },

    async finish(workspaceId: string, connectionId: string, messageId: string, status: 'posted' | 'skipped' | 'failed', chatwootMessageId: number | null) {
      await db.query(
        `UPDATE chatwoot_notes SET status = $4, chatwoot_message_id = $5, updated_at = now()
         WHERE workspace_id = $1 AND connection_id = $2 AND message_id = $3`,
        [workspaceId, connectionId, messageId, status, chatwootMessageId],
      )
    },

    /** Chatwoot ids of the notes Parley posted: when they come back as webhooks they are not ingested. */
    async isOwnNote(workspaceId: string, connectionId: string, chatwootMessageId: number): Promise<boolean> {
      const { rows } = await db.query(
        `SELECT 1 FROM chatwoot_notes WHERE workspace_id = $1 AND connection_id = $2 AND chatwoot_message_id = $3 LIMIT 1`,
        [workspaceId, connectionId, chatwootMessageId],
      )
      return rows.length > 0
    },
  }
}

/** Jobs scheduled for later (run_after), as summaries and themes do; the queue itself is store/jobs.ts. */
export async function enqueueJobAt(db: Queryable, workspaceId: string | null, kind: string, payload: Record<string, unknown>, runAfter: Date, maxAttempts = 5) {
  await db.query(`INSERT INTO jobs (workspace_id, kind, payload, run_after, max_attempts) VALUES ($1, $2, $3, $4, $5)`, [
    workspaceId, kind, JSON.stringify(payload), runAfter.toISOString(), maxAttempts,
  ])
}

/** Reads the integrations need about stored messages, drafts and enrichments (and what conversation.enriched told, markNotified). */
export function integrationReadsRepo(db: Queryable) {
  return {
    /** Of these ids, the messages with text: attachment-only ones are stored but not enriched. */
    async withText(workspaceId: string, messageIds: string[]): Promise<string[]> {
      if (messageIds.length === 0) return []
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM messages WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND text <> ''`, [workspaceId, messageIds])
      return rows.map((r) => r.id)
    },

    async enrichmentOf(workspaceId: string, messageId: string) {
      const { rows } = await db.query<{ sentiment: string | null; intent: string | null; urgency: string | null; needsReply: boolean | null }>(
        `SELECT sentiment, intent, urgency, needs_reply AS "needsReply" FROM enrichments WHERE workspace_id = $1 AND message_id = $2`,
        [workspaceId, messageId],
      )
      return rows[0]
    },

    async drafts(workspaceId: string, ids: string[]) {
      if (ids.length === 0) return []
      const { rows } = await db.query<{ id: string; text: string; approach: string; confidence: number; sources: Array<{ type: string; title?: string; excerpt: string }>; claims: string[]; repeats: string[] }>(
        `SELECT id, text, approach, confidence, sources, claims, repeats FROM suggestions WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY confidence DESC, id`,
        [workspaceId, ids],
      )
      return rows
    },

    /** Enrichments of a batch, per conversation, for conversation.enriched. */
    async enrichedSummary(workspaceId: string, messageIds: string[]) {
      if (messageIds.length === 0) return []
      const { rows } = await db.query<{
        conversationId: string; externalId: string; channel: string; messageId: string; messageExternalId: string; role: string
        sentiment: string | null; intent: string | null; needsReply: boolean | null; urgency: string | null; language: string | null; notifiedLabels: string | null
      }>(
        `SELECT c.id AS "conversationId", c.external_id AS "externalId", c.channel, m.id AS "messageId", m.external_id AS "messageExternalId", m.role,
                e.sentiment, e.intent, e.needs_reply AS "needsReply", e.urgency, e.language, e.notified_labels AS "notifiedLabels"
         FROM messages m JOIN conversations c ON c.id = m.conversation_id AND c.workspace_id = $1
         LEFT JOIN enrichments e ON e.message_id = m.id
         WHERE m.workspace_id = $1 AND m.id = ANY($2::uuid[]) ORDER BY c.id, m.sent_at`,
        [workspaceId, messageIds],
      )
      return rows
    },

    /** Records the labels conversation.enriched subscribers were told, per message (see migration 020). */
    async markNotified(workspaceId: string, told: Array<{ messageId: string; labels: string }>) {
      if (told.length === 0) return
      await db.query(
        `UPDATE enrichments e SET notified_labels = t.labels FROM json_to_recordset($2::json) AS t(message_id uuid, labels text)
         WHERE e.message_id = t.message_id AND e.workspace_id = $1`,
        [workspaceId, JSON.stringify(told.map((t) => ({ message_id: t.messageId, labels: t.labels })))],
      )
    },

    async conversationByExternalId(workspaceId: string, externalId: string): Promise<string | undefined> {
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 AND external_id = $2 LIMIT 1`, [workspaceId, externalId])
      return rows[0]?.id
    },

    /** The drafts of the conversation's latest automatic draft run, and its note. */
    async latestDraftRun(workspaceId: string, conversationId: string): Promise<{ ids: string[]; note: string | null }> {
      const { rows } = await db.query<{ ids: string[]; note: string | null }>(
        `SELECT a.suggestion_ids AS ids, a.note FROM auto_drafts a JOIN messages m ON m.id = a.message_id AND m.workspace_id = $1
         WHERE a.workspace_id = $1 AND m.conversation_id = $2 AND a.status = 'drafted' ORDER BY m.sent_at DESC LIMIT 1`,
        [workspaceId, conversationId],
      )
      return rows[0] ?? { ids: [], note: null }
    },

    async conversationOriginOfMessage(workspaceId: string, messageId: string): Promise<ChatwootOrigin | null> {
      const { rows } = await db.query<{ origin: ChatwootOrigin | null }>(
        `SELECT c.metadata->'chatwoot' AS origin FROM messages m JOIN conversations c ON c.id = m.conversation_id AND c.workspace_id = $1
         WHERE m.workspace_id = $1 AND m.id = $2`,
        [workspaceId, messageId],
      )
      return rows[0]?.origin ?? null
    },
  }
}
