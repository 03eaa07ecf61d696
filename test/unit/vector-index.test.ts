// When the IVFFlat index of a model is (re)built: sqrt(n) lists, rebuilt once the vectors doubled.
import { describe, expect, it } from 'vitest'
import { ANN_INDEX_GROWTH, ANN_INDEX_INLINE_BUILD_MAX_VECTORS, annIndexLists, annIndexOutgrown } from '../../src/store/vector-index.ts'

describe('vector index sizing', () => {
  it('gives sqrt(n) lists, at least one', () => {
    expect(annIndexLists(0)).toBe(1)
    expect(annIndexLists(1)).toBe(1)
    expect(annIndexLists(1_000)).toBe(32)
    expect(annIndexLists(100_000)).toBe(316)
  })

  it('calls an index outgrown once the vectors are twice what its lists were sized for', () => {
    const lists = annIndexLists(10_000)
    expect(annIndexOutgrown(lists, 10_000)).toBe(false)
    expect(annIndexOutgrown(lists, ANN_INDEX_GROWTH * 10_000)).toBe(false)
    expect(annIndexOutgrown(lists, ANN_INDEX_GROWTH * 10_000 + 1)).toBe(true)
  })

  it('never rebuilds a small store: searching its first index costs little', () => {
    expect(annIndexOutgrown(1, ANN_INDEX_INLINE_BUILD_MAX_VECTORS - 1)).toBe(false)
    expect(annIndexOutgrown(1, ANN_INDEX_INLINE_BUILD_MAX_VECTORS)).toBe(true)
  })
})
