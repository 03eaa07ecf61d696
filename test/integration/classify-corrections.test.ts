// A sentiment correction teaches the local classifier at once: a new message nearly identical to a
// corrected one takes the human label (sarcasm the model reads as praise is the common case).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

type Ws = Awaited<ReturnType<typeof createWorkspace>>

async function firstMessage(ws: Ws, conversationId: string) {
  const res = await t.app.inject({ method: 'GET', url: `/v1/conversations/${conversationId}`, headers: ws.auth('agent') })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().messages[0] as { id: string; enrichment: { sentiment: { label: string; confidence: number }; versions: { sentiment: string } } }
}

const CORRECTED = 'Oh wonderful, my parcel is lost again, best service ever'
// One word changed: similar well above the matching threshold of the built-in embedder (0.85).
const NEAR_COPY = 'oh wonderful, my parcel got lost again, best service ever'
const UNRELATED = 'Thank you, my parcel arrived this morning, great service'

describe('sentiment corrections (local classifier)', () => {
  it('labels a new message like the corrected message it nearly repeats, and leaves unrelated ones alone', async () => {
    // Without a correction the model reads this sarcasm as positive: that is what the correction fixes.
    const untaught = await createWorkspace(t.services)
    const [plain] = await t.ingest(untaught, [conversation('s-plain', [['customer', NEAR_COPY]])])
    const model = (await firstMessage(untaught, plain.id)).enrichment
    expect(model.sentiment.label, 'the example needs a message the model gets wrong').not.toBe('negative')
    expect(model.versions.sentiment).not.toMatch(/^corrections\+/)

    const ws = await createWorkspace(t.services)
    const [original] = await t.ingest(ws, [conversation('s-orig', [['customer', CORRECTED]])])
    const msg = await firstMessage(ws, original.id)
    const corr = await t.app.inject({ method: 'POST', url: `/v1/messages/${msg.id}/corrections`, headers: ws.auth('agent'), payload: { field: 'sentiment', label: 'negative' } })
    expect(corr.statusCode).toBe(201)

    const [similar, unrelated] = await t.ingest(ws, [
      conversation('s-similar', [['customer', NEAR_COPY]]),
      conversation('s-unrelated', [['customer', UNRELATED]]),
    ])
    const taught = (await firstMessage(ws, similar.id)).enrichment
    expect(taught.sentiment.label, 'sentiment of a near copy of a corrected message').toBe('negative')
    expect(taught.versions.sentiment).toMatch(/^corrections\+/)
    // Confidence is the similarity to the correction that decided it.
    expect(taught.sentiment.confidence).toBeGreaterThanOrEqual(0.85)
    expect(taught.sentiment.confidence).toBeLessThan(1)

    const other = (await firstMessage(ws, unrelated.id)).enrichment
    expect(other.sentiment.label).toBe('positive')
    expect(other.versions.sentiment).not.toMatch(/^corrections\+/)

    const negatives = await t.app.inject({ method: 'GET', url: '/v1/conversations?sentiment=negative', headers: ws.auth('analyst') })
    expect(negatives.json().items.map((c: { id: string }) => c.id).sort()).toEqual([original.id, similar.id].sort())
  })
})
