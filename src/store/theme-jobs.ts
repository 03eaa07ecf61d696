// The jobs the weekly theme run is driven by: one run per workspace and week, and one scheduler job
// per Monday that belongs to no workspace. The job kinds are chains/themes/schedule.ts's to name.
import type { Db, Queryable } from './db.ts'

export function themeJobsRepo(db: Queryable) {
  return {
    /** Whether a run of `week` is already queued or running for the workspace. */
    async hasPendingWeekRun(workspaceId: string, kind: string, week: string): Promise<boolean> {
      const { rows } = await db.query(
        `SELECT 1 FROM jobs WHERE workspace_id = $1 AND kind = $2 AND status IN ('queued', 'running') AND payload->>'week' = $3 LIMIT 1`,
        [workspaceId, kind, week],
      )
      return rows.length > 0
    },
  }
}

/**
 * Inserts the workspace-less scheduler job due `at` unless one (not failed) exists. The advisory lock
 * makes check and insert one step across processes, so each `at` is scheduled once.
 */
export async function scheduleOnce(db: Db, kind: string, at: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('parley:themes-schedule'))`)
    const exists = await tx.query(
      `SELECT 1 FROM jobs WHERE workspace_id IS NULL AND kind = $1 AND payload->>'at' = $2 AND status <> 'failed' LIMIT 1`,
      [kind, at],
    )
    if (exists.rows.length > 0) return
    await tx.query(`INSERT INTO jobs (workspace_id, kind, payload, run_after) VALUES (NULL, $1, $2, $3)`, [kind, JSON.stringify({ at }), at])
  })
}
