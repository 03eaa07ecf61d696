// The LLM endpoint misbehaves in every way we know; the suggestions route still answers within its
// budget, from the local implementation, and says it degraded. The circuit opens and closes.
import nock from 'nock'
import { beforeAll, describe, expect, it } from 'vitest'
import { getBreaker } from '../../src/llm/resilience.ts'
import { completion, fakeLlm, LLM_BASE_URL, LLM_ENV, useLlmTestServices } from '../helpers/llm.ts'
import { conversation, createWorkspace } from '../helpers/services.ts'

const BUDGET_MS = Number(LLM_ENV.LLM_ROUTE_BUDGET_MS)
const SLACK_MS = 1_500 // local fallback + PGlite on a loaded machine
const t = useLlmTestServices({ resetEach: 'before' })
let ws: Awaited<ReturnType<typeof createWorkspace>>
let targetId: string

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  ws = await createWorkspace(t.services)
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: ws.auth(),
    payload: {
      conversations: [
        conversation('past', [['customer', 'my router keeps dropping the wifi every evening'], ['agent', 'Sorry! Please restart the router and tell us if it keeps dropping.']]),
        conversation('now', [['customer', 'the wifi keeps dropping again tonight, router restarted twice']]),
      ],
    },
  })
  targetId = res.json().results[1].id
  // No endpoint is reachable here, so enrichment falls back to local classification.
  await t.services.worker.drain()
})

async function suggest() {
  const started = performance.now()
  const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${targetId}/suggestions`, headers: ws.auth('agent'), payload: {} })
  return { res, body: res.json(), ms: performance.now() - started }
}

const faults: Array<[string, () => void, RegExp]> = [
  ['slow', () => fakeLlm(async () => (await sleep(BUDGET_MS), { status: 200, json: completion('{}') })), /^llm_(timeout|aborted)$/],
  ['429', () => nock(LLM_BASE_URL).post('/chat/completions').times(5).reply(429, { error: { message: 'slow down' } }, { 'retry-after': '0' }), /^llm_rate_limit$/],
  ['500', () => nock(LLM_BASE_URL).post('/chat/completions').times(5).reply(500, { error: { message: 'boom' } }), /^llm_server$/],
  ['malformed JSON', () => nock(LLM_BASE_URL).post('/chat/completions').times(5).reply(200, '{"choices": [ oops', { 'content-type': 'application/json' }), /^llm_/],
  ['wrong-schema JSON', () => fakeLlm(() => ({ status: 200, json: completion('{"suggestions": "none", "shouldReply": "maybe"}') })), /^llm_bad_output$/],
  ['connection reset', () => nock(LLM_BASE_URL).post('/chat/completions').times(5).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), /^llm_connection$/],
]

describe('suggestions under LLM faults', () => {
  it.each(faults)('%s: a local answer within the route budget, marked degraded', async (_name, inject, reason) => {
    inject()
    const { res, body, ms } = await suggest()
    expect(res.statusCode).toBe(200)
    expect(body.degraded).toBe(true)
    expect(body.degradedReason).toMatch(reason)
    expect(body.suggestions.length).toBeGreaterThan(0)
    expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS)
  })

  it('opens the circuit after repeated failures, answers without calling while open, and closes after a good trial', async () => {
    const breaker = getBreaker(LLM_BASE_URL, { failureThreshold: 2, cooldownMs: { server: 400 } })
    const failing = nock(LLM_BASE_URL).post('/chat/completions').times(4).reply(500, { error: { message: 'boom' } })
    await suggest()
    expect(breaker.state).toBe('open')
    const pendingBefore = failing.pendingMocks().length
    const whileOpen = await suggest()
    expect(whileOpen.body.degradedReason).toBe('llm_circuit_open')
    expect(failing.pendingMocks().length).toBe(pendingBefore) // no request reached the endpoint
    nock.cleanAll()
    await sleep(450)
    fakeLlm(() => ({
      status: 200,
      json: completion(JSON.stringify({ shouldReply: true, reason: 'needs_reply', language: 'en', suggestions: [{ text: 'Sorry about the wifi! Could you DM us your account email so we can check the line?', approach: 'ask_dm', sourceIds: [] }] })),
    }))
    const recovered = await suggest()
    expect(recovered.body.degraded).toBe(false)
    expect(breaker.state).toBe('closed')
  })
})
