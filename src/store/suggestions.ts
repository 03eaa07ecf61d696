// Suggested replies as shown to an agent, and what the agent did with them. Nothing here is ever sent
// to a customer: Parley drafts, people send.
import type { Queryable } from './db.ts'

export type FeedbackAction = 'accepted' | 'edited' | 'rejected'

export interface SuggestionSource {
  type: 'past_reply' | 'knowledge'
  id: string
  /** Knowledge sources: the article the passage comes from (the console opens it). */
  articleId?: string
  conversationId?: string
  messageId?: string
  title?: string
  score: number
  excerpt: string
}

export interface StoredDraft {
  text: string
  approach: string
  confidence: number
  sources: SuggestionSource[]
  /** What the draft was flagged for: actions stated as done the conversation did not show, steps told again. */
  claims: string[]
  repeats: string[]
}

export interface DraftBatch {
  conversationId: string
  messageId: string | null
  channel: string
  mode: 'local' | 'llm'
  language: string
  drafts: StoredDraft[]
}

export interface WeeklyFeedbackStats {
  week: string
  suggested: number
  withFeedback: number
  accepted: number
  edited: number
  rejected: number
  /** accepted / with feedback */
  acceptanceRate: number | null
  /** (accepted + edited) / with feedback: drafts that were sent in some form */
  usedRate: number | null
  /** Mean normalised edit distance of what was sent (accepted = 0, edited = its distance) */
  meanEditDistance: number | null
}

export function suggestionsRepo(db: Queryable) {
  return {
    async insert(workspaceId: string, batch: DraftBatch): Promise<string[]> {
      if (batch.drafts.length === 0) return []
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO suggestions (workspace_id, conversation_id, message_id, channel, mode, language, text, approach, confidence, sources, claims, repeats)
         SELECT $1, $2, $3, $4, $5, $6, u.text, u.approach, u.confidence, u.sources::jsonb, u.claims::jsonb, u.repeats::jsonb
         FROM unnest($7::text[], $8::text[], $9::real[], $10::text[], $11::text[], $12::text[]) WITH ORDINALITY AS u(text, approach, confidence, sources, claims, repeats, n)
         ORDER BY u.n
         RETURNING id`,
        [
          workspaceId, batch.conversationId, batch.messageId, batch.channel, batch.mode, batch.language,
          batch.drafts.map((d) => d.text), batch.drafts.map((d) => d.approach), batch.drafts.map((d) => d.confidence),
          batch.drafts.map((d) => JSON.stringify(d.sources)), batch.drafts.map((d) => JSON.stringify(d.claims)), batch.drafts.map((d) => JSON.stringify(d.repeats)),
        ],
      )
      return rows.map((r) => r.id)
    },

    async get(workspaceId: string, id: string) {
      const { rows } = await db.query<{ id: string; text: string; feedback: FeedbackAction | null; finalText: string | null; reason: string | null; conversationId: string }>(
        `SELECT id, text, feedback, final_text AS "finalText", feedback_reason AS reason, conversation_id AS "conversationId"
         FROM suggestions WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      )
      return rows[0]
    },

    /**
     * Records the first feedback on a suggestion; undefined when it already has one (or does not exist):
     * feedback is never overwritten, so an edited final is not lost to a later rejection.
     */
    async recordFeedback(workspaceId: string, id: string, action: FeedbackAction, finalText: string | null, editDistance: number | null, reason: string | null = null) {
      const { rows } = await db.query<{ id: string; feedback: FeedbackAction; finalText: string | null; editDistance: number | null; reason: string | null; feedbackAt: string }>(
        `UPDATE suggestions SET feedback = $3, final_text = $4, edit_distance = $5, feedback_reason = $6, feedback_at = now()
         WHERE workspace_id = $1 AND id = $2 AND feedback IS NULL
         RETURNING id, feedback, final_text AS "finalText", edit_distance AS "editDistance", feedback_reason AS reason, feedback_at AS "feedbackAt"`,
        [workspaceId, id, action, finalText, editDistance, reason],
      )
      return rows[0] ? { ...rows[0], feedbackAt: new Date(rows[0].feedbackAt).toISOString() } : undefined
    },

    /** The feedback already recorded on a suggestion, as recordFeedback returns it. */
    async feedbackOf(workspaceId: string, id: string) {
      const { rows } = await db.query<{ id: string; feedback: FeedbackAction | null; finalText: string | null; editDistance: number | null; reason: string | null; feedbackAt: string | null }>(
        `SELECT id, feedback, final_text AS "finalText", edit_distance AS "editDistance", feedback_reason AS reason, feedback_at AS "feedbackAt"
         FROM suggestions WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      )
      const r = rows[0]
      return r && r.feedback ? { ...r, feedback: r.feedback, feedbackAt: r.feedbackAt ? new Date(r.feedbackAt).toISOString() : null } : undefined
    },

    /** Accepted and edited finals written for these customer messages: candidates for the local path. */
    async finalsFor(workspaceId: string, messageIds: string[]) {
      if (messageIds.length === 0) return []
      const { rows } = await db.query<{ id: string; messageId: string; conversationId: string; text: string; language: string | null; handle: string | null; name: string | null }>(
        `SELECT s.id, s.message_id AS "messageId", s.conversation_id AS "conversationId", coalesce(s.final_text, s.text) AS text, s.language,
                c.customer_handle AS handle, c.customer_name AS name
         FROM suggestions s JOIN conversations c ON c.id = s.conversation_id AND c.workspace_id = $1
         WHERE s.workspace_id = $1 AND s.message_id = ANY($2::uuid[]) AND s.feedback IN ('accepted', 'edited')`,
        [workspaceId, messageIds],
      )
      return rows
    },

    /** Per ISO week (of the feedback, or of the suggestion for `suggested`), within [from, to). Each suggestion counts once, with its first (and only) feedback. */
    async weeklyStats(workspaceId: string, from?: string, to?: string): Promise<WeeklyFeedbackStats[]> {
      const { rows } = await db.query<Record<string, unknown>>(
        `WITH s AS (
           SELECT coalesce(feedback_at, created_at) AS at, feedback, edit_distance FROM suggestions
           WHERE workspace_id = $1
             AND coalesce(feedback_at, created_at) >= coalesce($2::timestamptz, '-infinity')
             AND coalesce(feedback_at, created_at) < coalesce($3::timestamptz, 'infinity'))
         SELECT to_char(date_trunc('week', at), 'IYYY-"W"IW') AS week,
                count(*)::int AS suggested,
                count(feedback)::int AS "withFeedback",
                count(*) FILTER (WHERE feedback = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE feedback = 'edited')::int AS edited,
                count(*) FILTER (WHERE feedback = 'rejected')::int AS rejected,
                avg(CASE WHEN feedback = 'accepted' THEN 0 WHEN feedback = 'edited' THEN edit_distance END) AS "meanEditDistance"
         FROM s GROUP BY 1 ORDER BY 1`,
        [workspaceId, from ?? null, to ?? null],
      )
      return rows.map((r) => {
        const withFeedback = r.withFeedback as number
        const accepted = r.accepted as number
        const edited = r.edited as number
        return {
          week: r.week as string,
          suggested: r.suggested as number,
          withFeedback,
          accepted,
          edited,
          rejected: r.rejected as number,
          acceptanceRate: withFeedback ? accepted / withFeedback : null,
          usedRate: withFeedback ? (accepted + edited) / withFeedback : null,
          meanEditDistance: r.meanEditDistance == null ? null : Number(r.meanEditDistance),
        }
      })
    },
  }
}
