// A table of English word vectors shipped in the repository (models/word-vectors/, made by
// scripts/make-word-vectors.ts from GloVe, see its README.md): what a word means, learnt from a large
// corpus, where the batch's own TF-IDF only knows which words co-occur in this very batch. Rows are
// SIF-weighted (frequent words count less), so summing a text's rows gives its SIF sentence vector.
// Read once, synchronously (3 MB), on first use.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const WORD_VECTORS_FILE = 'vectors.bin'
export const WORD_LIST_FILE = 'words.txt'
/** First bytes of the vectors file; bump the digit with its layout. */
export const WORD_VECTORS_MAGIC = 'PWV1'
export const DEFAULT_WORD_VECTORS_DIR = fileURLToPath(new URL('../../models/word-vectors/', import.meta.url))

export interface WordVectors {
  dimension: number
  /** Adds `weight` × the word's vector to `target`; false (and nothing added) for a word not in the table. */
  addTo(target: Float32Array, word: string, weight?: number): boolean
}

const loaded = new Map<string, WordVectors>()

/** The table in `dir` (the shipped English one by default), loaded once per process. */
export function wordVectors(dir: string = DEFAULT_WORD_VECTORS_DIR): WordVectors {
  let table = loaded.get(dir)
  if (!table) loaded.set(dir, (table = readWordVectors(dir)))
  return table
}

function readWordVectors(dir: string): WordVectors {
  const bytes = readFileSync(join(dir, WORD_VECTORS_FILE))
  if (bytes.toString('ascii', 0, 4) !== WORD_VECTORS_MAGIC) throw new Error(`${join(dir, WORD_VECTORS_FILE)} is not a ${WORD_VECTORS_MAGIC} word-vector file`)
  const rows = bytes.readUInt32LE(4)
  const dimension = bytes.readUInt32LE(8)
  const scalesAt = 12
  const valuesAt = scalesAt + rows * 4
  if (bytes.length !== valuesAt + rows * dimension) throw new Error(`${join(dir, WORD_VECTORS_FILE)}: ${bytes.length} bytes for ${rows} rows of ${dimension}`)
  // Copied out so the typed arrays are aligned whatever the Buffer's offset in its pool.
  const scales = new Float32Array(bytes.buffer.slice(bytes.byteOffset + scalesAt, bytes.byteOffset + valuesAt))
  const values = new Int8Array(bytes.buffer.slice(bytes.byteOffset + valuesAt, bytes.byteOffset + bytes.length))
  const words = readFileSync(join(dir, WORD_LIST_FILE), 'utf8').split('\n').filter((word) => word !== '')
  if (words.length !== rows) throw new Error(`${join(dir, WORD_LIST_FILE)}: ${words.length} words for ${rows} vectors`)
  const rowOf = new Map(words.map((word, row) => [word, row]))
  return {
    dimension,
    addTo(target, word, weight = 1) {
      const row = rowOf.get(word)
      if (row === undefined) return false
      const scale = weight * scales[row]
      const offset = row * dimension
      for (let d = 0; d < dimension; d++) target[d] += scale * values[offset + d]
      return true
    },
  }
}
