// One rule for when the planner's statistics are stale, on both backends (store/statistics.ts).
import { describe, expect, it } from 'vitest'
import { ANALYZE_MIN_CHANGED_ROWS, statisticsAreStale } from '../../src/store/statistics.ts'

describe('statisticsAreStale', () => {
  it('asks for both enough changed rows and growth by half of what the last ANALYZE saw', () => {
    expect(statisticsAreStale(ANALYZE_MIN_CHANGED_ROWS, 0)).toBe(true)
    expect(statisticsAreStale(ANALYZE_MIN_CHANGED_ROWS - 1, 0)).toBe(false)
    expect(statisticsAreStale(5_000, 10_000)).toBe(true)
    expect(statisticsAreStale(4_999, 10_000)).toBe(false)
  })

  it('takes a smaller minimum where a backend sets one (PGlite: 200 written vectors)', () => {
    expect(statisticsAreStale(200, 0, 200)).toBe(true)
    expect(statisticsAreStale(200, 0)).toBe(false)
    expect(statisticsAreStale(300, 1_000, 200)).toBe(false)
  })
})
