import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

type Ws = Awaited<ReturnType<typeof createWorkspace>>

const suggest = (ws: Ws, id: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/suggestions`, headers: ws.auth('agent'), payload })

const history = (prefix: string) => [
  conversation(`${prefix}-h1`, [['customer', 'My internet has been down since this morning, no connection at all'], ['agent', '@cust_h1 Sorry about that! Please send us a DM with your account email so we can check the line. ^MK']]),
  conversation(`${prefix}-h2`, [['customer', 'Internet down again tonight, the router shows a red light'], ['agent', '@cust_h2 Sorry about this! Please send us a DM with your account email so we can check the line. ^AB']]),
  conversation(`${prefix}-h3`, [['customer', 'internet connection keeps dropping every evening'], ['agent', 'Try restarting the router: unplug it for 30 seconds, then plug it back in. Let us know if it helps! -Anna']]),
  conversation(`${prefix}-h4`, [['customer', 'is there an outage? my internet is down'], ['agent', 'Our team is aware of an outage in some areas and is working on a fix, sorry for the trouble. Order #A7654321 is not affected.']]),
  conversation(`${prefix}-h5`, [['customer', 'Mon internet ne marche plus depuis ce matin'], ['agent', 'Bonjour Karim ! Pouvez-vous nous envoyer un message privé avec votre e-mail pour vérifier la ligne ? ^HM']]),
]

describe('reply suggestions (local)', () => {
  it('drafts distinct replies from the workspace’s own past replies, cleaned, within the X limit', async () => {
    const ws = await createWorkspace(t.services)
    await t.app.inject({ method: 'PUT', url: '/v1/settings/voice', headers: ws.auth(), payload: { guidelines: 'warm', signOff: '^Acme', avoidWords: [], handles: ['@AcmeHelp'] } })
    const past = await t.ingest(ws, history('a'))
    const [target] = await t.ingest(ws, [conversation('a-new', [['customer', 'my internet is down since this morning, any outage?']])])
    const res = await suggest(ws, target.id)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ shouldReply: true, language: 'en', degraded: false, channel: 'x', mode: 'public', maxChars: 280 })
    expect(body.suggestions).toHaveLength(3)
    expect(new Set(body.suggestions.map((s: { approach: string }) => s.approach)).size).toBe(3)
    const pastIds = new Set(past.map((c) => c.id))
    for (const s of body.suggestions) {
      expect(s.text.length).toBeLessThanOrEqual(280)
      expect(s.text.startsWith('@cust_a-new')).toBe(true)
      expect(s.text).toMatch(/\^Acme$/)
      expect(s.text).not.toMatch(/\^MK|\^AB|-Anna|@cust_h|A7654321/)
      for (const src of s.sources) expect(pastIds.has(src.conversationId)).toBe(true)
    }
    // Sources are real stored messages of this workspace.
    const src = body.suggestions[0].sources[0]
    const conv = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${src.conversationId}`, headers: ws.auth() })).json()
    expect(conv.messages.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([src.id, src.messageId]))

    const short = (await suggest(ws, target.id, { maxChars: 90, tone: 'concise', n: 2 })).json()
    expect(short.suggestions).toHaveLength(2)
    for (const s of short.suggestions) expect(s.text.length).toBeLessThanOrEqual(90)
  })

  it('answers in the customer’s language when the brand has replies in it, else in English with a note', async () => {
    const ws = await createWorkspace(t.services)
    await t.ingest(ws, history('b'))
    const [fr, de] = await t.ingest(ws, [
      conversation('b-fr', [['customer', 'Bonjour, internet ne marche plus chez moi depuis ce matin']]),
      conversation('b-de', [['customer', 'Hallo, mein Internet funktioniert seit heute Morgen nicht mehr']]),
    ])
    const frBody = (await suggest(ws, fr.id, { mode: 'public' })).json()
    expect(frBody.language).toBe('fr')
    expect(frBody.suggestions[0].text).toMatch(/message privé/)
    expect(frBody.suggestions[0].text).not.toMatch(/Karim/)
    const deBody = (await suggest(ws, de.id)).json()
    expect(deBody.language).toBe('en')
    expect(deBody.note).toMatch(/no past replies in German; drafts are in English/)
  })

  it('says when no reply is needed, and flags legal or safety matters for a person', async () => {
    const ws = await createWorkspace(t.services)
    const [thanks, answered, legal] = await t.ingest(ws, [
      conversation('c-thanks', [['customer', 'the box is broken'], ['agent', 'Sorry! A new one is on its way.'], ['customer', 'Thank you so much! 🙏']]),
      conversation('c-answered', [['customer', 'where is my parcel?'], ['agent', 'It arrives tomorrow.']]),
      conversation('c-legal', [['customer', 'The charger caught fire in my kitchen, I will contact my lawyer']]),
    ])
    expect((await suggest(ws, thanks.id)).json()).toMatchObject({ shouldReply: false, reason: 'thanks_only' })
    expect((await suggest(ws, answered.id)).json()).toMatchObject({ shouldReply: false, reason: 'last_message_from_agent' })
    expect((await suggest(ws, legal.id)).json()).toMatchObject({ shouldReply: true, reason: 'needs_human' })
  })

  it('never draws on another workspace’s data', async () => {
    const a = await createWorkspace(t.services)
    const b = await createWorkspace(t.services)
    await t.ingest(a, [conversation('iso-a', [['customer', 'my router blinks orange all night long'], ['agent', 'Workspace A secret answer: reset the flux capacitor via the orange button.']])])
    await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: a.auth(), payload: { title: 'Orange light', body: 'Workspace A only: an orange light means the flux capacitor needs a reset.' } })
    await t.services.worker.drain()
    const [target] = await t.ingest(b, [conversation('iso-b', [['customer', 'my router blinks orange all night long']])])
    const body = (await suggest(b, target.id)).json()
    expect(JSON.stringify(body)).not.toMatch(/flux capacitor|Workspace A/)
    for (const s of body.suggestions) expect(s.sources).toEqual([])
    // B cannot ask for drafts of A's conversation either.
    const [aConv] = await t.ingest(a, [conversation('iso-a2', [['customer', 'hello?']])])
    expect((await suggest(b, aConv.id)).statusCode).toBe(404)
  })

  it('records feedback; accepted and edited finals become candidates; stats per ISO week', async () => {
    const ws = await createWorkspace(t.services)
    const [first] = await t.ingest(ws, [conversation('f-1', [['customer', 'how do I change the wifi password on the new box?']])])
    const drafts = (await suggest(ws, first.id, { mode: 'private' })).json().suggestions
    expect(drafts.length).toBe(2) // cold start, private: the two templates that are not "send us a DM"
    const edited = 'Open the Brightbox app, tap Wifi, then Change password. Done in a minute!'
    const fb = await t.app.inject({ method: 'POST', url: `/v1/suggestions/${drafts[0].id}/feedback`, headers: ws.auth('agent'), payload: { action: 'edited', finalText: edited } })
    expect(fb.statusCode).toBe(200)
    expect(fb.json().editDistance).toBeGreaterThan(0)
    expect((await t.app.inject({ method: 'POST', url: `/v1/suggestions/${drafts[1].id}/feedback`, headers: ws.auth('agent'), payload: { action: 'edited' } })).statusCode).toBe(400)
    const other = await createWorkspace(t.services)
    expect((await t.app.inject({ method: 'POST', url: `/v1/suggestions/${drafts[1].id}/feedback`, headers: other.auth('agent'), payload: { action: 'accepted' } })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'POST', url: `/v1/suggestions/${drafts[1].id}/feedback`, headers: ws.auth('agent'), payload: { action: 'rejected' } })).statusCode).toBe(200)

    const [second] = await t.ingest(ws, [conversation('f-2', [['customer', 'how can I change my wifi password on the box?']])])
    const again = (await suggest(ws, second.id, { mode: 'private' })).json()
    expect(again.suggestions[0].text).toContain('tap Wifi, then Change password')
    expect(again.suggestions[0].sources[0]).toMatchObject({ type: 'past_reply', id: drafts[0].id, conversationId: first.id })

    const stats = (await t.app.inject({ method: 'GET', url: '/v1/suggestions/stats', headers: ws.auth('analyst') })).json()
    expect(stats.weeks).toHaveLength(1)
    expect(stats.weeks[0]).toMatchObject({ withFeedback: 2, accepted: 0, edited: 1, rejected: 1, acceptanceRate: 0, usedRate: 0.5 })
    expect(stats.weeks[0].week).toMatch(/^\d{4}-W\d{2}$/)
    expect(stats.weeks[0].meanEditDistance).toBeCloseTo(fb.json().editDistance)
  })

  it('keeps the first feedback: an edited final is never replaced by a later rejection (409), a retry is a no-op', async () => {
    const ws = await createWorkspace(t.services)
    const [conv] = await t.ingest(ws, [conversation('h-1', [['customer', 'my parcel has not arrived yet, where is it?']])])
    const drafts = (await suggest(ws, conv.id, { mode: 'private' })).json().suggestions
    const url = (i: number) => `/v1/suggestions/${drafts[i].id}/feedback`
    const edited = { action: 'edited', finalText: 'Your parcel left us yesterday; tracking follows by e-mail.' }
    expect((await t.app.inject({ method: 'POST', url: url(0), headers: ws.auth('agent'), payload: edited })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'POST', url: url(0), headers: ws.auth('agent'), payload: edited })).statusCode).toBe(200)
    const conflict = await t.app.inject({ method: 'POST', url: url(0), headers: ws.auth('agent'), payload: { action: 'rejected' } })
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().error.code).toBe('CONFLICT')

    const rejected = await t.app.inject({ method: 'POST', url: url(1), headers: ws.auth('agent'), payload: { action: 'rejected', reason: 'wrong order number' } })
    expect(rejected.json()).toMatchObject({ feedback: 'rejected', reason: 'wrong order number' })
    expect((await t.app.inject({ method: 'POST', url: url(1), headers: ws.auth('agent'), payload: { action: 'accepted', reason: 'x' } })).statusCode).toBe(400)

    const stats = (await t.app.inject({ method: 'GET', url: '/v1/suggestions/stats', headers: ws.auth('analyst') })).json()
    expect(stats.weeks[0]).toMatchObject({ withFeedback: 2, edited: 1, rejected: 1 })
  })
})

describe('knowledge articles and voice', () => {
  it('creates, chunks, embeds, lists, updates and deletes articles, per workspace', async () => {
    const ws = await createWorkspace(t.services)
    const body = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1}. ` + 'Refunds go back to the original payment method within five working days. '.repeat(3)).join('\n\n')
    const created = await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: ws.auth(), payload: { externalId: 'kb-1', title: 'Refunds', body, tags: ['billing'] } })
    expect(created.statusCode).toBe(201)
    const article = created.json()
    expect(article.chunks).toBeGreaterThan(1)
    await t.services.worker.drain()
    const { rows } = await t.services.db.query<{ n: number; embedded: number; maxlen: number }>(
      `SELECT count(*)::int AS n, count(embedding)::int AS embedded, max(length(text))::int AS maxlen FROM knowledge_chunks WHERE workspace_id = $1`, [ws.id])
    expect(rows[0].embedded).toBe(rows[0].n)
    expect(rows[0].maxlen).toBeLessThanOrEqual(800)

    const again = await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: ws.auth(), payload: { externalId: 'kb-1', title: 'Refunds (v2)', body: 'Short now.' } })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ id: article.id, title: 'Refunds (v2)', chunks: 1 })
    expect((await t.app.inject({ method: 'GET', url: '/v1/knowledge?tag=billing', headers: ws.auth('agent') })).json().items).toHaveLength(0)
    const put = await t.app.inject({ method: 'PUT', url: `/v1/knowledge/${article.id}`, headers: ws.auth(), payload: { title: 'Refunds', body: 'Five working days.', tags: ['billing'] } })
    expect(put.json()).toMatchObject({ title: 'Refunds', externalId: null, tags: ['billing'] })

    const other = await createWorkspace(t.services)
    expect((await t.app.inject({ method: 'GET', url: `/v1/knowledge/${article.id}`, headers: other.auth() })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'PUT', url: `/v1/knowledge/${article.id}`, headers: other.auth(), payload: { title: 'x', body: 'y' } })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/knowledge/${article.id}`, headers: other.auth() })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/v1/knowledge', headers: other.auth() })).json().items).toHaveLength(0)
    expect((await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: ws.auth('agent'), payload: { title: 'x', body: 'y' } })).statusCode).toBe(403)

    expect((await t.app.inject({ method: 'DELETE', url: `/v1/knowledge/${article.id}`, headers: ws.auth() })).statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: `/v1/knowledge/${article.id}`, headers: ws.auth() })).statusCode).toBe(404)
  })

  it('stores the brand voice and validates it', async () => {
    const ws = await createWorkspace(t.services)
    expect((await t.app.inject({ method: 'GET', url: '/v1/settings/voice', headers: ws.auth('agent') })).json()).toMatchObject({ signOff: '', avoidWords: [] })
    const voice = { guidelines: 'Warm, short, no jargon.', signOff: '^Team', avoidWords: ['unfortunately'], greeting: 'Hey {name}!', handles: ['@AcmeHelp'] }
    expect((await t.app.inject({ method: 'PUT', url: '/v1/settings/voice', headers: ws.auth(), payload: voice })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/v1/settings/voice', headers: ws.auth('agent') })).json()).toEqual(voice)
    expect((await t.app.inject({ method: 'PUT', url: '/v1/settings/voice', headers: ws.auth(), payload: { handles: ['not a handle!'] } })).statusCode).toBe(400)
  })
})
