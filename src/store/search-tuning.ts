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

/**
 * A workspace holding up to this many vectors of a model is searched exactly, index or not. Every
 * IVFFlat search can miss a message that resembles none of its neighbours: its list's centre is not
 * among the nearest to the query. On a small store that is most of what there is to find (a CI run once
 * missed the one parcel message among ~1,000 invoice questions), and in a store shared with larger
 * workspaces a small one's rows are scattered over lists its probes never reach. Exact search costs
 * what the workspace holds (bench `search`, PGlite: 4.6 / 6.6 ms p50 / p95 at 1,000 messages, 8.3 /
 * 11.8 ms at 2,000, 16.9 / 22.3 ms at 5,000, against ~2 / 3 ms through the index, whose recall@10 there
 * is 0.98–0.99). Which way a workspace is searched is counted again every 30 s (embeddings.ts).
 */
export const EXACT_SEARCH_MAX_VECTORS = 2_000

/** The statements a new session runs; the PGlite worker receives them at start (it is plain JS). */
export const SESSION_SEARCH_SETTINGS: readonly string[] = [
  `SET ivfflat.probes = ${IVFFLAT_PROBES}`,
  `SET ivfflat.iterative_scan = ${IVFFLAT_ITERATIVE_SCAN}`,
]
