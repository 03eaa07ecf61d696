// IVFFlat search settings (vector-index.ts), named in one place so the backends cannot drift apart.
// Changing a value changes which neighbours searches return: rerun the evals and the bench.

/**
 * Lists each search scans, of the sqrt(n) an index has. At 100k messages (316 lists) 10 gave recall@10
 * 0.995–0.996 at p95 6–10 ms on both backends; 5 gave 0.990–0.992 for a millisecond less (bench, `search`).
 */
export const IVFFLAT_PROBES = 10

/**
 * Iterative index scans keep filtered searches (workspace, role, channel, another conversation) from
 * returning too few rows: when the probed lists hold fewer than k matching rows, the scan probes more.
 */
export const IVFFLAT_ITERATIVE_SCAN = 'relaxed_order'

/** The statements a new session runs; the PGlite worker receives them at start (it is plain JS). */
export const SESSION_SEARCH_SETTINGS: readonly string[] = [
  `SET ivfflat.probes = ${IVFFLAT_PROBES}`,
  `SET ivfflat.iterative_scan = ${IVFFLAT_ITERATIVE_SCAN}`,
]
