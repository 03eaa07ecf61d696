import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

type Ws = Awaited<ReturnType<typeof createWorkspace>>
const NOW = '2026-10-20T12:00:00Z'

async function ask(ws: Ws, question: string, role: 'analyst' | 'ingest' = 'analyst') {
  return t.app.inject({ method: 'POST', url: '/v1/ask', headers: ws.auth(role), payload: { question, now: NOW } })
}

const DELIVERY = [
  'My parcel is a week late and the tracking number does not work. Terrible.',
  'The courier left my package in the rain, it arrived damaged. Very disappointed.',
  'Where is my order?? Delivery was promised on Monday, still nothing, awful service.',
]

describe('POST /v1/ask (local mode)', () => {
  let a: Ws
  let b: Ws
  beforeAll(async () => {
    a = await createWorkspace(t.services)
    b = await createWorkspace(t.services)
    await t.ingest(a, [
      ...DELIVERY.map((text, i) => conversation(`a-del-${i}`, [['customer', text], ['agent', 'Sorry, we are checking with the courier.']])),
      conversation('a-dup', [['customer', DELIVERY[0]!], ['customer', `${DELIVERY[0]} Hello??`]]),
      conversation('a-praise', [['customer', 'Thank you so much, the support team was amazing!']]),
    ])
    // Human corrections fix the labels, so the figures below do not depend on the classifier's guesses.
    const { rows } = await t.services.db.query<{ id: string; text: string }>(`SELECT id, text FROM messages WHERE workspace_id = $1 AND role = 'customer'`, [a.id])
    for (const m of rows) {
      const praise = m.text.startsWith('Thank you')
      for (const [field, label] of [['sentiment', praise ? 'positive' : 'negative'], ['intent', praise ? 'praise' : 'delivery']]) {
        const res = await t.app.inject({ method: 'POST', url: `/v1/messages/${m.id}/corrections`, headers: a.auth('agent'), payload: { field, label } })
        expect(res.statusCode).toBe(201)
      }
    }
    await t.ingest(b, [conversation('b-bill', [['customer', 'I was charged twice for my subscription, I want a refund now. Unacceptable.']])])
  })

  it('answers with SQL figures, a plan and diverse citations from the workspace', async () => {
    const res = await ask(a, 'Why were customers unhappy with delivery this month?')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.plan).toMatchObject({ kind: 'why', planner: 'local', filters: { sentiment: 'negative', intent: 'delivery', customerRole: 'customer' } })
    expect(body.plan.timeRange).toMatchObject({ from: '2026-10-01T00:00:00.000Z', to: '2026-10-20T12:00:00.000Z' })
    const count = body.figures.find((f: { kind: string; unit: string }) => f.kind === 'count' && f.unit === 'messages')
    // What the classifier stored decides the count: read it back the way a person would, through SQL.
    const { rows } = await t.services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages m JOIN enrichments e ON e.message_id = m.id
       WHERE m.workspace_id = $1 AND m.role = 'customer' AND e.sentiment = 'negative' AND e.intent = 'delivery'`, [a.id])
    expect(count.value).toBe(rows[0]!.n)
    expect(count.value).toBe(5)
    // With negative messages asked for, the conversations counted are those with a complaint, which a neutral report is too.
    const conversationsFigure = body.figures.find((f: { kind: string; unit: string }) => f.kind === 'count' && f.unit === 'conversations')
    expect(conversationsFigure.label).toMatch(/^conversations with a complaint \(a negative message, or a neutral one reporting a problem\)/)
    expect(body.citations.length).toBeGreaterThanOrEqual(2)
    const conversations = body.citations.map((c: { conversationId: string }) => c.conversationId)
    expect(new Set(conversations).size).toBe(conversations.length)
    expect(body.answer).toContain(`${count.value}`)
    expect(body.answer).toMatch(/\[1\]/)
    expect(body.degraded).toBe(false)
  })

  it('counts the conversations when they are what is asked for ("How many tickets did we get?" searched for "tickets")', async () => {
    for (const q of ['How many conversations did we get this month?', 'How many tickets did we get this month?', 'Combien de conversations avons-nous eu ce mois-ci ?']) {
      const body = (await ask(a, q)).json()
      expect(body.plan.filters, q).toEqual({ customerRole: 'customer' })
      expect(body.plan.countsCustomers, q).toBe(true)
      const conversations = body.figures.find((f: { kind: string; unit: string }) => f.kind === 'count' && f.unit === 'conversations')
      expect(conversations.value, q).toBe(5)
      // Before: the six messages alone.
      expect(body.answer, q).toMatch(/They came from 5 conversations \(exact\)|provenaient de 5 conversations \(nombre exact\)/)
    }
    // Not asked, not said.
    expect((await ask(a, 'How many messages did we get this month?')).json().answer).not.toMatch(/came from/)
  })

  it('never counts or cites another workspace’s messages', async () => {
    const inB = (await ask(b, 'How many complaints about delivery this month?')).json()
    expect(inB.figures.find((f: { kind: string }) => f.kind === 'count').value).toBe(0)
    expect(inB.citations).toEqual([])
    const all = (await ask(b, 'What are customers saying?')).json()
    const aTexts = new Set([...DELIVERY, 'Thank you so much, the support team was amazing!'])
    expect(all.citations.length).toBeGreaterThan(0)
    for (const c of all.citations) expect(aTexts.has(c.text)).toBe(false)
    expect(all.figures.find((f: { kind: string }) => f.kind === 'count').value).toBe(1)
  })

  it('quotes a customer without their name, as theme quotes do (the demo quoted "That\'s not good enough, honestly. Rhiannon")', async () => {
    const c = await createWorkspace(t.services)
    await t.ingest(c, [conversation('c-name', [['customer', "Still no refund for the double charge. That's not good enough, honestly. Rhiannon"]], { customer: { handle: 'rhiannon.harlow@example.org', name: 'Rhiannon Harlow' } })])
    const body = (await ask(c, 'What are customers saying about the refund?')).json()
    expect(body.citations).toHaveLength(1)
    const [cited] = body.citations
    expect(cited.text).toBe("Still no refund for the double charge. That's not good enough, honestly. […]")
    // Who wrote is read to mask them, and never sent with the citation.
    expect(Object.keys(cited)).not.toContain('people')
    expect(JSON.stringify(body)).not.toMatch(/rhiannon/i)
  })

  it('says honestly when no data matches, without inventing numbers', async () => {
    const res = (await ask(a, 'How many Korean customers complained about billing on WhatsApp last week?')).json()
    expect(res.plan.filters).toMatchObject({ language: 'ko', channel: 'whatsapp', intent: 'billing' })
    expect(res.citations).toEqual([])
    expect(res.answer).toMatch(/No .* cannot answer/)
    // Dates (of the range, and where the data ends) are not figures.
    const digits = res.answer.replace(/\([^)]*\d{4}[^)]*\)/g, '').replace(/\d{1,2} [A-Z][a-z]{2} \d{4}/g, '').match(/\d+/g) ?? []
    expect(digits).toEqual([])
  })

  it('calls a week without any message a gap in the data, not a fall to nothing', async () => {
    const c = await createWorkspace(t.services)
    const on = (day: number) => (conv: ReturnType<typeof conversation>) => ({ ...conv, messages: conv.messages.map((m) => ({ ...m, sentAt: `2026-10-${String(day).padStart(2, '0')}T10:00:00Z` })) })
    // The week before last has complaints; last week (12–18 Oct) has nothing at all; this week has a message again.
    await t.ingest(c, [
      ...DELIVERY.map((text, i) => on(5)(conversation(`c-before-${i}`, [['customer', text]]))),
      on(19)(conversation('c-after', [['customer', 'Hello, how do I change my delivery address?']])),
    ])
    const body = (await ask(c, 'What share of messages were negative last week?')).json()
    expect(body.plan.timeRange).toMatchObject({ from: '2026-10-12T00:00:00.000Z', to: '2026-10-19T00:00:00.000Z' })
    expect(body.figures.find((f: { kind: string }) => f.kind === 'previous_count').value).toBeGreaterThan(0)
    expect(body.figures.find((f: { kind: string }) => f.kind === 'change')).toBeUndefined()
    expect(body.answer).toMatch(/^There are no customer messages at all for last week/)
    // Messages that say nothing of the words asked about are no gap: "Which day of the week gets the most
    // complaints?" was told "There are no customer messages at all for all time".
    const none = (await ask(c, 'How many complaints mentioned zebras in October?')).json()
    expect(none.figures.find((f: { kind: string; label: string }) => f.kind === 'count' && f.label.startsWith('all customer messages mentioning')).value).toBe(0)
    expect(none.answer).toMatch(/^No negative customer messages mentioning "zebras" match/)
  })

  it('says a refund question is counted as all of billing (every billing message was given as the refunds)', async () => {
    const body = (await ask(b, 'How many customers asked about refunds in October?')).json()
    expect(body.plan.filters.intent).toBe('billing')
    expect(body.plan.notNarrowedBy).toBe('refunds')
    expect(body.answer).toMatch(/^"refunds" is not counted apart: the figures are for every billing message\./)
  })

  it('validates input and roles', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/v1/ask', headers: a.auth(), payload: { question: '' } })).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'POST', url: '/v1/ask', headers: a.auth(), payload: { question: 'why?', now: 'yesterday' } })).statusCode).toBe(400)
    expect((await ask(a, 'Why are customers unhappy?', 'ingest')).statusCode).toBe(403)
  })
})
