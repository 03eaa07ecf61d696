// pgvector's text form of a vector, as the server path writes and searches it: every component must come
// back as the very float32 it was (pgvector stores float32), in fewer characters than the double form.
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../src/seeded-random.ts'
import { parseVectorText, toVectorLiteral } from '../../src/store/db.ts'

describe('toVectorLiteral', () => {
  it('writes each component so that it reads back as the same float32, for embeddings and extreme values', () => {
    const random = seededRandom(16)
    const vectors = Array.from({ length: 200 }, () => Float32Array.from({ length: 384 }, () => (random() - 0.5) * 0.3))
    vectors.push(Float32Array.from([0, 1, -1, 1e-40, -3.4028234e38, 3.4028234e38, 1.1754944e-38, 0.1, 1 / 3, 123456.789]))
    for (const v of vectors) expect(parseVectorText(toVectorLiteral(v))).toEqual(v)
  })

  it('rounds a double to the float32 pgvector would store, and is about a third shorter than the double form', () => {
    expect(parseVectorText(toVectorLiteral([0.1, 1 / 3]))).toEqual(Float32Array.from([0.1, 1 / 3]))
    const random = seededRandom(7)
    const v = Float32Array.from({ length: 384 }, () => (random() - 0.5) * 0.1)
    expect(toVectorLiteral(v).length).toBeLessThan(0.75 * `[${Array.from(v).join(',')}]`.length)
    expect(toVectorLiteral(v)).toMatch(/^\[[-0-9.e+]+(,[-0-9.e+]+)*\]$/)
  })
})
