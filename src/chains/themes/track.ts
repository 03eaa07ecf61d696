// Theme identity and trend across weeks. A theme continues when this week's cluster sits where last
// week's did (centroid) and is told by the same words (key phrases); its share of the week's messages
// then gives the trend, and a share far above its own history is a spike worth a look.
import { cosine } from '../../embeddings/embedder.ts'
import { canonicalWord, ELIDED_ARTICLE } from './cross-lingual.ts'
import { MESSAGE_KIND_INTENTS } from '../classify/taxonomy.ts'

export interface ThemeSnapshotLite {
  themeId: string
  centroid: Float32Array
  keyphrases: string[]
  volume: number
  share: number
  /** The snapshot's top intents (member counts), when known. */
  intents?: Array<{ name: string; count: number }>
}

/** The subject intent more than half of a theme's counted members carry, if one does. */
function majoritySubject(intents: Array<{ name: string; count: number }> | undefined): string | undefined {
  if (!intents?.length) return undefined
  const total = intents.reduce((s, i) => s + i.count, 0)
  const top = intents.filter((i) => !MESSAGE_KIND_INTENTS.has(i.name)).sort((a, b) => b.count - a.count)[0]
  return top && top.count * 2 > total ? top.name : undefined
}

/**
 * Two themes can be one only if they are not mostly about different subjects: a cluster of double
 * charges does not continue last month's back-order theme because both mention the order number.
 * Without intents (or without a majority) the centroid and words decide alone.
 */
export function sameSubject(a: { intents?: Array<{ name: string; count: number }> }, b: { intents?: Array<{ name: string; count: number }> }): boolean {
  const [x, y] = [majoritySubject(a.intents), majoritySubject(b.intents)]
  return !x || !y || x === y
}

export type Trend = 'new' | 'rising' | 'steady' | 'falling'

/** Weeks of history shown per theme and used for its trend. */
export const HISTORY_WEEKS = 8

/** Combined score = CENTROID_WEIGHT · cosine + (1 − CENTROID_WEIGHT) · key-phrase word overlap. */
const CENTROID_WEIGHT = 0.75
export const DEFAULT_MIN_MATCH_SIMILARITY = 0.55
/** Trend compares with the pooled counts of this many latest known weeks, so one odd week does not flip it. */
const TREND_WINDOW = 3
/** Two-sided significance level of the two-proportion z-test behind rising and falling. */
const TREND_ALPHA = 0.05
/** Robust z-score (median and MAD of history) above which a share is a spike... */
const SPIKE_Z = 3.5
/** ...and the volume at least this multiple of its recent mean and this many messages above it. */
const SPIKE_RATIO = 2
const SPIKE_MIN_EXTRA_MESSAGES = 5
/** A brand-new theme taking this share of a week, with at least this many messages, is itself unusual. */
const NEW_THEME_SPIKE_SHARE = 0.1
const NEW_THEME_SPIKE_MESSAGES = 10

/** The theme's count in one week and the week's count of messages; total NaN or 0 when the week was never computed. */
export interface WeekCount {
  volume: number
  total: number
}

/** What a trend was computed from, shown beside it so a reader can check it by hand. */
export interface TrendEvidence {
  trend: Trend
  spike: boolean
  /** Change of the volume against the mean volume of the baseline weeks, in percent; null when new. */
  changePct: number | null
  /** Mean weekly volume and pooled share of the baseline weeks (null when new). */
  baselineVolume: number | null
  baselineShare: number | null
  baselineWeeks: number
  /** Two-proportion z-test of this week's share against the baseline weeks' pooled share. */
  test: { name: 'two-proportion z-test'; z: number; p: number } | null
}

export function matchThemes(
  previous: ThemeSnapshotLite[],
  current: Array<{ centroid: Float32Array; keyphrases: string[]; intents?: Array<{ name: string; count: number }> }>,
  opts: { minSimilarity?: number } = {},
): Array<string | null> {
  const minSimilarity = opts.minSimilarity ?? DEFAULT_MIN_MATCH_SIMILARITY
  const pairs: Array<{ score: number; prev: number; cur: number }> = []
  for (let c = 0; c < current.length; c++) {
    for (let p = 0; p < previous.length; p++) {
      if (!sameSubject(previous[p], current[c])) continue
      const score = matchScore(previous[p], current[c])
      if (score >= minSimilarity) pairs.push({ score, prev: p, cur: c })
    }
  }
  // Greedy by score is optimal whenever the best pairs are unambiguous, which is the usual case for
  // themes; ties go to the larger previous theme so the established identity wins.
  pairs.sort((a, b) => b.score - a.score || previous[b.prev].volume - previous[a.prev].volume || a.cur - b.cur)
  const result: Array<string | null> = current.map(() => null)
  const takenPrevious = new Set<number>()
  for (const pair of pairs) {
    if (result[pair.cur] !== null || takenPrevious.has(pair.prev)) continue
    result[pair.cur] = previous[pair.prev].themeId
    takenPrevious.add(pair.prev)
  }
  return result
}

export function matchScore(
  a: { centroid: Float32Array; keyphrases: string[] },
  b: { centroid: Float32Array; keyphrases: string[] },
): number {
  return CENTROID_WEIGHT * cosine(a.centroid, b.centroid) + (1 - CENTROID_WEIGHT) * phraseOverlap(a.keyphrases, b.keyphrases)
}

/**
 * Jaccard over the words of the phrases, so "lost bag" and "lost luggage" overlap; each language's
 * product word counts as the English one ("wifi l'étage" and "wifi router" share "wifi", "appli" is
 * "app"), so a topic told in French one week and in English the next keeps its theme.
 */
function phraseOverlap(a: string[], b: string[]): number {
  const wordsOf = (phrases: string[]) =>
    new Set(phrases.flatMap((p) => p.toLowerCase().split(/\s+/)).filter(Boolean).map((w) => canonicalWord(w.replace(ELIDED_ARTICLE, ''))))
  const wordsA = wordsOf(a)
  const wordsB = wordsOf(b)
  if (wordsA.size === 0 || wordsB.size === 0) return 0
  let shared = 0
  for (const w of wordsA) if (wordsB.has(w)) shared++
  return shared / (wordsA.size + wordsB.size - shared)
}

/**
 * `history` holds the theme's counts in the previous weeks, oldest first. `new` only when the theme had
 * no message in any computed week of the history; `rising`/`falling` only when the share moved
 * significantly (two-proportion z-test, p < 0.05, counts of this week against the pooled counts of the
 * latest TREND_WINDOW known weeks) *and* the volume moved the same way, so the words never contradict
 * the numbers shown; a spike is a share far above the theme's own history with a volume well above it.
 */
export function classifyTrend(history: WeekCount[], current: WeekCount): TrendEvidence {
  const known = history.filter((w) => Number.isFinite(w.total) && w.total > 0)
  const share = current.total > 0 ? current.volume / current.total : 0
  if (!known.some((w) => w.volume > 0)) {
    const spike = share >= NEW_THEME_SPIKE_SHARE && current.volume >= NEW_THEME_SPIKE_MESSAGES
    return { trend: 'new', spike, changePct: null, baselineVolume: null, baselineShare: null, baselineWeeks: 0, test: null }
  }
  const recent = known.slice(-TREND_WINDOW)
  const baseCount = recent.reduce((sum, w) => sum + w.volume, 0)
  const baseTotal = recent.reduce((sum, w) => sum + w.total, 0)
  const baselineVolume = baseCount / recent.length
  const baselineShare = baseCount / baseTotal
  const test = twoProportionTest(current.volume, current.total, baseCount, baseTotal)
  let trend: Trend = 'steady'
  if (test.p < TREND_ALPHA) {
    if (share > baselineShare && current.volume > baselineVolume) trend = 'rising'
    else if (share < baselineShare && current.volume < baselineVolume) trend = 'falling'
  }
  const changePct = baselineVolume > 0 ? round1(((current.volume - baselineVolume) / baselineVolume) * 100) : null
  const shares = known.map((w) => w.volume / w.total)
  const spike =
    trend === 'rising' &&
    isShareSpike(shares, share) &&
    current.volume >= SPIKE_RATIO * baselineVolume &&
    current.volume - baselineVolume >= SPIKE_MIN_EXTRA_MESSAGES
  return { trend, spike, changePct, baselineVolume: round1(baselineVolume), baselineShare: round4(baselineShare), baselineWeeks: recent.length, test }
}

/** Pooled two-proportion z-test, two-sided (normal approximation); p = 1 when either side has no messages. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): { name: 'two-proportion z-test'; z: number; p: number } {
  if (n1 <= 0 || n2 <= 0) return { name: 'two-proportion z-test', z: 0, p: 1 }
  const pooled = (x1 + x2) / (n1 + n2)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  const z = se > 0 ? (x1 / n1 - x2 / n2) / se : 0
  return { name: 'two-proportion z-test', z: round4(z), p: round4(2 * (1 - normalCdf(Math.abs(z)))) }
}

/** Standard normal CDF (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z))
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
  const upper = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI) * poly
  return z >= 0 ? 1 - upper : upper
}

function isShareSpike(history: number[], current: number): boolean {
  if (history.length < 3) return current >= 3 * (history.reduce((a, b) => a + b, 0) / history.length)
  const median = medianOf(history)
  const mad = medianOf(history.map((share) => Math.abs(share - median)))
  // A flat history has MAD 0; the floors keep ordinary wiggles from counting as spikes.
  const scale = Math.max(1.4826 * mad, 0.15 * median, 0.005)
  return (current - median) / scale >= SPIKE_Z
}

export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000
}
