import { existsSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cosine, type Embedder } from '../../src/embeddings/embedder.ts'
import { createEmbedder } from '../../src/embeddings/index.ts'
import { createTransformersEmbedder, isE5Model, isModelFolder } from '../../src/embeddings/transformers.ts'

const SHARED = new URL('../../../shared/', import.meta.url)
const GLOVE_FOLDER = fileURLToPath(new URL('models/glove-6b-100d-sif', SHARED))
const MODELS_DIR = fileURLToPath(new URL('models/', SHARED))
const haveGlove = existsSync(`${GLOVE_FOLDER}/tokenizer.json`)

describe('transformers model naming', () => {
  it('recognises e5-family models, which need query:/passage: prefixes', () => {
    expect(isE5Model('Xenova/multilingual-e5-small')).toBe(true)
    expect(isE5Model('intfloat/e5-base-v2')).toBe(true)
    expect(isE5Model('Xenova/all-MiniLM-L6-v2')).toBe(false)
    expect(isE5Model('Xenova/bge-m3')).toBe(false)
  })

  it('tells folders from hub ids', () => {
    expect(isModelFolder('/opt/models/embedder')).toBe(true)
    expect(isModelFolder('./models/embedder')).toBe(true)
    expect(isModelFolder('Xenova/multilingual-e5-small')).toBe(false)
  })

  it('does not download a hub model when remote loading is off', async () => {
    const modelsDir = mkdtempSync(join(tmpdir(), 'parley-models-'))
    await expect(createTransformersEmbedder({ model: 'Xenova/not-cached-anywhere', modelsDir, allowRemote: false })).rejects.toThrow()
  })

  it('fails clearly on a folder that is not a model', async () => {
    await expect(createTransformersEmbedder({ model: '/nonexistent/parley-model' })).rejects.toThrow(/tokenizer\.json/)
  })
})

describe.skipIf(!haveGlove)(`transformers embedder on the offline GloVe model${haveGlove ? '' : ' (skipped: ../shared/models/glove-6b-100d-sif not present)'}`, () => {
  let embedder: Embedder

  beforeAll(async () => {
    embedder = await createTransformersEmbedder({ model: GLOVE_FOLDER, dtype: 'fp32' })
  })
  afterAll(async () => {
    await embedder?.close?.()
  })

  it('detects 100 dimensions and a stable id naming the model', () => {
    expect(embedder.dimension).toBe(100)
    expect(embedder.id).toMatch(/^transformers:glove-6b-100d-sif#[0-9a-f]{8}$/)
  })

  it('returns unit vectors in input order, across batches', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => (i % 2 === 0 ? 'my flight was delayed' : 'the cake tasted great'))
    const vectors = await embedder.embed(texts)
    expect(vectors).toHaveLength(70)
    for (const v of vectors) {
      expect(v.length).toBe(100)
      expect(Math.hypot(...v)).toBeCloseTo(1, 4)
    }
    expect(cosine(vectors[0], vectors[68])).toBeCloseTo(1, 5)
    expect(cosine(vectors[1], vectors[69])).toBeCloseTo(1, 5)
    expect(cosine(vectors[0], vectors[1])).toBeLessThan(0.9)
  })

  it("puts 'flight delayed' closer to 'plane late' than to 'chocolate cake'", async () => {
    const [flight, plane, cake] = await embedder.embed(['flight delayed', 'plane late', 'chocolate cake'], { kind: 'query' })
    expect(cosine(flight, plane)).toBeGreaterThan(cosine(flight, cake) + 0.2)
  })

  it('gives zero vectors, not NaN, for empty or all-unknown text', async () => {
    const [empty] = await embedder.embed([''])
    expect(Array.from(empty).every((x) => x === 0)).toBe(true)
  })

  it('is picked by createEmbedder for a transformers:<folder> spec', async () => {
    const { embedder: created, reason } = await createEmbedder({ spec: `transformers:${GLOVE_FOLDER}`, modelsDir: MODELS_DIR })
    expect(created.id).toBe(embedder.id)
    expect(reason).toContain('100 dims')
    await created.close?.()
  })

  it('is picked by "auto" when a model folder is baked at <modelsDir>/embedder', async () => {
    const modelsDir = mkdtempSync(join(tmpdir(), 'parley-models-'))
    symlinkSync(GLOVE_FOLDER, join(modelsDir, 'embedder'))
    const { embedder: created, reason } = await createEmbedder({ spec: 'auto', modelsDir })
    expect(created.dimension).toBe(100)
    expect(created.id).toMatch(/^transformers:embedder#[0-9a-f]{8}$/)
    expect(reason).toMatch(/found model folder/)
    await created.close?.()
  })
})
