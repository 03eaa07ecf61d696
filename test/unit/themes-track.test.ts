import { describe, expect, it } from 'vitest'
import { classifyTrend, matchThemes, type ThemeSnapshotLite } from '../../src/chains/themes/track.ts'

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
})

describe('classifyTrend', () => {
  it('calls a theme without earlier share new', () => {
    expect(classifyTrend([], 0.04)).toEqual({ trend: 'new', spike: false, changePct: null })
    expect(classifyTrend([0, 0], 0.3).spike).toBe(true)
  })

  it('classifies rising, steady and falling against the recent weeks', () => {
    expect(classifyTrend([0.1, 0.1, 0.1], 0.15)).toMatchObject({ trend: 'rising', changePct: 50 })
    expect(classifyTrend([0.1, 0.1, 0.1], 0.105)).toMatchObject({ trend: 'steady', changePct: 5 })
    expect(classifyTrend([0.2, 0.2], 0.1)).toMatchObject({ trend: 'falling', changePct: -50 })
  })

  it('ignores large relative moves of tiny themes', () => {
    expect(classifyTrend([0.002], 0.004).trend).toBe('steady')
  })

  it('flags a share far above its history as a spike, but not ordinary variation', () => {
    expect(classifyTrend([0.05, 0.06, 0.05, 0.055], 0.2).spike).toBe(true)
    expect(classifyTrend([0.05, 0.06, 0.05, 0.055], 0.065).spike).toBe(false)
    expect(classifyTrend([0.05], 0.2).spike).toBe(true)
    expect(classifyTrend([0.05], 0.08).spike).toBe(false)
  })
})
