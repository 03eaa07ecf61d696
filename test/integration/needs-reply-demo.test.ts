// On the demo corpus, GET /v1/conversations?needsReply=true lists the conversations that truly await
// a reply (demo/README.md's shapes: nobody answered a request, or the customer answered the agent's
// question and waits), not every conversation with a customer message that once needed one.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

interface DemoConversation { externalId: string; messages: Array<{ role: string; text: string }>; metadata: { scenario: string; resolved: boolean } }
const demo: DemoConversation[] = readFileSync(new URL('../../demo/conversations.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
// The generator's "I'll try that" closers (scripts/make-demo-corpus.ts), used only to label the truth.
const WILL_TRY = /i'll try that|will give it a go|i'll let you know|je vais essayer|je teste|lo pruebo|lo intento|probiere ich aus|teste ich|vou tentar|provo subito|해볼게요|เดี๋ยวลองดู/i

function trulyWaiting(c: DemoConversation): boolean {
  const last = c.messages[c.messages.length - 1]
  if (last.role !== 'customer') return false
  const agentTurns = c.messages.filter((m) => m.role === 'agent').length
  if (agentTurns === 0) return c.metadata.scenario !== 'praise_support'
  return c.messages.length === 3 && !c.metadata.resolved && !WILL_TRY.test(last.text)
}

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

describe('needsReply on the demo corpus', () => {
  it('matches the conversations truly awaiting a reply', { timeout: 600_000 }, async () => {
    const ws = await createWorkspace(t.services)
    for (let i = 0; i < demo.length; i += 100) {
      // Parley must not read the ground truth: metadata is left out of what is ingested.
      const batch = demo.slice(i, i + 100).map(({ metadata: _m, ...c }) => c)
      const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: batch } })
      expect(res.statusCode).toBe(200)
    }
    await t.services.worker.drain()
    const listed = new Set<string>()
    let cursor: string | null = null
    do {
      const page: { items: Array<{ externalId: string }>; nextCursor: string | null } = (await t.app.inject({ method: 'GET', url: `/v1/conversations?needsReply=true&limit=200${cursor ? `&cursor=${cursor}` : ''}`, headers: ws.auth('agent') })).json()
      for (const c of page.items as Array<{ externalId: string }>) listed.add(c.externalId)
      cursor = page.nextCursor
    } while (cursor)
    const truth = new Set(demo.filter(trulyWaiting).map((c) => c.externalId))
    const agree = [...listed].filter((id) => truth.has(id)).length
    console.log(`needsReply=true lists ${listed.size}; truly waiting ${truth.size}; both ${agree}`)
    expect(agree / truth.size).toBeGreaterThanOrEqual(0.85)
    expect(agree / listed.size).toBeGreaterThanOrEqual(0.85)
  })
})
