// HNSW search settings, named in one place so the backends and the searches that override them
// cannot drift apart. Changing a value changes which neighbours searches return: rerun the evals.

/**
 * Session default of every connection (pg on connect, the PGlite worker at start). The pgvector
 * default of 40 misses whole queries whose neighbours sit in large clusters of near-identical texts
 * (recall@10 0.91 → 0.96–0.99 at 200, ~2 ms more).
 */
export const DEFAULT_EF_SEARCH = 200

/**
 * Reply retrieval's similar customer messages (SET LOCAL in its transaction): candidate lists are
 * searched deeper than their k so that the role and other-conversation filters still leave k.
 */
export const REPLY_CANDIDATE_EF_SEARCH = 120

/** Iterative index scans keep filtered searches (workspace, role, channel) from returning too few rows. */
export const HNSW_ITERATIVE_SCAN = 'relaxed_order'

/** The statements a new session runs; the PGlite worker receives them at start (it is plain JS). */
export const SESSION_SEARCH_SETTINGS: readonly string[] = [
  `SET hnsw.ef_search = ${DEFAULT_EF_SEARCH}`,
  `SET hnsw.iterative_scan = ${HNSW_ITERATIVE_SCAN}`,
]
