import { describe, expect, it } from 'vitest'
import { classifyTrend, matchScore, matchThemes, twoProportionTest, type ThemeSnapshotLite } from '../../src/chains/themes/track.ts'

const unit = (values: number[]) => {
  const norm = Math.hypot(...values)
  return Float32Array.from(values, (x) => x / norm)
}
const snapshot = (themeId: string, centroid: number[], keyphrases: string[], volume = 10): ThemeSnapshotLite => ({
  themeId,
  centroid: unit(centroid),
  keyphrases,
  volume,
  share: 0.1,
})

describe('matchThemes', () => {
  const previous = [
    snapshot('late', [1, 0, 0, 0], ['late flight', 'delayed']),
    snapshot('bags', [0, 1, 0, 0], ['lost luggage', 'bag']),
  ]

  it('keeps ids of continuing themes, one to one, and leaves new themes null', () => {
    const current = [
      { centroid: unit([0, 0.95, 0.1, 0]), keyphrases: ['lost bag', 'luggage'] },
      { centroid: unit([0, 0, 0, 1]), keyphrases: ['wifi'] },
      { centroid: unit([0.97, 0, 0.1, 0]), keyphrases: ['delayed', 'late'] },
      { centroid: unit([0.9, 0, 0.2, 0]), keyphrases: ['delayed again'] },
    ]
    expect(matchThemes(previous, current)).toEqual(['bags', null, 'late', null])
  })

  it('lets key phrases decide between two similar centroids', () => {
    const current = [{ centroid: unit([0.7, 0.7, 0, 0]), keyphrases: ['lost luggage', 'bag'] }]
    expect(matchThemes(previous, current)).toEqual(['bags'])
  })

  it('respects minSimilarity', () => {
    const current = [{ centroid: unit([0.6, 0, 0.8, 0]), keyphrases: ['delayed'] }]
    expect(matchThemes(previous, current, { minSimilarity: 0.9 })).toEqual([null])
    expect(matchThemes(previous, current, { minSimilarity: 0.2 })).toEqual(['late'])
  })

  it('does not continue a theme mostly about another subject, however close its centroid and words', () => {
    const backOrder = { ...snapshot('remote', [1, 0, 0, 0], ['order number', 'remote']), intents: [{ name: 'delivery', count: 12 }, { name: 'other', count: 1 }] }
    const charges = { centroid: unit([0.95, 0.1, 0, 0]), keyphrases: ['order number', 'charged twice'], intents: [{ name: 'billing', count: 13 }, { name: 'delivery', count: 3 }, { name: 'other', count: 3 }] }
    expect(matchThemes([backOrder], [charges])).toEqual([null])
    // The same subject, a mixed cluster with no majority, or no intents at all: centroid and words decide.
    expect(matchThemes([backOrder], [{ ...charges, intents: [{ name: 'delivery', count: 9 }, { name: 'billing', count: 4 }] }])).toEqual(['remote'])
    expect(matchThemes([backOrder], [{ ...charges, intents: [{ name: 'billing', count: 5 }, { name: 'delivery', count: 5 }] }])).toEqual(['remote'])
    expect(matchThemes([backOrder], [{ centroid: charges.centroid, keyphrases: charges.keyphrases }])).toEqual(['remote'])
  })
})

/** Weeks of `total` messages each with these theme volumes. */
const weeksOf = (volumes: number[], total = 100) => volumes.map((volume) => ({ volume, total }))

describe('classifyTrend', () => {
  it('calls a theme new only when no computed week of its history had it', () => {
    expect(classifyTrend([], { volume: 4, total: 100 })).toMatchObject({ trend: 'new', spike: false, changePct: null, test: null })
    expect(classifyTrend(weeksOf([0, 0]), { volume: 30, total: 100 }).spike).toBe(true)
    expect(classifyTrend(weeksOf([0, 3, 0]), { volume: 30, total: 100 }).trend).not.toBe('new')
  })

  it('calls rising and falling only on a significant change of share, with the volume moving the same way', () => {
    expect(classifyTrend(weeksOf([10, 10, 10]), { volume: 30, total: 100 })).toMatchObject({ trend: 'rising', changePct: 200, baselineVolume: 10 })
    expect(classifyTrend(weeksOf([10, 10, 10]), { volume: 12, total: 100 })).toMatchObject({ trend: 'steady', changePct: 20 })
    expect(classifyTrend(weeksOf([30, 30]), { volume: 10, total: 100 })).toMatchObject({ trend: 'falling', changePct: -66.7 })
    // 3 → 3 messages is never rising, whatever the shares do.
    expect(classifyTrend(weeksOf([3, 3, 3]), { volume: 3, total: 40 }).trend).toBe('steady')
    // More messages in a much busier week: the share fell, the volume rose, so neither word fits.
    expect(classifyTrend(weeksOf([8, 8, 8], 100), { volume: 23, total: 1000 }).trend).toBe('steady')
  })

  it('reports the test it used with a p-value a reader can recompute', () => {
    const { test } = classifyTrend(weeksOf([10, 10, 10]), { volume: 30, total: 100 })
    expect(test?.name).toBe('two-proportion z-test')
    expect(test!.p).toBeLessThan(0.001)
    expect(twoProportionTest(10, 100, 10, 100).p).toBe(1)
    // z for 30/100 vs 30/300: pooled 0.15, se = sqrt(.15·.85·(1/100+1/300)) ≈ 0.04123, z ≈ 4.85
    expect(twoProportionTest(30, 100, 30, 300).z).toBeCloseTo(4.85, 1)
  })

  it('flags a volume far above its own history as a spike, but not ordinary variation', () => {
    expect(classifyTrend(weeksOf([5, 6, 5, 5]), { volume: 20, total: 100 }).spike).toBe(true)
    expect(classifyTrend(weeksOf([5, 6, 5, 5]), { volume: 7, total: 100 }).spike).toBe(false)
    expect(classifyTrend(weeksOf([1, 1, 1]), { volume: 3, total: 100 }).spike).toBe(false)
  })
})

describe('matchScore across languages', () => {
  it('reads each language\'s product word as the English one when comparing key phrases', () => {
    const centroid = Float32Array.from([1, 0, 0])
    const lastWeek = { centroid, keyphrases: ['wifi router', 'app crash'] }
    // Same centroid, so the score differs only by the words: "appli plante", "l'appli", "routeur" are app, crash, router.
    expect(matchScore(lastWeek, { centroid, keyphrases: ["l'appli plante", 'wifi routeur'] })).toBeCloseTo(1, 5)
    expect(matchScore(lastWeek, { centroid, keyphrases: ['facture', 'livraison'] })).toBeCloseTo(0.75, 5)
  })
})
