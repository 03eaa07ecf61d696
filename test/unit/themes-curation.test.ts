import { describe, expect, it } from 'vitest'
import { assignMatches, rootOf } from '../../src/chains/themes/curation.ts'
import type { ThemeRow } from '../../src/store/themes.ts'

const rows = (merges: Record<string, string | null>) =>
  new Map<string, ThemeRow>(Object.entries(merges).map(([id, mergedInto]) => [id, { id, label: id, manualLabel: null, mergedInto, createdWeek: '2026-W40' }]))

describe('theme curation', () => {
  it('follows merges to the theme that stands for a merged one now', () => {
    const themes = rows({ a: null, b: 'a', c: 'b' })
    expect(rootOf(themes, 'c')).toBe('a')
    expect(rootOf(themes, 'a')).toBe('a')
    expect(rootOf(themes, 'unknown')).toBe('unknown')
  })

  it('stores a merged theme’s cluster under its root unless the root has its own cluster this week', () => {
    const themes = rows({ a: null, b: 'a', c: null })
    // Cluster 0 matched the merged theme b; cluster 1 matched a itself and so keeps it.
    expect(assignMatches(['b', 'a', null], themes)).toEqual(['b', 'a', null])
    // Without a's own cluster, b's cluster is stored under a.
    expect(assignMatches(['b', 'c'], themes)).toEqual(['a', 'c'])
  })

  it('gives a theme to at most one cluster', () => {
    const themes = rows({ a: null, b: 'a', d: 'a' })
    // b takes the root a; d falls back to itself.
    expect(assignMatches(['b', 'd'], themes)).toEqual(['a', 'd'])
  })
})
