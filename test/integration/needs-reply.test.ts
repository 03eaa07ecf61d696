// The inbox's "awaiting reply": a conversation needs a reply when its last message is the customer's,
// asks for or implies a response, and no agent has answered it; sentiment may be `uncertain` and
// every message keeps its class probabilities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

describe('needsReply and awaiting filters', () => {
  it('lists only conversations whose last customer message is unanswered and needs an answer', async () => {
    const ws = await createWorkspace(t.services)
    const res = await t.app.inject({
      method: 'POST', url: '/v1/conversations', headers: ws.auth(),
      payload: {
        conversations: [
          conversation('open', [['customer', 'I was charged twice for my order, please refund the duplicate.']]),
          conversation('answered', [['customer', 'My parcel never arrived.'], ['agent', 'Sorry! A replacement is on its way, tracking sent by email.']]),
          conversation('thanked', [['customer', 'Wifi keeps dropping.'], ['agent', 'We booked an engineer for Monday.'], ['customer', 'Perfect, thank you!']]),
          conversation('followup', [['customer', 'Cannot log in to the app.'], ['agent', 'Could you send us your account email?'], ['customer', 'It is jo@example.com, still locked out']]),
          conversation('will-try', [['customer', 'Router light is orange.'], ['agent', 'Please restart it for 30 seconds.'], ['customer', "Thanks, I'll try that."]]),
        ],
      },
    })
    expect(res.statusCode).toBe(200)
    await t.services.worker.drain()
    const ids = new Map((res.json().results as Array<{ externalId: string; id: string }>).map((r) => [r.externalId, r.id]))
    const list = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/v1/conversations?${query}`, headers: ws.auth('agent') })).json().items.map((c: { id: string }) => c.id).sort()

    expect(await list('needsReply=true')).toEqual([ids.get('open'), ids.get('followup')].sort())
    expect(await list('awaiting=true')).toEqual([ids.get('open'), ids.get('thanked'), ids.get('followup'), ids.get('will-try')].sort())
    expect(await list('needsReply=false')).toEqual([ids.get('answered'), ids.get('thanked'), ids.get('will-try')].sort())
  })

  it('stores sentiment probabilities, accepts uncertain as a filter, and never calls a plain complaint positive', async () => {
    const ws = await createWorkspace(t.services)
    const res = await t.app.inject({
      method: 'POST', url: '/v1/conversations', headers: ws.auth(),
      payload: { conversations: [conversation('c1', [['customer', "You've charged me twice… Why? Great job 👍"]])] },
    })
    await t.services.worker.drain()
    const id = res.json().results[0].id
    const message = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: ws.auth() })).json().messages[0]
    const { label, probs } = message.enrichment.sentiment
    expect(['negative', 'uncertain']).toContain(label)
    expect(probs.negative + probs.neutral + probs.positive).toBeCloseTo(1, 5)
    const filtered = await t.app.inject({ method: 'GET', url: `/v1/conversations?sentiment=${label}`, headers: ws.auth('analyst') })
    expect(filtered.statusCode).toBe(200)
    expect(filtered.json().items.map((c: { id: string }) => c.id)).toEqual([id])
    expect((await t.app.inject({ method: 'GET', url: '/v1/conversations?sentiment=uncertain', headers: ws.auth('analyst') })).statusCode).toBe(200)
  })
})
