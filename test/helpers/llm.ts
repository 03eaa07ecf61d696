// A fake OpenAI-compatible endpoint for integration tests (nock, no network).
import nock from 'nock'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { resetBreakers } from '../../src/llm/resilience.ts'
import { createTestServices } from './services.ts'

export const LLM_BASE_URL = 'http://llm.test/v1'
export const LLM_ENV = { LLM_BASE_URL, LLM_API_KEY: 'sk-test', LLM_MODEL: 'test-model', LLM_TIMEOUT_MS: '1500', LLM_MAX_RETRIES: '1', LLM_ROUTE_BUDGET_MS: '4000' }

export interface ChatBody {
  model: string
  messages: Array<{ role: string; content: string }>
  response_format?: { type: string; json_schema: { name: string; schema: any } }
}

export function completion(content: string, usage = { prompt_tokens: 120, completion_tokens: 40 }) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  }
}

/** Intercepts chat completions, recording each request body; `reply` builds the answer from the body. */
export function fakeLlm(reply: (body: ChatBody) => { status: number; json?: unknown; text?: string } | Promise<{ status: number; json?: unknown; text?: string }>, times = 50) {
  const bodies: ChatBody[] = []
  const scope = nock(LLM_BASE_URL)
    .post('/chat/completions', (body: ChatBody) => {
      bodies.push(body)
      return true
    })
    .times(times)
    .reply(async function (this: unknown) {
      const r = await reply(bodies[bodies.length - 1])
      return [r.status, r.text ?? JSON.stringify(r.json), { 'content-type': 'application/json' }]
    })
  return { bodies, scope }
}

export function userText(body: ChatBody): string {
  return body.messages.map((m) => m.content).join('\n')
}

type TestServices = Awaited<ReturnType<typeof createTestServices>>

/**
 * Test services pointed at the fake endpoint, for the enclosing file or describe block. The network
 * stays closed throughout. Interceptors and circuit breakers are module-wide state, so they are
 * cleared around each test (`resetEach`) lest one test's faults decide the next one's outcome.
 * Returns live accessors: they are only valid once the registered beforeAll has run.
 */
export function useLlmTestServices(opts: { env?: Record<string, string>; resetEach?: 'before' | 'after' | 'none' } = {}): Pick<TestServices, 'app' | 'services' | 'ingest'> {
  const { env = LLM_ENV, resetEach = 'after' } = opts
  let current: TestServices | undefined
  const started = (): TestServices => {
    if (!current) throw new Error('useLlmTestServices: used before its beforeAll ran')
    return current
  }
  beforeAll(async () => {
    nock.disableNetConnect()
    resetBreakers()
    current = await createTestServices({ env })
  })
  afterAll(async () => {
    await current?.close()
    nock.cleanAll()
    nock.enableNetConnect()
  })
  const reset = () => {
    nock.cleanAll()
    resetBreakers()
  }
  if (resetEach === 'before') beforeEach(reset)
  if (resetEach === 'after') afterEach(reset)
  return {
    get app() { return started().app },
    get services() { return started().services },
    ingest: (ws, conversations) => started().ingest(ws, conversations),
  }
}
