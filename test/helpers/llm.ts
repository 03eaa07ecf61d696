// A fake OpenAI-compatible endpoint for integration tests (nock, no network).
import nock from 'nock'

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
