import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import nock from 'nock'
import { z } from 'zod'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LlmConfig } from '../../src/config.ts'
import { LlmError } from '../../src/llm/errors.ts'
import { loadPrompt } from '../../src/llm/prompts.ts'
import { getBreaker, InMemoryTokenBudget, resetBreakers } from '../../src/llm/resilience.ts'
import {
  callStructured,
  FileResponseCache,
  withLocalFallback,
  type LlmCallRecord,
  type StructuredCall,
} from '../../src/llm/structured.ts'

const BASE_URL = 'http://llm.test/v1'
const dir = mkdtempSync(path.join(tmpdir(), 'parley-llm-'))
writeFileSync(
  path.join(dir, 'sentiment.md'),
  '## system\nLabel the sentiment of a customer message. Answer with JSON.\n## user\nMessage: {{message}}\n',
)
const prompt = loadPrompt('sentiment', dir)
const schema = z.object({ label: z.enum(['positive', 'neutral', 'negative']), confidence: z.number().min(0).max(1) })
type Sentiment = z.infer<typeof schema>

const cfg: LlmConfig = {
  baseURL: BASE_URL,
  apiKey: 'sk-test',
  model: 'test-model',
  timeoutMs: 2_000,
  maxRetries: 2,
  routeBudgetMs: 5_000,
  tokensPerCall: 1_000,
  tokensPerWorkspaceDay: 100_000,
}

interface ChatBody {
  model: string
  messages: { role: string; content: string }[]
  response_format?: { type: string; json_schema: { name: string; schema: { properties: Record<string, { enum?: string[] }> }; strict: boolean } }
  max_tokens?: number
  temperature?: number
}

function completion(content: string, usage = { prompt_tokens: 20, completion_tokens: 5 }) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: cfg.model,
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  }
}
const answer = (value: unknown) => completion(JSON.stringify(value))

/** Records every request body that reaches the fake endpoint. */
function endpoint() {
  const bodies: ChatBody[] = []
  const scope = nock(BASE_URL)
  const post = () =>
    scope.post('/chat/completions', (body: ChatBody) => {
      bodies.push(body)
      return true
    })
  return { bodies, post, scope }
}

let audits: LlmCallRecord[] = []
function call(overrides: Partial<StructuredCall<Sentiment>> = {}): StructuredCall<Sentiment> {
  return {
    cfg,
    prompt,
    vars: { message: 'the parcel never arrived' },
    schema,
    purpose: 'sentiment',
    workspaceId: 'ws-1',
    redactions: 2,
    audit: (r) => {
      audits.push(r)
    },
    ...overrides,
  }
}
const failure = (p: Promise<unknown>) => p.then(() => expect.unreachable('expected a failure'), (e: unknown) => e as LlmError)

beforeAll(() => nock.disableNetConnect())
beforeEach(() => {
  audits = []
  resetBreakers()
})
afterEach(() => nock.cleanAll())
afterAll(() => {
  nock.enableNetConnect()
  rmSync(dir, { recursive: true, force: true })
})

describe('callStructured', () => {
  it('sends the rendered prompt with the JSON schema and returns the validated value', async () => {
    const { bodies, post, scope } = endpoint()
    post().reply(200, answer({ label: 'negative', confidence: 0.9 }))

    const result = await callStructured(call())

    expect(scope.isDone()).toBe(true)
    expect(result).toEqual({ value: { label: 'negative', confidence: 0.9 }, usage: { input: 20, output: 5 }, cached: false })
    const body = bodies[0]
    expect(body.model).toBe('test-model')
    expect(body.temperature).toBe(0)
    expect(body.max_tokens).toBe(cfg.tokensPerCall)
    expect(body.messages).toEqual([
      { role: 'system', content: 'Label the sentiment of a customer message. Answer with JSON.' },
      { role: 'user', content: 'Message: the parcel never arrived' },
    ])
    expect(body.response_format?.type).toBe('json_schema')
    expect(body.response_format?.json_schema.name).toBe('sentiment')
    expect(body.response_format?.json_schema.strict).toBe(true)
    expect(body.response_format?.json_schema.schema.properties.label.enum).toEqual(['positive', 'neutral', 'negative'])
    expect(audits).toEqual([
      expect.objectContaining({
        workspaceId: 'ws-1',
        purpose: 'sentiment',
        model: 'test-model',
        promptVersion: prompt.version,
        inputTokens: 20,
        outputTokens: 5,
        outcome: 'ok',
        redactions: 2,
      }),
    ])
  })

  it('retries a 429 and succeeds (retry_ok)', async () => {
    const { bodies, post } = endpoint()
    post().reply(429, { error: { message: 'slow down' } }, { 'retry-after-ms': '10' })
    post().reply(200, answer({ label: 'neutral', confidence: 0.5 }))

    const result = await callStructured(call())

    expect(result.value.label).toBe('neutral')
    expect(bodies).toHaveLength(2)
    expect(audits.map((a) => a.outcome)).toEqual(['retry_ok'])
  })

  it('retries a connection reset', async () => {
    const { post } = endpoint()
    // An Error instance: under native fetch, nock leaves a plain-object error pending forever.
    post().replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    post().reply(200, answer({ label: 'positive', confidence: 1 }))
    const started = Date.now()
    const timeoutMs = 20_000

    expect((await callStructured(call({ cfg: { ...cfg, timeoutMs } }))).value.label).toBe('positive')
    expect(audits[0].outcome).toBe('retry_ok')
    // Far under the timeout: the reset was retried as a connection error, not waited out as a timeout.
    // (The margin is wide so a loaded CI machine cannot make the answer late enough to look like one.)
    expect(Date.now() - started).toBeLessThan(timeoutMs / 2)
  })

  it('gives up on repeated 500s after maxRetries + 1 attempts with a server error', async () => {
    const { bodies, post } = endpoint()
    post().times(5).reply(500, { error: { message: 'overloaded' } })

    const error = await failure(callStructured(call()))

    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ kind: 'server', status: 500, retryable: true })
    expect(bodies).toHaveLength(cfg.maxRetries + 1)
    expect(audits).toEqual([expect.objectContaining({ outcome: 'error', error: expect.stringMatching(/^server 500/) })])
  })

  it('times out a slow endpoint within the route deadline', async () => {
    const { post } = endpoint()
    // An async reply, not .delay(): aborting a nock .delay() under native fetch crashes undici.
    post().times(5).reply(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      return [200, answer({ label: 'neutral', confidence: 0.5 })]
    })
    const started = Date.now()

    const error = await failure(callStructured(call({ cfg: { ...cfg, timeoutMs: 250 }, deadline: Date.now() + 600 })))

    const elapsed = Date.now() - started
    expect(error.kind).toBe('timeout')
    expect(elapsed).toBeGreaterThanOrEqual(240)
    expect(elapsed).toBeLessThan(900)
    expect(audits[0]).toMatchObject({ outcome: 'timeout' })
  })

  it('stops at once when the caller aborts', async () => {
    const { post } = endpoint()
    post().reply(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      return [200, answer({ label: 'neutral', confidence: 0.5 })]
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()

    const error = await failure(callStructured(call({ signal: controller.signal })))

    expect(error.kind).toBe('aborted')
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(audits[0]).toMatchObject({ outcome: 'error', error: expect.stringMatching(/^aborted/) })
  })

  it('repairs a reply that is not JSON once, with the problem appended', async () => {
    const { bodies, post } = endpoint()
    post().reply(200, completion('Sure! The sentiment is negative.'))
    post().reply(200, answer({ label: 'negative', confidence: 0.8 }))

    const result = await callStructured(call())

    expect(result.value.label).toBe('negative')
    expect(result.usage).toEqual({ input: 40, output: 10 })
    const repair = bodies[1].messages
    expect(repair).toHaveLength(4)
    expect(repair[2]).toEqual({ role: 'assistant', content: 'Sure! The sentiment is negative.' })
    expect(repair[3].content).toMatch(/not valid JSON/)
    expect(audits[0]).toMatchObject({ outcome: 'retry_ok', inputTokens: 40, outputTokens: 10 })
  })

  it('accepts JSON wrapped in a markdown fence', async () => {
    const { post } = endpoint()
    post().reply(200, completion('```json\n{"label":"positive","confidence":0.7}\n```'))
    expect((await callStructured(call())).value).toEqual({ label: 'positive', confidence: 0.7 })
  })

  it('rejects a label outside the enum, retries once with the validation error, then fails with bad_output', async () => {
    const { bodies, post } = endpoint()
    post().times(2).reply(200, answer({ label: 'furious', confidence: 0.9 }))

    const error = await failure(callStructured(call()))

    expect(error).toMatchObject({ kind: 'bad_output', retryable: false })
    expect(bodies).toHaveLength(2)
    expect(bodies[1].messages.at(-1)?.content).toMatch(/Invalid option: expected one of "positive"\|"neutral"\|"negative"/)
    expect(audits).toEqual([expect.objectContaining({ outcome: 'bad_output', inputTokens: 40, outputTokens: 10 })])
  })

  it('treats a response body that is not JSON as bad output', async () => {
    const { post } = endpoint()
    post().times(2).reply(200, '{"choices": [', { 'content-type': 'application/json' })

    const error = await failure(callStructured(call()))

    expect(error.kind).toBe('bad_output')
    expect(audits[0].outcome).toBe('bad_output')
  })

  it('asks for a shorter answer when the reply was cut off at the token limit', async () => {
    const { bodies, post } = endpoint()
    const truncated = completion('{"label":"neg')
    truncated.choices[0].finish_reason = 'length'
    post().reply(200, truncated)
    post().reply(200, answer({ label: 'negative', confidence: 0.9 }))

    expect((await callStructured(call())).value.label).toBe('negative')
    expect(bodies[1].messages.at(-1)?.content).toMatch(/cut off at the token limit/)
  })

  it('opens the circuit after N failures, rejects fast without a request, then half-opens and closes', async () => {
    getBreaker(BASE_URL, { failureThreshold: 3, cooldownMs: { server: 300 } })
    const { bodies, post } = endpoint()
    post().times(3).reply(503, { error: { message: 'down' } })
    const once = { ...cfg, maxRetries: 0 }

    for (let i = 0; i < 3; i++) await failure(callStructured(call({ cfg: once })))
    expect(getBreaker(BASE_URL).state).toBe('open')

    const started = Date.now()
    const rejected = await failure(callStructured(call({ cfg: once })))
    expect(rejected.kind).toBe('circuit_open')
    expect(Date.now() - started).toBeLessThan(50)
    expect(bodies).toHaveLength(3)
    expect(audits.at(-1)).toMatchObject({ outcome: 'circuit_open', inputTokens: 0 })

    await new Promise((resolve) => setTimeout(resolve, 320))
    expect(getBreaker(BASE_URL).state).toBe('half_open')
    post().reply(200, answer({ label: 'neutral', confidence: 0.4 }))
    expect((await callStructured(call({ cfg: once }))).value.label).toBe('neutral')
    expect(getBreaker(BASE_URL).state).toBe('closed')
  })

  it('refuses calls over the per-call or the workspace token budget without a request', async () => {
    const { bodies, post } = endpoint()
    post().reply(200, answer({ label: 'neutral', confidence: 0.5 }))

    const tooLong = await failure(callStructured(call({ vars: { message: 'x'.repeat(5_000) } })))
    expect(tooLong.kind).toBe('budget')

    const budget = new InMemoryTokenBudget(100)
    await callStructured(call({ budget }))
    expect(await budget.remaining('ws-1')).toBe(75)
    await budget.consume('ws-1', 70)
    const spent = await failure(callStructured(call({ budget })))
    expect(spent.kind).toBe('budget')
    expect(bodies).toHaveLength(1)
    expect(audits.map((a) => a.outcome)).toEqual(['budget', 'ok', 'budget'])
  })

  it('serves repeated calls from the file cache, keyed by prompt version, model and input', async () => {
    const cache = new FileResponseCache(path.join(dir, 'cache'))
    const { bodies, post } = endpoint()
    post().times(2).reply(200, answer({ label: 'negative', confidence: 0.6 }))

    const first = await callStructured(call({ cache }))
    const second = await callStructured(call({ cache }))
    expect(first.cached).toBe(false)
    expect(second).toEqual({ ...first, cached: true })
    expect(bodies).toHaveLength(1)

    await callStructured(call({ cache, cfg: { ...cfg, model: 'other-model' } }))
    expect(bodies).toHaveLength(2)
  })
})

describe('withLocalFallback', () => {
  it('answers locally and says why when the LLM fails', async () => {
    const { post } = endpoint()
    post().reply(400, { error: { message: 'bad request' } })
    const warnings: object[] = []

    const result = await withLocalFallback(
      async () => (await callStructured(call())).value,
      () => ({ label: 'neutral' as const, confidence: 0.3 }),
      { warn: (details) => warnings.push(details) },
    )

    expect(result).toEqual({ value: { label: 'neutral', confidence: 0.3 }, degraded: true, reason: 'llm_client' })
    expect(warnings).toEqual([expect.objectContaining({ reason: 'llm_client', status: 400 })])
  })

  it('is not degraded when the LLM answers', async () => {
    const result = await withLocalFallback(async () => 'llm', () => 'local')
    expect(result).toEqual({ value: 'llm', degraded: false })
  })

  it('rethrows when the caller aborted instead of computing an unwanted answer', async () => {
    let localRan = false
    const aborted = Object.assign(new Error('aborted'), { name: 'AbortError' })
    await expect(withLocalFallback(async () => Promise.reject(aborted), () => (localRan = true))).rejects.toMatchObject({ kind: 'aborted' })
    expect(localRan).toBe(false)
  })
})
