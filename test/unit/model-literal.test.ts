import { describe, expect, it } from 'vitest'
import { modelLiteral } from '../../src/store/embeddings.ts'

describe('modelLiteral', () => {
  it('accepts the ids every embedder produces, including folder fingerprints', () => {
    for (const id of ['builtin:hash-ngram-v1', 'transformers:glove-6b-100d-sif#bddc147d', 'openai:text-embedding-3-small@512', 'use:universal-sentence-encoder-lite-en-v1@0.2.0']) {
      expect(modelLiteral(id)).toBe(`'${id}'`)
    }
  })
  it('refuses anything that could break out of the SQL literal', () => {
    for (const id of ["x'; DROP TABLE messages; --", 'a b', '']) expect(() => modelLiteral(id)).toThrow()
  })
})
