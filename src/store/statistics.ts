// The planner's statistics on a PostgreSQL server, kept fresh through a burst. Maintenance of the whole
// store (every workspace's rows share the tables), hence no workspace filter.
//
// Autovacuum analyzes a table once it changed by a tenth, but looks only once a minute (autovacuum_naptime),
// so enrichment of a fresh import runs on a store the planner thinks is empty. Measured on a 20k-message
// import (bench/worker-processes.ts): the summaries upsert's per-conversation subquery then intersects the
// conversation's index with the whole workspace's (2.5 ms a conversation, 23 of a 41 s drain); after an
// ANALYZE it reads the conversation's index alone (0.02 ms). PGlite has no autovacuum and re-analyzes in
// its own vector write (pglite.ts).
import type { Db } from './db.ts'

/** A table is re-analyzed when it changed by at least this many rows… */
export const ANALYZE_MIN_CHANGED_ROWS = 1_000
/** …and by at least this share of the rows it had when last analyzed (0 rows if never). */
export const ANALYZE_MIN_CHANGED_SHARE = 0.5

/**
 * The one rule of both backends: a table is due another ANALYZE once it changed by `minChangedRows` and
 * by ANALYZE_MIN_CHANGED_SHARE of the rows it had at the last one. The server applies it in SQL to its
 * own counters (below); PGlite, which has none worth trusting, to the vectors it wrote (pglite.ts).
 */
export function statisticsAreStale(changedRows: number, rowsAtLastAnalyze: number, minChangedRows = ANALYZE_MIN_CHANGED_ROWS): boolean {
  return changedRows >= minChangedRows && changedRows >= ANALYZE_MIN_CHANGED_SHARE * rowsAtLastAnalyze
}

/** One key for every process on the server: workers take turns, and the second finds the work done. */
const ANALYZE_LOCK_KEY = 'parley:refresh-statistics'

/**
 * Analyzes the tables of the store's schema that grew or changed by half since their last ANALYZE (or
 * were never analyzed), on a server; returns their names. A no-op on PGlite. Cheap when nothing is
 * stale: one read of the server's table counters.
 */
export async function refreshStaleStatistics(db: Db): Promise<string[]> {
  if (db.kind !== 'pg') return []
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ANALYZE_LOCK_KEY])
    const { rows } = await tx.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables
       WHERE schemaname = current_schema()
         AND n_mod_since_analyze >= $1
         AND n_mod_since_analyze >= $2::float8 * greatest(n_live_tup - n_mod_since_analyze, 0)
       ORDER BY relname`,
      [ANALYZE_MIN_CHANGED_ROWS, ANALYZE_MIN_CHANGED_SHARE],
    )
    if (rows.length > 0) await tx.query(`ANALYZE ${rows.map((r) => r.name).join(', ')}`)
    return rows.map((r) => r.name)
  })
}
