// IVFFlat search settings (vector-index.ts), named in one place so the backends cannot drift apart.
// Changing a value changes which neighbours searches return: rerun the evals and the bench.

/**
 * Lists each search scans, of the sqrt(n) an index has. At 100k messages (316 lists) 10 gave recall@10
 * 0.995–0.996 at p95 6–10 ms on both backends; 5 gave 0.990–0.992 for a millisecond less (bench, `search`).
 */
export const IVFFLAT_PROBES = 10

/**
 * Reply retrieval's similar customer messages are searched deeper. IVFFlat learns its lists by k-means
 * from a random sample, so two builds of one store differ; at 10 probes the drafts of the TweetSumm eval
 * moved with the build (ROUGE-L 0.1480–0.1554 over four builds, its floor 0.15); at 20 they gave 0.1521
 * in each of three builds, as exact search did before the index changed.
 */
export const REPLY_CANDIDATE_PROBES = 20

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
