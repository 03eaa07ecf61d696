// What /ready and /v1/status report about the database: reachable, which backend, the job queue, the
// enrichment backlog and whether searches go through the vector index. These are operator views of the
// whole store (every workspace shares the queue and the index), hence no workspace filter here.
import type { Db, Queryable } from './db.ts'
import { hasModelVectors } from './embeddings.ts'
import { modelIndexReady } from './vector-index.ts'
import { ENRICH_JOB, jobsRepo } from './jobs.ts'

export interface DatabaseReadiness {
  kind: Db['kind']
  queue: { queued: number; running: number; failed: number }
  enrichment: { backlog: number }
  /** `none`: no vector of the model is stored yet (a new store), so there is nothing to index or build. */
  search: { model: string; index: 'ready' | 'building' | 'none'; exact: boolean }
}

export async function databaseReadiness(db: Db, embeddingModel: string): Promise<DatabaseReadiness> {
  await db.query('SELECT 1')
  const indexed = await modelIndexReady(db, embeddingModel)
  const index = indexed ? 'ready' : (await hasModelVectors(db, embeddingModel)) ? 'building' : 'none'
  return {
    kind: db.kind,
    queue: await jobsRepo(db).depth(),
    enrichment: { backlog: await enrichmentBacklog(db) },
    // Without the index (a first import's, built in the background once it is in) searches scan every
    // vector: exact, but slower. With it, small workspaces are still searched exactly (embeddings.ts).
    search: { model: embeddingModel, index, exact: !indexed },
  }
}

/** Up to this many messages in queued or running enrichment jobs the backlog is counted exactly (~10 ms per 1,000). */
export const EXACT_BACKLOG_MAX = 5_000

type JobStates = ReadonlyArray<'queued' | 'running' | 'failed'>

/**
 * Stored messages without a classification of their current content: 0 once enrichment caught up.
 * Ingest enqueues every changed message, so only messages named by an unfinished (or failed) enrichment
 * job can be in the backlog, and the count costs what is pending, not a scan of every stored message
 * (an anti-join over the whole store at every poll of /ready and /metrics). Up to EXACT_BACKLOG_MAX
 * messages in queued or running jobs it is exact; above, those jobs count by the length of their
 * payloads (about a millisecond), which may count a message twice or one a running job has just
 * classified: large and falling is what matters then, and it turns exact well before it reaches 0.
 * Failed jobs' messages are always checked one by one (they may have been enriched since).
 */
export async function enrichmentBacklog(db: Queryable, workspaceId?: string): Promise<number> {
  const pending = await db.query<{ n: number }>(
    `SELECT coalesce(sum(jsonb_array_length(j.payload->'messageIds')), 0)::int AS n ${pendingJobs(['queued', 'running'], workspaceId)}`,
    pendingParams(workspaceId),
  )
  if (pending.rows[0].n <= EXACT_BACKLOG_MAX) return notEnriched(db, ['queued', 'running', 'failed'], workspaceId)
  return pending.rows[0].n + (await notEnriched(db, ['failed'], workspaceId))
}

const pendingJobs = (states: JobStates, workspaceId?: string) =>
  `FROM jobs j WHERE j.kind = $1 AND j.status IN (${states.map((st) => `'${st}'`).join(', ')})${workspaceId === undefined ? '' : ' AND j.workspace_id = $2'}`
const pendingParams = (workspaceId?: string) => (workspaceId === undefined ? [ENRICH_JOB] : [ENRICH_JOB, workspaceId])

/** Messages named by enrichment jobs in `states` whose current content has no classification. */
async function notEnriched(db: Queryable, states: JobStates, workspaceId?: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages m
     WHERE m.id IN (SELECT jsonb_array_elements_text(j.payload->'messageIds')::uuid ${pendingJobs(states, workspaceId)})
       AND NOT EXISTS (SELECT 1 FROM enrichments e WHERE e.message_id = m.id AND e.content_hash = m.content_hash)`,
    pendingParams(workspaceId),
  )
  return rows[0].n
}

export interface QueueStatus {
  backlog: number
  jobs: Array<{ kind: string; status: string; count: number; oldest: string | null }>
  lastError: { kind: string; error: string; at: string; attempts: number } | null
}

/**
 * One workspace's view of the queue: its jobs and the store's shared ones (no workspace, e.g. the index
 * build) by kind and state (done ones of the last hour), its backlog, and the last error its jobs recorded.
 * Never another workspace's errors: they may quote that workspace's data.
 */
export async function queueStatus(db: Queryable, workspaceId: string): Promise<QueueStatus> {
  const { rows } = await db.query<{ kind: string; status: string; count: number; oldest: Date | null }>(
    `SELECT kind, status, count(*)::int AS count, min(created_at) AS oldest FROM jobs
     WHERE (workspace_id = $1 OR workspace_id IS NULL) AND (status <> 'done' OR updated_at > now() - interval '1 hour')
     GROUP BY kind, status ORDER BY kind, status`,
    [workspaceId],
  )
  const last = await db.query<{ kind: string; error: string; at: Date; attempts: number }>(
    `SELECT kind, last_error AS error, updated_at AS at, attempts FROM jobs
     WHERE workspace_id = $1 AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1`,
    [workspaceId],
  )

  const l = last.rows[0]
  return {
    backlog: await enrichmentBacklog(db, workspaceId),
    jobs: rows.map((r) => ({ ...r, oldest: r.oldest ? new Date(r.oldest).toISOString() : null })),
    lastError: l ? { kind: l.kind, error: l.error, at: new Date(l.at).toISOString(), attempts: l.attempts } : null,
  }
}
