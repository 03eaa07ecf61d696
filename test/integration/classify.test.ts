import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueueOutdatedClassifications } from '../../src/chains/classify/enrichment-stage.ts'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

async function ingest(ws: Awaited<ReturnType<typeof createWorkspace>>, convs: unknown[]) {
  const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: convs } })
  expect(res.statusCode).toBe(200)
  await t.services.worker.drain()
  return res.json().results as Array<{ id: string }>
}

describe('local classification', () => {
  it('enriches customer messages with sentiment, intent, language and needs-reply, and lists by them', async () => {
    const ws = await createWorkspace(t.services)
    const [bad, good, fr] = await ingest(ws, [
      conversation('k1', [['customer', 'Your app crashes every time I log in, this is terrible! Is the service down?']]),
      conversation('k2', [['customer', 'Thank you so much, the support team was amazing 😍']]),
      conversation('k3', [['customer', 'Bonjour, j’ai été prélevé deux fois ce mois-ci, pouvez-vous me rembourser ?']]),
    ])
    const get = async (id: string) => (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: ws.auth('agent') })).json()
    const e1 = (await get(bad.id)).messages[0].enrichment
    expect(e1.sentiment.label).toBe('negative')
    expect(e1.needsReply).toBe(true)
    expect(e1.language.code).toBe('en')
    expect(e1.versions.sentiment).toBeTruthy()
    const e2 = (await get(good.id)).messages[0].enrichment
    expect(e2.sentiment.label).toBe('positive')
    expect(e2.intent.label).toBe('praise')
    const e3 = (await get(fr.id)).messages[0].enrichment
    expect(e3.language.code).toBe('fr')
    expect(e3.intent.label).toBe('billing')

    const negatives = await t.app.inject({ method: 'GET', url: '/v1/conversations?sentiment=negative', headers: ws.auth('analyst') })
    // "Prélevé deux fois" is a plain complaint too: negative, never the thank-you's positive.
    expect(negatives.json().items.map((c: { id: string }) => c.id).sort()).toEqual([bad.id, fr.id].sort())
  })

  it('reads a chaser that arrives later in its conversation: the earlier customer messages tell what it is about', async () => {
    const ws = await createWorkspace(t.services)
    const opening: Array<['customer' | 'agent', string]> = [
      ['customer', 'My parcel was due on Monday and the tracking has not moved since, where is it?'],
      ['agent', 'Sorry about that! Can you send us the order reference?'],
    ]
    await ingest(ws, [conversation('chase', opening)])
    const [c] = await ingest(ws, [conversation('chase', [...opening, ['customer', 'Ref 4471902. I really need it before Saturday']])])
    const messages = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages
    expect(messages).toHaveLength(3)
    expect(messages[2].enrichment.intent.label).toBe('delivery')
    // The same words alone in a conversation of their own are not read as delivery.
    const [alone] = await ingest(ws, [conversation('alone', [['customer', 'Ref 4471902. I really need it before Saturday']])])
    const single = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${alone.id}`, headers: ws.auth() })).json().messages[0]
    expect(single.enrichment.intent.label).not.toBe('delivery')
  })

  it('uses a correction at once: the relabelled message and similar new ones follow it', async () => {
    const ws = await createWorkspace(t.services)
    const [c] = await ingest(ws, [conversation('r1', [['customer', 'where can I find the wifi password sticker']])])
    const msgId = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages[0].id
    const corr = await t.app.inject({ method: 'POST', url: `/v1/messages/${msgId}/corrections`, headers: ws.auth('agent'), payload: { field: 'intent', label: 'account_login' } })
    expect(corr.statusCode).toBe(201)
    const after = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages[0].enrichment
    expect(after.intent).toMatchObject({ label: 'account_login', confidence: 1 })
    expect(after.versions.intent).toBe('human')

    const bad = await t.app.inject({ method: 'POST', url: `/v1/messages/${msgId}/corrections`, headers: ws.auth('agent'), payload: { field: 'intent', label: 'nonsense' } })
    expect(bad.statusCode).toBe(400)
    const other = await createWorkspace(t.services)
    const foreign = await t.app.inject({ method: 'POST', url: `/v1/messages/${msgId}/corrections`, headers: other.auth('agent'), payload: { field: 'intent', label: 'billing' } })
    expect(foreign.statusCode).toBe(404)
  })

  it('replaces the taxonomy and validates it', async () => {
    const ws = await createWorkspace(t.services)
    const intents = [
      { name: 'refund', description: 'wants money back', examples: ['refund please', 'I want my money back', 'give me a refund for the order'] },
      { name: 'shipping', description: 'where is the parcel', examples: ['where is my parcel', 'package not delivered yet', 'tracking shows nothing'] },
    ]
    const put = await t.app.inject({ method: 'PUT', url: '/v1/taxonomy', headers: ws.auth(), payload: { intents } })
    expect(put.statusCode).toBe(200)
    const [c] = await ingest(ws, [conversation('t1', [['customer', 'my parcel is still not delivered, where is it?']])])
    const e = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages[0].enrichment
    expect(e.intent.label).toBe('shipping')
    const invalid = await t.app.inject({ method: 'PUT', url: '/v1/taxonomy', headers: ws.auth(), payload: { intents: [{ name: 'Bad Name', description: '', examples: [] }] } })
    expect(invalid.statusCode).toBe(400)
    expect((await t.app.inject({ method: 'PUT', url: '/v1/taxonomy', headers: ws.auth('agent'), payload: { intents } })).statusCode).toBe(403)
  })

  it('reclassifies customer messages after a taxonomy change and leaves every message enriched for its current content', async () => {
    const ws = await createWorkspace(t.services)
    const [c] = await ingest(ws, [
      conversation('tx', [
        ['customer', 'my parcel is still not delivered, where is it?'],
        ['agent', 'Sorry! Could you send us the order number?'],
        ['customer', 'I want my money back for this order'],
      ]),
    ])
    const intents = [
      { name: 'refund', description: 'wants money back', examples: ['refund please', 'I want my money back', 'give me a refund for the order'] },
      { name: 'shipping', description: 'where is the parcel', examples: ['where is my parcel', 'package not delivered yet', 'tracking shows nothing'] },
    ]
    const put = await t.app.inject({ method: 'PUT', url: '/v1/taxonomy?reclassify=true', headers: ws.auth(), payload: { intents } })
    expect(put.statusCode).toBe(200)
    // One job for the conversation's two customer messages; the agent's reply has no intent to redo.
    expect(put.json().reclassifyJobs).toBe(1)
    await t.services.worker.drain()
    const messages = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages
    expect(messages.map((m: { enrichment: { intent: { label: string } | null } }) => m.enrichment.intent?.label ?? null)).toEqual(['shipping', null, 'refund'])
    // No enrichment is left stale: the agent's too still matches its message's content.
    const { rows } = await t.services.db.query<{ stale: number }>(
      `SELECT count(*)::int AS stale FROM messages m LEFT JOIN enrichments e ON e.message_id = m.id AND e.content_hash = m.content_hash
       WHERE m.workspace_id = $1 AND e.message_id IS NULL`,
      [ws.id],
    )
    expect(rows[0].stale).toBe(0)
  })

  it('keeps a person’s correction through a relabelling, unless the new taxonomy no longer has its intent', async () => {
    const ws = await createWorkspace(t.services)
    const [c] = await ingest(ws, [
      conversation('keep', [
        ['customer', 'my parcel is still not delivered, where is it?'],
        ['customer', 'I want my money back for this order'],
      ]),
    ])
    const [parcel, money] = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages.map((m: { id: string }) => m.id)
    const correct = (id: string, field: string, label: string) =>
      t.app.inject({ method: 'POST', url: `/v1/messages/${id}/corrections`, headers: ws.auth('agent'), payload: { field, label } })
    expect((await correct(parcel, 'intent', 'billing')).statusCode).toBe(201)
    expect((await correct(money, 'intent', 'other')).statusCode).toBe(201)
    expect((await correct(money, 'sentiment', 'positive')).statusCode).toBe(201)

    const intents = [
      { name: 'refund', description: 'wants money back', examples: ['refund please', 'I want my money back', 'give me a refund for the order'] },
      { name: 'shipping', description: 'where is the parcel', examples: ['where is my parcel', 'package not delivered yet', 'tracking shows nothing'] },
    ]
    expect((await t.app.inject({ method: 'PUT', url: '/v1/taxonomy?reclassify=true', headers: ws.auth(), payload: { intents } })).statusCode).toBe(200)
    await t.services.worker.drain()
    const [p, m] = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages.map((x: { enrichment: unknown }) => x.enrichment)
    // 'billing' is gone from the taxonomy: the model's reading, not the old correction (nor a label it learnt from it).
    expect(p.intent.label).toBe('shipping')
    expect(p.versions.intent).not.toBe('human')
    // 'other' and a sentiment are still labels of this taxonomy: the person's, though the model reads 'refund'.
    expect(m.intent).toMatchObject({ label: 'other', confidence: 1 })
    expect(m.sentiment).toMatchObject({ label: 'positive', confidence: 1 })
    expect(m.versions).toMatchObject({ intent: 'human', sentiment: 'human' })
  })

  it('relabels, once, the messages an earlier version of the local classifier labelled (an upgraded store kept them)', async () => {
    const ws = await createWorkspace(t.services)
    const [c] = await ingest(ws, [
      conversation('upgrade', [
        ['customer', 'I was charged twice this month, please refund one of them'],
        ['agent', 'Sorry about that, we are looking into it.'],
        ['customer', 'where can I find the wifi password sticker'],
      ]),
    ])
    const [charged, reply, sticker] = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages
    expect(charged.enrichment.intent.label).toBe('billing')
    expect(charged.enrichment.versions.classifier).toBe(t.services.chains.localClassifier.version)
    expect((await t.app.inject({ method: 'POST', url: `/v1/messages/${sticker.id}/corrections`, headers: ws.auth('agent'), payload: { field: 'intent', label: 'account_login' } })).statusCode).toBe(201)
    // As a store labelled before the classifier's version was stored: another reading of the first message.
    await t.services.db.query(
      `UPDATE enrichments SET versions = versions - 'classifier', intent = CASE WHEN message_id = $2 THEN 'delivery' ELSE intent END
       WHERE workspace_id = $1`,
      [ws.id, charged.id],
    )
    const version = t.services.chains.localClassifier.version!
    expect(await enqueueOutdatedClassifications(t.services.db, version, t.services.log)).toBe(1)
    // A worker that starts again before the relabelling is done queues nothing twice.
    expect(await enqueueOutdatedClassifications(t.services.db, version, t.services.log)).toBe(0)
    const ready = (await t.app.inject({ method: 'GET', url: '/ready' })).json()
    expect(ready.checks.enrichment.backlog).toBeGreaterThanOrEqual(3)
    await t.services.worker.drain()

    const after = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${c.id}`, headers: ws.auth() })).json().messages
    expect(after.map((m: { enrichment: { versions: { classifier: string } } }) => m.enrichment.versions.classifier)).toEqual([version, version, version])
    expect(after[0].enrichment.intent.label).toBe('billing')
    expect(after[1].id).toBe(reply.id)
    expect(after[2].enrichment.intent).toMatchObject({ label: 'account_login', confidence: 1 })
    expect(after[2].enrichment.versions.intent).toBe('human')
    expect(await enqueueOutdatedClassifications(t.services.db, version, t.services.log)).toBe(0)
  })
})
