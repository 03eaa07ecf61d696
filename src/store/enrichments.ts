import type { Queryable } from './db.ts'

/** `uncertain`: the classifier could not back a class (its probabilities are still stored). */
export type StoredSentiment = 'negative' | 'neutral' | 'positive' | 'uncertain'
/** Calibrated class probabilities behind a sentiment label, summing to 1 (column `sentiment_probs`). */
export interface SentimentProbabilities { negative: number; neutral: number; positive: number }

export interface EnrichmentRow {
  messageId: string
  workspaceId: string
  sentiment: StoredSentiment | null
  sentimentScore: number | null
  sentimentConfidence: number | null
  sentimentProbs: SentimentProbabilities | null
  intent: string | null
  intentConfidence: number | null
  /** The intent classifier's own probabilities of its likeliest classes (column `intent_probs`), when it gives them. */
  intentProbs?: Record<string, number> | null
  language: string | null
  languageConfidence: number | null
  needsReply: boolean | null
  urgency: string | null
  reasons: string[]
  versions: Record<string, string>
  degraded: boolean
  degradedReason: string | null
  contentHash: string
}

/**
 * Writes many enrichments in one statement. A row classified from content the message no longer has is
 * skipped: when two jobs of the same message run at once (two workers), the older one finishing last
 * must not leave a stale classification that the backlog would count forever. The check looks each
 * message up by its key (LATERAL … LIMIT 1 keeps the planner from hashing the whole messages table
 * for every 2k-row chunk, a cost that grew with the store).
 */
export async function upsertEnrichments(db: Queryable, rows: EnrichmentRow[]): Promise<void> {
  if (rows.length === 0) return
  // The rows travel as one JSON array read by json_to_recordset: eighteen array parameters cost PGlite
  // about half the statement (serialising and parsing array literals), one JSON text a fifth of that.
  const records = rows.map((r) => ({
    message_id: r.messageId, workspace_id: r.workspaceId, sentiment: r.sentiment, sentiment_score: r.sentimentScore,
    sentiment_confidence: r.sentimentConfidence, intent: r.intent, intent_confidence: r.intentConfidence, language: r.language,
    language_confidence: r.languageConfidence, needs_reply: r.needsReply, urgency: r.urgency, reasons: r.reasons,
    versions: JSON.stringify(r.versions), degraded: r.degraded, degraded_reason: r.degradedReason, content_hash: r.contentHash,
    sentiment_probs: r.sentimentProbs ? JSON.stringify(r.sentimentProbs) : null, intent_probs: r.intentProbs ? JSON.stringify(r.intentProbs) : null,
  }))
  await db.query(
    `INSERT INTO enrichments AS e (message_id, workspace_id, sentiment, sentiment_score, sentiment_confidence, intent,
       intent_confidence, language, language_confidence, needs_reply, urgency, reasons, versions, degraded, degraded_reason, content_hash,
       sentiment_probs, intent_probs)
     SELECT u.message_id, u.workspace_id, u.sentiment, u.sentiment_score, u.sentiment_confidence, u.intent, u.intent_confidence,
       u.language, u.language_confidence, u.needs_reply, u.urgency, coalesce(u.reasons, '{}'), u.versions::jsonb,
       u.degraded, u.degraded_reason, u.content_hash, u.sentiment_probs::jsonb, u.intent_probs::jsonb
     FROM json_to_recordset($1::json) AS u(message_id uuid, workspace_id uuid, sentiment text, sentiment_score real,
       sentiment_confidence real, intent text, intent_confidence real, language text, language_confidence real, needs_reply boolean,
       urgency text, reasons text[], versions text, degraded boolean, degraded_reason text, content_hash text, sentiment_probs text,
       intent_probs text)
     JOIN LATERAL (SELECT 1 FROM messages m WHERE m.id = u.message_id AND m.workspace_id = u.workspace_id AND m.content_hash = u.content_hash
                   LIMIT 1) current ON true
     ON CONFLICT (message_id) DO UPDATE SET
       sentiment = excluded.sentiment, sentiment_score = excluded.sentiment_score, sentiment_confidence = excluded.sentiment_confidence,
       sentiment_probs = excluded.sentiment_probs, intent_probs = excluded.intent_probs,
       intent = excluded.intent, intent_confidence = excluded.intent_confidence, language = excluded.language,
       language_confidence = excluded.language_confidence, needs_reply = excluded.needs_reply, urgency = excluded.urgency,
       reasons = excluded.reasons, versions = excluded.versions, degraded = excluded.degraded,
       degraded_reason = excluded.degraded_reason, content_hash = excluded.content_hash, updated_at = now()`,
    [JSON.stringify(records)],
  )
}

/**
 * Messages, by workspace, that the local classifier labelled under a version other than `version`: after
 * an upgrade (labels from before `versions.classifier` existed have none). An LLM's labels
 * (`versions.classify`) are not the local classifier's to redo, and a label already marked stale is
 * already queued: a worker restarting before the relabelling finished queues nothing twice.
 */
export async function outdatedLocalClassifications(db: Queryable, version: string): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ workspaceId: string; ids: string[] }>(
    `SELECT workspace_id AS "workspaceId", array_agg(message_id ORDER BY message_id) AS ids FROM enrichments
     WHERE versions ->> 'classifier' IS DISTINCT FROM $1 AND NOT versions ? 'classify' AND content_hash <> ''
     GROUP BY workspace_id ORDER BY workspace_id`,
    [version],
  )
  return new Map(rows.map((r) => [r.workspaceId, r.ids]))
}

export type CorrectionField = 'sentiment' | 'intent'

/**
 * A human correction is the message's label from then on, with full confidence. The classifier's own
 * prediction is kept next to it (`predicted_*`, written at the first correction of the field only: a
 * later re-classification may have learnt from the correction itself), so the classifier's confusion
 * can be measured on corrected messages.
 */
export async function applyCorrection(db: Queryable, workspaceId: string, messageId: string, field: CorrectionField, label: string): Promise<void> {
  const keep = (column: string, from: string) =>
    `${column} = CASE WHEN ${column} IS NOT NULL OR versions ->> '${field}' = 'human' THEN ${column} ELSE ${from} END`
  const set = field === 'sentiment'
    ? `${keep('predicted_sentiment', 'sentiment')}, ${keep('predicted_sentiment_probs', 'sentiment_probs')},
       sentiment = $3, sentiment_confidence = 1, sentiment_score = CASE $3 WHEN 'positive' THEN 1 WHEN 'negative' THEN -1 ELSE 0 END,
       sentiment_probs = jsonb_build_object('negative', ($3 = 'negative')::int, 'neutral', ($3 = 'neutral')::int, 'positive', ($3 = 'positive')::int)`
    : `${keep('predicted_intent', 'intent')}, ${keep('predicted_intent_confidence', 'intent_confidence')}, intent = $3, intent_confidence = 1`
  // Every right-hand side reads the row as it was before this UPDATE: the prediction, not the correction.
  await db.query(
    `UPDATE enrichments SET ${set}, versions = versions || jsonb_build_object($4::text, 'human'), updated_at = now()
     WHERE workspace_id = $1 AND message_id = $2`,
    [workspaceId, messageId, label, field],
  )
}

/**
 * Forces re-classification of these messages (an empty hash never matches the message's): exactly the
 * ones re-queued with them. Marking others stale too (a taxonomy change once blanked agent messages,
 * which it does not re-queue) left them counted as unclassified for good.
 */
export async function markEnrichmentsStale(db: Queryable, workspaceId: string, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return
  await db.query(`UPDATE enrichments SET content_hash = '' WHERE workspace_id = $1 AND message_id = ANY($2::uuid[])`, [workspaceId, messageIds])
}

export function correctionsRepo(db: Queryable) {
  return {
    /** A later correction of the same field of the same message replaces the earlier one. */
    async upsert(workspaceId: string, messageId: string, field: CorrectionField, label: string, createdBy?: string) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO corrections (workspace_id, message_id, field, label, created_by)
         SELECT $1, m.id, $3, $4, $5 FROM messages m WHERE m.id = $2 AND m.workspace_id = $1
         ON CONFLICT (message_id, field) DO UPDATE SET label = excluded.label, created_by = excluded.created_by, created_at = now()
         RETURNING id`,
        [workspaceId, messageId, field, label, createdBy ?? null],
      )
      return rows[0]?.id
    },
    /** Corrected messages with their text: training examples for this workspace. */
    async examples(workspaceId: string, field: CorrectionField): Promise<Array<{ messageId: string; text: string; label: string }>> {
      const { rows } = await db.query<{ messageId: string; text: string; label: string }>(
        `SELECT c.message_id AS "messageId", m.text, c.label FROM corrections c JOIN messages m ON m.id = c.message_id AND m.workspace_id = c.workspace_id
         WHERE c.workspace_id = $1 AND c.field = $2 ORDER BY c.created_at`,
        [workspaceId, field],
      )
      return rows
    },
    async list(workspaceId: string, limit: number) {
      const { rows } = await db.query(
        `SELECT c.id, c.message_id AS "messageId", c.field, c.label, c.created_at AS "createdAt", m.text
         FROM corrections c JOIN messages m ON m.id = c.message_id AND m.workspace_id = c.workspace_id
         WHERE c.workspace_id = $1 ORDER BY c.created_at DESC LIMIT $2`,
        [workspaceId, limit],
      )
      return rows
    },
  }
}
