import nock from 'nock'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEmbedder } from '../../src/embeddings/index.ts'
import { createOpenAIEmbedder, OPENAI_MAX_INPUTS_PER_REQUEST, type OpenAICallInfo } from '../../src/embeddings/openai.ts'

const BASE_URL = 'https://embeddings.test/v1'
const MODEL = 'text-embedding-3-small'

interface EmbeddingsBody {
  model: string
  input: string[]
  dimensions?: number
  encoding_format?: string
}

/** A deterministic, non-normalised vector per input so order and normalisation are checkable. */
function fakeVector(text: string, dimension: number): number[] {
  return Array.from({ length: dimension }, (_, i) => ((text.length + 1) * (i + 1)) % 7)
}

function replyOutOfOrder(body: EmbeddingsBody, dimension: number) {
  const data = body.input.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text, dimension) }))
  return { object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: body.input.length * 3, total_tokens: body.input.length * 3 } }
}

/** This nock release hands reply functions the fetch Request (a two-argument function means a callback). */
function replyWithVectors(dimension: number) {
  return async (request: Request) => replyOutOfOrder((await request.json()) as EmbeddingsBody, dimension)
}

function expectUnitVectorOf(actual: Float32Array, expected: number[]): void {
  const norm = Math.hypot(...expected)
  expect(Array.from(actual).map((x) => Number(x.toFixed(5)))).toEqual(expected.map((x) => Number((x / norm).toFixed(5))))
}

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

describe('openai embedder', () => {
  it('sends redacted inputs and the model, and returns vectors in input order', async () => {
    const bodies: EmbeddingsBody[] = []
    const scope = nock(BASE_URL)
      .post('/embeddings', (body: EmbeddingsBody) => {
        bodies.push(body)
        return true
      })
      .reply(200, replyWithVectors(1536))
    const calls: OpenAICallInfo[] = []
    const embedder = await createOpenAIEmbedder({
      baseURL: BASE_URL,
      apiKey: 'sk-test',
      model: MODEL,
      redact: (text) => text.replace(/\S+@\S+/g, '[EMAIL]'),
      onCall: (info) => calls.push(info),
    })
    const texts = ['write to jane@example.com please', 'short', 'a somewhat longer message here']
    const vectors = await embedder.embed(texts)

    expect(scope.isDone()).toBe(true)
    expect(bodies).toHaveLength(1)
    expect(bodies[0].model).toBe(MODEL)
    expect(bodies[0].input).toEqual(['write to [EMAIL] please', 'short', 'a somewhat longer message here'])
    expect(JSON.stringify(bodies[0])).not.toContain('jane@example.com')
    expect(embedder.dimension).toBe(1536)
    expect(embedder.id).toBe('openai:text-embedding-3-small')
    bodies[0].input.forEach((sent, i) => expectUnitVectorOf(vectors[i], fakeVector(sent, 1536)))
    expect(calls).toEqual([{ model: MODEL, inputs: 3, tokens: 9, latencyMs: expect.any(Number), ok: true }])
  })

  it(`splits into requests of at most ${OPENAI_MAX_INPUTS_PER_REQUEST} inputs and skips empty texts`, async () => {
    const bodies: EmbeddingsBody[] = []
    nock(BASE_URL)
      .post('/embeddings', (body: EmbeddingsBody) => {
        bodies.push(body)
        return true
      })
      .times(3)
      .reply(200, replyWithVectors(8))
    const embedder = await createOpenAIEmbedder({ baseURL: BASE_URL, apiKey: 'sk-test', model: MODEL, dimensions: 8 })
    const texts = Array.from({ length: 200 }, (_, i) => (i === 5 ? '   ' : `message number ${i}`))
    const vectors = await embedder.embed(texts)

    expect(bodies.map((b) => b.input.length)).toEqual([96, 96, 7])
    expect(bodies.every((b) => b.dimensions === 8 && b.encoding_format === 'float')).toBe(true)
    expect(bodies.flatMap((b) => b.input)).not.toContain('   ')
    expect(Array.from(vectors[5]).every((x) => x === 0)).toBe(true)
    expectUnitVectorOf(vectors[150], fakeVector('message number 150', 8))
    expect(embedder.id).toBe('openai:text-embedding-3-small@8')
  })

  it('probes the dimension of a model it does not know', async () => {
    nock(BASE_URL)
      .post('/embeddings', (body: EmbeddingsBody) => body.model === 'nomic-embed-text' && body.input.length === 1)
      .reply(200, replyWithVectors(768))
    const embedder = await createOpenAIEmbedder({ baseURL: BASE_URL, model: 'nomic-embed-text' })
    expect(embedder.dimension).toBe(768)
  })

  it('reports a failed call and rethrows, without retrying a 400', async () => {
    let attempts = 0
    nock(BASE_URL)
      .post('/embeddings', () => ++attempts > 0)
      .times(3)
      .reply(400, { error: { message: 'bad input', type: 'invalid_request_error' } })
    const calls: OpenAICallInfo[] = []
    const embedder = await createOpenAIEmbedder({ baseURL: BASE_URL, apiKey: 'sk-test', model: MODEL, maxRetries: 2, onCall: (c) => calls.push(c) })
    await expect(embedder.embed(['hello there'])).rejects.toThrow(/bad input/)
    expect(attempts).toBe(1)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ ok: false, inputs: 1, error: expect.stringContaining('bad input') })
  })

  it('retries a 500 up to maxRetries', async () => {
    const scope = nock(BASE_URL)
      .post('/embeddings')
      .reply(500, { error: { message: 'overloaded' } })
      .post('/embeddings')
      .reply(200, replyWithVectors(1536))
    const embedder = await createOpenAIEmbedder({ baseURL: BASE_URL, apiKey: 'sk-test', model: MODEL, maxRetries: 1 })
    const [vector] = await embedder.embed(['hello there'])
    expect(vector.length).toBe(1536)
    expect(scope.isDone()).toBe(true)
  })

  it('rejects a response whose vectors do not match the inputs', async () => {
    nock(BASE_URL)
      .post('/embeddings')
      .reply(200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [1, 0] }], model: MODEL })
    const embedder = await createOpenAIEmbedder({ baseURL: BASE_URL, apiKey: 'sk-test', model: MODEL, dimensions: 2 })
    await expect(embedder.embed(['one', 'two'])).rejects.toThrow(/1 vectors for 2 inputs/)
  })

  it('is built by createEmbedder for an openai:<model> spec, passing the redaction hook', async () => {
    let sent: string[] = []
    nock(BASE_URL)
      .post('/embeddings', (body: EmbeddingsBody) => {
        sent = body.input
        return true
      })
      .reply(200, replyWithVectors(1536))
    const { embedder, reason } = await createEmbedder(
      { spec: `openai:${MODEL}`, baseURL: BASE_URL, apiKey: 'sk-test', modelsDir: './models' },
      { redact: () => '[REDACTED]' },
    )
    await embedder.embed(['secret customer text'])
    expect(sent).toEqual(['[REDACTED]'])
    expect(reason).toContain('embeddings.test')
  })
})
