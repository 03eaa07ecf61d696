// Reads the eval harness makes of its scratch workspace after a run: what the chains stored, what the
// LLM calls cost, and whether enrichment finished. Kept here so every SQL statement lives in store/.
import type { Queryable } from './db.ts'

/** The enrichment of one conversation's first customer message, keyed by the conversation's external id. */
export interface FirstCustomerEnrichment {
  sentiment: string | null
  sentimentScore: number | null
  sentimentConfidence: number | null
  /** Class probabilities behind the label (also when it is `uncertain`). */
  sentimentProbs: { negative: number; neutral: number; positive: number } | null
  intent: string | null
  intentConfidence: number | null
  language: string | null
  languageConfidence: number | null
  degraded: boolean
  versions: Record<string, string>
}

/** Classification eval rows hold exactly one customer message, so the first one is the row's. */
export async function firstCustomerEnrichments(db: Queryable, workspaceId: string): Promise<Map<string, FirstCustomerEnrichment>> {
  const { rows } = await db.query<FirstCustomerEnrichment & { externalId: string }>(
    `SELECT DISTINCT ON (c.external_id) c.external_id AS "externalId", e.sentiment, e.sentiment_score AS "sentimentScore",
            e.sentiment_confidence AS "sentimentConfidence", e.sentiment_probs AS "sentimentProbs", e.intent, e.intent_confidence AS "intentConfidence",
            e.language, e.language_confidence AS "languageConfidence", coalesce(e.degraded, false) AS degraded,
            coalesce(e.versions, '{}'::jsonb) AS versions
     FROM conversations c
     JOIN messages m ON m.conversation_id = c.id AND m.role = 'customer' AND m.workspace_id = c.workspace_id
     JOIN enrichments e ON e.message_id = m.id AND e.workspace_id = c.workspace_id
     WHERE c.workspace_id = $1
     ORDER BY c.external_id, m.sent_at, m.id`,
    [workspaceId],
  )
  return new Map(rows.map(({ externalId, ...enrichment }) => [externalId, enrichment]))
}

export async function llmUsage(db: Queryable, workspaceId: string): Promise<{ calls: number; input_tokens: number; output_tokens: number; degraded: number }> {
  const { rows } = await db.query<{ calls: number; input: number; output: number }>(
    `SELECT count(*)::int AS calls, coalesce(sum(input_tokens), 0)::int AS input, coalesce(sum(output_tokens), 0)::int AS output
     FROM llm_calls WHERE workspace_id = $1`,
    [workspaceId],
  )
  const degraded = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enrichments WHERE workspace_id = $1 AND degraded`, [workspaceId])
  return { calls: rows[0].calls, input_tokens: rows[0].input, output_tokens: rows[0].output, degraded: degraded.rows[0].n }
}

export async function unfinishedJobCount(db: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = $1 AND status <> 'done'`, [workspaceId])
  return rows[0].n
}
