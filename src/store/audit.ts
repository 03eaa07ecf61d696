import type { Queryable } from './db.ts'

/** One LLM or remote-embedding call as audited; `error` never contains prompt or message text. */
export interface LlmCallRecord {
  workspaceId: string
  purpose: string
  model: string
  promptVersion: string
  inputTokens: number
  outputTokens: number
  latencyMs: number
  outcome: 'ok' | 'retry_ok' | 'bad_output' | 'error' | 'timeout' | 'circuit_open' | 'budget'
  redactions: number
  /** `kind[ status]: short message`; never contains prompt or message text. */
  error?: string
}

/** One row per LLM or remote-embedding call; it never holds prompt or message text. */
export async function recordLlmCall(db: Queryable, r: LlmCallRecord): Promise<void> {
  await db.query(
    `INSERT INTO llm_calls (workspace_id, purpose, model, prompt_version, input_tokens, output_tokens, latency_ms, outcome, redactions, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [r.workspaceId || null, r.purpose, r.model, r.promptVersion, r.inputTokens, r.outputTokens, Math.round(r.latencyMs), r.outcome, r.redactions, r.error ?? null],
  )
}

export async function listLlmCalls(db: Queryable, workspaceId: string, limit: number, before?: number) {
  const { rows } = await db.query(
    `SELECT id::int, purpose, model, prompt_version AS "promptVersion", input_tokens AS "inputTokens", output_tokens AS "outputTokens",
            latency_ms AS "latencyMs", outcome, redactions, error, created_at AS "createdAt"
     FROM llm_calls WHERE workspace_id = $1 AND ($3::bigint IS NULL OR id < $3) ORDER BY id DESC LIMIT $2`,
    [workspaceId, limit, before ?? null],
  )
  return rows
}

/** Tokens a workspace spent today, for the per-workspace daily budget. */
export async function tokensUsedToday(db: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT coalesce(sum(input_tokens + output_tokens), 0)::int AS n FROM llm_calls
     WHERE workspace_id = $1 AND created_at >= date_trunc('day', now())`,
    [workspaceId],
  )
  return rows[0].n
}
