// pgvector's text form of a vector, as the server path writes and searches it: every component must come
// back as the very float32 it was (pgvector stores float32), in fewer characters than the double form.
import { describe, expect, it } from 'vitest'
import { parseVectorText, toVectorLiteral } from '../../src/store/db.ts'

function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('toVectorLiteral', () => {
  it('writes each component so that it reads back as the same float32, for embeddings and extreme values', () => {
    const random = seeded(16)
    const vectors = Array.from({ length: 200 }, () => Float32Array.from({ length: 384 }, () => (random() - 0.5) * 0.3))
    vectors.push(Float32Array.from([0, 1, -1, 1e-40, -3.4028234e38, 3.4028234e38, 1.1754944e-38, 0.1, 1 / 3, 123456.789]))
    for (const v of vectors) expect(parseVectorText(toVectorLiteral(v))).toEqual(v)
  })

  it('rounds a double to the float32 pgvector would store, and is about a third shorter than the double form', () => {
    expect(parseVectorText(toVectorLiteral([0.1, 1 / 3]))).toEqual(Float32Array.from([0.1, 1 / 3]))
    const random = seeded(7)
    const v = Float32Array.from({ length: 384 }, () => (random() - 0.5) * 0.1)
    expect(toVectorLiteral(v).length).toBeLessThan(0.75 * `[${Array.from(v).join(',')}]`.length)
    expect(toVectorLiteral(v)).toMatch(/^\[[-0-9.e+]+(,[-0-9.e+]+)*\]$/)
  })
})
