// Theme identity and trend across weeks. A theme continues when this week's cluster sits where last
// week's did (centroid) and is told by the same words (key phrases); its share of the week's messages
// then gives the trend, and a share far above its own history is a spike worth a look.
import { cosine } from '../../embeddings/embedder.ts'

export interface ThemeSnapshotLite {
  themeId: string
  centroid: Float32Array
  keyphrases: string[]
  volume: number
  share: number
}

export type Trend = 'new' | 'rising' | 'steady' | 'falling'

/** Weeks of history shown per theme and used for its trend. */
export const HISTORY_WEEKS = 8

/** Combined score = CENTROID_WEIGHT · cosine + (1 − CENTROID_WEIGHT) · key-phrase word overlap. */
const CENTROID_WEIGHT = 0.75
export const DEFAULT_MIN_MATCH_SIMILARITY = 0.55
/** Trend compares with the mean share of this many latest weeks, so one odd week does not flip it. */
const TREND_WINDOW = 3
/** Relative change beyond which a theme is rising or falling... */
const TREND_CHANGE = 0.25
/** ...as long as the share moved by at least half a percentage point (tiny themes jitter). */
const TREND_MIN_ABSOLUTE = 0.005
/** Robust z-score (median and MAD of history) above which a share is a spike. */
const SPIKE_Z = 3.5
/** With little history: a spike is a share at least this multiple of the baseline... */
const SPIKE_RATIO = 3
/** ...and at least this many percentage points above it. */
const SPIKE_MIN_ABSOLUTE = 0.02
/** A brand-new theme taking this share of a week at once is itself unusual. */
const NEW_THEME_SPIKE_SHARE = 0.1

export function matchThemes(
  previous: ThemeSnapshotLite[],
  current: Array<{ centroid: Float32Array; keyphrases: string[] }>,
  opts: { minSimilarity?: number } = {},
): Array<string | null> {
  const minSimilarity = opts.minSimilarity ?? DEFAULT_MIN_MATCH_SIMILARITY
  const pairs: Array<{ score: number; prev: number; cur: number }> = []
  for (let c = 0; c < current.length; c++) {
    for (let p = 0; p < previous.length; p++) {
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

/** Jaccard over the words of the phrases, so "lost bag" and "lost luggage" overlap. */
function phraseOverlap(a: string[], b: string[]): number {
  const wordsA = new Set(a.flatMap((p) => p.toLowerCase().split(/\s+/)).filter(Boolean))
  const wordsB = new Set(b.flatMap((p) => p.toLowerCase().split(/\s+/)).filter(Boolean))
  if (wordsA.size === 0 || wordsB.size === 0) return 0
  let shared = 0
  for (const w of wordsA) if (wordsB.has(w)) shared++
  return shared / (wordsA.size + wordsB.size - shared)
}

/**
 * `history` holds the theme's shares (0..1) of the previous weeks, oldest first; 0 or a missing week
 * means the theme was absent. `changePct` is against the mean of the latest weeks, null when new.
 */
export function classifyTrend(history: number[], current: number): { trend: Trend; spike: boolean; changePct: number | null } {
  const known = history.filter((share) => Number.isFinite(share))
  if (!known.some((share) => share > 0)) return { trend: 'new', spike: current >= NEW_THEME_SPIKE_SHARE, changePct: null }

  const recent = known.slice(-TREND_WINDOW)
  const baseline = recent.reduce((sum, share) => sum + share, 0) / recent.length
  const change = baseline > 0 ? (current - baseline) / baseline : null
  const delta = current - baseline
  let trend: Trend = 'steady'
  if (change !== null && Math.abs(delta) >= TREND_MIN_ABSOLUTE) {
    if (change >= TREND_CHANGE) trend = 'rising'
    else if (change <= -TREND_CHANGE) trend = 'falling'
  } else if (baseline === 0 && current > 0) {
    trend = 'rising'
  }
  return { trend, spike: isSpike(known, current), changePct: change === null ? null : round1(change * 100) }
}

function isSpike(history: number[], current: number): boolean {
  if (history.length >= 3) {
    const median = medianOf(history)
    const mad = medianOf(history.map((share) => Math.abs(share - median)))
    // A flat history has MAD 0; the floors keep ordinary wiggles from counting as spikes.
    const scale = Math.max(1.4826 * mad, 0.15 * median, TREND_MIN_ABSOLUTE)
    return (current - median) / scale >= SPIKE_Z && current - median >= TREND_MIN_ABSOLUTE
  }
  const baseline = history.reduce((sum, share) => sum + share, 0) / history.length
  return current >= SPIKE_RATIO * baseline && current - baseline >= SPIKE_MIN_ABSOLUTE
}

export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}
