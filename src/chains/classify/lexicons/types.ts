/**
 * A small hand-written polarity lexicon for one language. Entries are lower-case; a trailing `*`
 * matches any word starting with the stem. For scripts written without spaces (Thai) or with
 * agglutinated endings (Korean) entries are matched as substrings instead (`substring: true`).
 */
export interface PolarityLexicon {
  positive: readonly string[]
  negative: readonly string[]
  /** Words that flip the polarity of what follows (or, for `postNegators`, of what precedes). */
  negators: readonly string[]
  postNegators?: readonly string[]
  substring?: boolean
}
