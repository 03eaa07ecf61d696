import nock from 'nock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

const BASE = 'http://embeddings.test/v1'
const DIM = 1536
let t: Awaited<ReturnType<typeof createTestServices>>
const sent: string[][] = []

beforeAll(async () => {
  nock.disableNetConnect()
  nock(BASE)
    .post('/embeddings', (body: { input: string[] }) => {
      sent.push(body.input)
      return true
    })
    .times(20)
    .reply(200, async (request: Request) => {
      const body = (await request.json()) as { input: string[] }
      return {
      object: 'list',
      model: 'text-embedding-3-small',
      data: body.input.map((_: string, index: number) => ({ object: 'embedding', index, embedding: Array.from({ length: DIM }, (_, d) => ((index + 1) * (d + 1)) % 7) })),
      usage: { prompt_tokens: 12, total_tokens: 12 },
      }
    })
  t = await createTestServices({ embedder: undefined, env: { EMBEDDINGS: 'openai:text-embedding-3-small', EMBEDDINGS_BASE_URL: BASE, EMBEDDINGS_API_KEY: 'sk-test' } })
})
afterAll(async () => {
  await t?.close()
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('remote embeddings', () => {
  it('sends only redacted text and audits each call against the workspace', async () => {
    const ws = await createWorkspace(t.services)
    await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: ws.auth(),
      payload: { conversations: [conversation('e1', [['customer', 'Refund to card 4111 1111 1111 1111 please, mail me at ana.lima@example.org']])] },
    })
    await t.services.worker.drain()
    const all = sent.flat().join('\n')
    expect(all).not.toContain('ana.lima@example.org')
    expect(all).not.toContain('4111 1111')
    expect(all).toContain('[EMAIL_1]')
    expect(all).toContain('[CARD_1]')
    const audit = (await t.app.inject({ method: 'GET', url: '/v1/audit/llm-calls', headers: ws.auth() })).json().items
    expect(audit[0]).toMatchObject({ purpose: 'embed', model: 'text-embedding-3-small', outcome: 'ok', redactions: 2 })
  })
})
