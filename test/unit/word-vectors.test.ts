import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WORD_LIST_FILE, WORD_VECTORS_FILE, WORD_VECTORS_MAGIC, wordVectors } from '../../src/text/word-vectors.ts'

/** A table in the shipped layout: magic, rows, dimension, float32 scales, int8 rows. */
function tableDir(rows: Array<[string, number, number[]]>, magic = WORD_VECTORS_MAGIC): string {
  const dir = mkdtempSync(join(tmpdir(), 'word-vectors-'))
  const dimension = rows[0][2].length
  const header = Buffer.alloc(8)
  header.writeUInt32LE(rows.length, 0)
  header.writeUInt32LE(dimension, 4)
  const scales = Float32Array.from(rows.map(([, scale]) => scale))
  const values = Int8Array.from(rows.flatMap(([, , row]) => row))
  writeFileSync(join(dir, WORD_VECTORS_FILE), Buffer.concat([Buffer.from(magic, 'ascii'), header, Buffer.from(scales.buffer), Buffer.from(values.buffer)]))
  writeFileSync(join(dir, WORD_LIST_FILE), rows.map(([word]) => word).join('\n') + '\n')
  return dir
}

describe('a word-vector table', () => {
  it('adds the scaled int8 row of a known word and nothing for an unknown one', () => {
    const table = wordVectors(tableDir([['bag', 0.5, [2, -4]], ['flight', 0.25, [127, 0]]]))
    const sum = new Float32Array(2)
    expect(table.addTo(sum, 'bag')).toBe(true)
    expect(table.addTo(sum, 'flight', 2)).toBe(true)
    expect(table.addTo(sum, 'zzz')).toBe(false)
    expect(Array.from(sum)).toEqual([0.5 * 2 + 2 * 0.25 * 127, 0.5 * -4])
  })

  it('refuses a file of another layout rather than reading garbage', () => {
    expect(() => wordVectors(tableDir([['bag', 1, [1]]], 'XXXX'))).toThrow(/not a PWV1/)
  })

  it('ships English vectors in which related words are close', () => {
    const table = wordVectors()
    const of = (word: string) => {
      const vector = new Float32Array(table.dimension)
      expect(table.addTo(vector, word)).toBe(true)
      const norm = Math.hypot(...vector)
      return vector.map((x) => x / norm)
    }
    const cosine = (a: string, b: string) => of(a).reduce((sum, x, d) => sum + x * of(b)[d], 0)
    expect(cosine('bag', 'luggage')).toBeGreaterThan(cosine('bag', 'phone') + 0.2)
    expect(cosine('delayed', 'late')).toBeGreaterThan(cosine('delayed', 'rude'))
  })
})
