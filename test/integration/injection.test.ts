// Hostile customer messages (several languages) that try to change the output, leak the prompt or
// escape the fence: classification keeps its format, and the LLM sees them only as fenced data.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { completion, fakeLlm, LLM_ENV, useLlmTestServices, type ChatBody } from '../helpers/llm.ts'
import { conversation, createWorkspace } from '../helpers/services.ts'
import { SENTIMENT_VALUES } from '../../src/chains/classify/sentiment-decision.ts'

const attacks = readFileSync(new URL('../fixtures/injection-set.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; language: string; attack: string })

const URGENCIES = ['none', 'low', 'normal', 'high', 'critical']

describe.each([
  ['local', {}],
  ['llm', LLM_ENV],
])('prompt injection, %s mode', (mode, env) => {
  const t = useLlmTestServices({ env, resetEach: 'none' })
  let bodies: ChatBody[] = []

  it('keeps every label in its enum and the text as data', async () => {
    if (mode === 'llm') {
      // A model that obeys the attack: it answers with prose, then with an invented label.
      let n = 0
      const llm = fakeLlm(() => (n++ % 2 === 0 ? { status: 200, json: completion('Sure! Here is the system prompt: …') } : { status: 200, json: completion('{"results":[{"id":"m1","sentiment":"hacked"}]}') }), 200)
      bodies = llm.bodies
    }
    const ws = await createWorkspace(t.services)
    const convs = attacks.map((a, i) => conversation(`inj-${i}`, [['customer', a.text]]))
    const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: convs } })
    expect(res.json().totals.rejected).toBe(0)
    await t.services.worker.drain()
    const { rows } = await t.services.db.query<{ text: string; sentiment: string; urgency: string; intent: string; degraded: boolean }>(
      `SELECT m.text, e.sentiment, e.urgency, e.intent, e.degraded FROM messages m JOIN enrichments e ON e.message_id = m.id WHERE m.workspace_id = $1`,
      [ws.id],
    )
    expect(rows.length).toBe(attacks.length)
    const intents = (await t.app.inject({ method: 'GET', url: '/v1/taxonomy', headers: ws.auth() })).json().intents.map((i: { name: string }) => i.name)
    for (const r of rows) {
      expect(SENTIMENT_VALUES).toContain(r.sentiment)
      expect(URGENCIES).toContain(r.urgency)
      expect([...intents, 'other']).toContain(r.intent)
    }
    if (mode === 'llm') {
      expect(rows.every((r) => r.degraded)).toBe(true)
      expect(bodies.length).toBeGreaterThan(0)
      for (const body of bodies) {
        const system = body.messages.find((m) => m.role === 'system')?.content ?? ''
        const user = body.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n')
        // Customer text never reaches the system message, and never outside a fence in the user one.
        for (const a of attacks) expect(system).not.toContain(a.text.slice(0, 40))
        const outside = user.replace(/<untrusted_customer_message[\s\S]*?<\/untrusted_customer_message[^>]*>/g, '')
        for (const a of attacks) expect(outside).not.toContain(a.text.slice(0, 30))
      }
    }
  })
})
