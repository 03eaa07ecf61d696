import type { Queryable } from './db.ts'

export interface Job {
  id: string
  workspaceId: string | null
  kind: string
  payload: Record<string, unknown>
  attempts: number
  maxAttempts: number
}

export const DEFAULT_MAX_ATTEMPTS = 5
/**
 * The job that enriches stored messages (payload `messageIds`). Named here, below the pipeline that
 * handles it, because the store's backlog count reads those payloads.
 */
export const ENRICH_JOB = 'enrich'
/**
 * A job 'running' without a heartbeat for this long belongs to a worker that died; it is handed out
 * again. Workers pass their configured lease (JOB_LEASE_SECONDS) and heartbeat well within it.
 */
export const STALE_JOB_SECONDS = 300
const BACKOFF_BASE_SECONDS = 2
const BACKOFF_MAX_SECONDS = 600

export function jobsRepo(db: Queryable) {
  return {
    async enqueue(workspaceId: string | null, kind: string, payload: Record<string, unknown>, maxAttempts = DEFAULT_MAX_ATTEMPTS, delaySeconds = 0) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO jobs (workspace_id, kind, payload, max_attempts, run_after) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
         RETURNING id::text`,
        [workspaceId, kind, JSON.stringify(payload), maxAttempts, delaySeconds],
      )
      return rows[0].id
    },

    /** Enqueues many jobs of one kind in one statement (an import queues hundreds); returns how many. */
    async enqueueMany(workspaceId: string | null, kind: string, payloads: Array<Record<string, unknown>>, maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<number> {
      if (payloads.length === 0) return 0
      const { rowCount } = await db.query(
        `INSERT INTO jobs (workspace_id, kind, payload, max_attempts)
         SELECT $1, $2, p.payload, $4 FROM unnest($3::jsonb[]) WITH ORDINALITY AS p(payload, n) ORDER BY p.n`,
        [workspaceId, kind, payloads.map((p) => JSON.stringify(p)), maxAttempts],
      )
      return rowCount
    },

    /**
     * Jobs of `kind` not finished (any workspace: the queue is shared): `ready` can be claimed now,
     * `later` are running or wait for their run_after.
     */
    async pending(kind: string): Promise<{ ready: number; later: number }> {
      const { rows } = await db.query<{ ready: number; later: number }>(
        `SELECT count(*) FILTER (WHERE status = 'queued' AND run_after <= now())::int AS ready,
                count(*) FILTER (WHERE status = 'running' OR run_after > now())::int AS later
         FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')`,
        [kind],
      )
      return rows[0]
    },

    /**
     * The newest job of `kind` (any state): its id, and whether it was created within `withinSeconds`.
     * Read backwards along the primary key, so it costs a few rows however long the history.
     */
    async newest(kind: string, withinSeconds: number): Promise<{ id: string; recent: boolean } | undefined> {
      const { rows } = await db.query<{ id: string; recent: boolean }>(
        `SELECT id::text, created_at > now() - make_interval(secs => $2) AS recent FROM jobs WHERE kind = $1 ORDER BY id DESC LIMIT 1`,
        [kind, withinSeconds],
      )
      return rows[0]
    },

    /**
     * Claims up to `limit` ready jobs; SKIP LOCKED lets several workers share the queue without waiting.
     * With `share`, at most an equal part of the ready jobs among the workers holding live jobs and this
     * one, counting at least `share.workers` (but never fewer than `share.minJobs`): on a server the first
     * worker would otherwise take a whole backlog of up to `limit` jobs while a second one idles.
     */
    async claim(workerId: string, limit: number, kinds?: string[], leaseSeconds = STALE_JOB_SECONDS, share?: { workers: number; minJobs: number }): Promise<Job[]> {
      const claimable = `((status = 'queued' AND run_after <= now())
              OR (status = 'running' AND locked_at < now() - make_interval(secs => $3)))
             AND ($4::text[] IS NULL OR kind = ANY($4::text[]))`
      const { rows } = await db.query<Job>(
        `UPDATE jobs SET status = 'running', locked_at = now(), locked_by = $1, attempts = attempts + 1, updated_at = now()
         WHERE id IN (
           SELECT id FROM jobs
           WHERE ${claimable}
           ORDER BY run_after, id
           LIMIT CASE WHEN $5::int IS NULL THEN $2 ELSE least($2, greatest($6::int, ceil(
             (SELECT count(*) FROM jobs WHERE ${claimable})::numeric
             / greatest($5::int, 1 + (SELECT count(DISTINCT locked_by) FROM jobs
                 WHERE status = 'running' AND locked_by <> $1 AND locked_at >= now() - make_interval(secs => $3))))::int)) END
           FOR UPDATE SKIP LOCKED)
         RETURNING id::text, workspace_id AS "workspaceId", kind, payload, attempts, max_attempts AS "maxAttempts"`,
        [workerId, limit, leaseSeconds, kinds ?? null, share?.workers ?? null, share?.minJobs ?? null],
      )
      return rows
    },

    /** The worker is alive: its running jobs' leases start again. */
    async heartbeat(workerId: string) {
      await db.query(`UPDATE jobs SET locked_at = now() WHERE locked_by = $1 AND status = 'running'`, [workerId])
    },

    /**
     * Every running job back to the queue, at once: for an embedded store, whose one process just
     * started, so whatever is 'running' was left by a process that died. Returns how many.
     */
    async reclaimAllRunning(): Promise<number> {
      const { rowCount } = await db.query(
        `UPDATE jobs SET status = 'queued', locked_at = NULL, locked_by = NULL, run_after = now(), updated_at = now() WHERE status = 'running'`,
      )
      return rowCount
    },

    async complete(id: string) {
      await db.query(`UPDATE jobs SET status = 'done', locked_at = NULL, updated_at = now() WHERE id = $1`, [id])
    },

    /** One statement for a whole claimed group: a round trip per job cost more than small jobs' work. */
    async completeMany(ids: string[]) {
      if (ids.length === 0) return
      await db.query(`UPDATE jobs SET status = 'done', locked_at = NULL, updated_at = now() WHERE id = ANY($1::bigint[])`, [ids])
    },

    /** Retries later with exponential backoff, or gives up after max_attempts (kept as 'failed' for inspection). */
    async fail(job: Job, error: string, permanent = false): Promise<'retry' | 'failed'> {
      const delay = Math.min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS ** job.attempts)
      const { rows } = await db.query<{ status: string }>(
        `UPDATE jobs SET status = CASE WHEN $4::boolean OR attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
           run_after = now() + make_interval(secs => $2), locked_at = NULL, locked_by = NULL,
           last_error = left($3, 2000), updated_at = now()
         WHERE id = $1 RETURNING status`,
        [job.id, delay, error, permanent],
      )
      return rows[0]?.status === 'failed' ? 'failed' : 'retry'
    },

    async depth(): Promise<{ queued: number; running: number; failed: number }> {
      const { rows } = await db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM jobs WHERE status <> 'done' GROUP BY status`,
      )
      const by = Object.fromEntries(rows.map((r) => [r.status, r.n]))
      return { queued: by.queued ?? 0, running: by.running ?? 0, failed: by.failed ?? 0 }
    },

    /** Unfinished and failed jobs by state and kind (metrics). */
    async depthByKind(): Promise<Array<{ status: string; kind: string; count: number }>> {
      const { rows } = await db.query<{ status: string; kind: string; count: number }>(
        `SELECT status, kind, count(*)::int AS count FROM jobs WHERE status <> 'done' GROUP BY status, kind`,
      )
      return rows
    },

    /** Done jobs are only history; keep the table small. */
    async purgeDone(olderThanHours = 24) {
      await db.query(`DELETE FROM jobs WHERE status = 'done' AND updated_at < now() - make_interval(hours => $1)`, [olderThanHours])
    },
  }
}
