// Issue 11 on the demo corpus, as a new user tried it: no draft holds another customer's data (the
// foreign_entity_rate of the replies eval, over every conversation whose last message is a customer's),
// and the examples of the issue are fixed.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EntityIndex, foreignEntityRate } from '../../evals/foreign-entities.ts'
import { detectLanguage } from '../../src/chains/classify/language.ts'
import { suggestOptionsSchema, suggestReplies } from '../../src/chains/replies/service.ts'
import { importFile } from '../../src/pipeline/import-file.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

const DEMO = fileURLToPath(new URL('../../demo/conversations.jsonl', import.meta.url))
const KNOWLEDGE = fileURLToPath(new URL('../../demo/knowledge.jsonl', import.meta.url))

interface DemoRow { externalId: string; customer: { handle?: string; name?: string }; messages: Array<{ role: string; text: string }> }
const demo: DemoRow[] = readFileSync(DEMO, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const knowledge = readFileSync(KNOWLEDGE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { externalId: string; title: string; body: string })

let t: Awaited<ReturnType<typeof createTestServices>>
let ws: Awaited<ReturnType<typeof createWorkspace>>
const idOf = new Map<string, string>()
const articleIdOf = new Map<string, string>()

beforeAll(async () => {
  t = await createTestServices()
  ws = await createWorkspace(t.services)
  await importFile(t.services, ws.id, DEMO, { quiet: true })
  for (const k of knowledge) {
    const res = await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: ws.auth(), payload: { externalId: k.externalId, title: k.title, body: k.body } })
    expect(res.statusCode).toBe(201)
    articleIdOf.set(k.externalId, res.json().id)
  }
  await t.services.worker.drain()
  const { rows } = await t.services.db.query<{ id: string; externalId: string }>(`SELECT id, external_id AS "externalId" FROM conversations WHERE workspace_id = $1`, [ws.id])
  for (const r of rows) idOf.set(r.externalId, r.id)
}, 600_000)
afterAll(async () => t?.close())

const deps = () => ({ db: t.services.db, embedder: t.services.embedder, suggester: t.services.chains.localReplies })
const suggest = (externalId: string, over: Record<string, unknown> = {}) =>
  suggestReplies(deps(), ws.id, idOf.get(externalId)!, suggestOptionsSchema.parse(over))

describe('demo corpus drafts', () => {
  it('bw-facebook-0237 never gets another customer’s order number or amount (BW-9094474, £42.00)', async () => {
    const res = (await suggest('bw-facebook-0237'))!
    const texts = res.suggestions.map((s) => s.text).join('\n')
    expect(texts).not.toMatch(/9094474|42\.00/)
  })

  it('bw-instagram-0108 (charged £27.50 twice) is offered no other amount, and any stated refund is flagged', async () => {
    const res = (await suggest('bw-instagram-0108'))!
    for (const s of res.suggestions) {
      expect(s.text).not.toMatch(/£(?!27\.50)\d/)
      if (/refunded/i.test(s.text)) expect(s.claims).toContain('refund')
    }
  })

  it('bw-facebook-0237 (double charge; the customer just gave the order number) gets no off-topic draft', async () => {
    // Its last turn alone ("order number is BW-6333896, I've DMed you") matches follow-ups of delivery and
    // back-order cases as well: the turn before it (the agent asking for the order number about a
    // duplicate payment) says which case this is.
    const res = (await suggest('bw-facebook-0237'))!
    expect(res.suggestions.length).toBeGreaterThan(0)
    expect(res.suggestions[0].text).toMatch(/duplicate|payment|charge|refund/i)
    for (const s of res.suggestions) expect(s.text).not.toMatch(/queue|stock|ship|deliver|depot|batch|router|app\b/i)
  })

  it('drafts come most trusted first: a flagged claim no longer heads a lower-confidence list (bw-x-0316, bw-facebook-0252, bw-facebook-0496)', async () => {
    // Each had, as its first draft, a reply claiming a refund or a parcel sent for another customer
    // (confidence 0.32-0.39) above an unflagged one (0.45-0.52).
    for (const id of ['bw-x-0316', 'bw-facebook-0252', 'bw-facebook-0496']) {
      const confidences = (await suggest(id))!.suggestions.map((s) => s.confidence)
      expect(confidences.length).toBeGreaterThan(1)
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a))
    }
  })

  it('"Service is restored now" is flagged for a customer still offline (bw-x-0428: "Still nothing here in Shipley")', async () => {
    const res = (await suggest('bw-x-0428'))!
    // It is the brand's usual reply at this point of an outage case, so it stays, flagged and trusted less (it was 0.97).
    const restored = res.suggestions.filter((s) => /restored/i.test(s.text))
    expect(restored.length).toBeGreaterThan(0)
    for (const s of restored) {
      expect(s.claims).toContain('fixed')
      expect(s.confidence).toBeLessThanOrEqual(0.6)
    }
  })

  it('a French customer gets French drafts when the nearest past cases were answered in English (bw-instagram-0015: "Parfait, merci pour vore aide")', async () => {
    // Its 40 nearest customer messages were English thank-yous, and the drafts came in English with the
    // note "no past replies in French", in a workspace that answers French every day.
    const res = (await suggest('bw-instagram-0015'))!
    expect(res.language).toBe('fr')
    expect(res.note).toBeUndefined()
    expect(res.suggestions.length).toBeGreaterThan(0)
    for (const s of res.suggestions) expect(detectLanguage(s.text).language).toBe('fr')
    expect(res.suggestions.some((s) => s.sources.some((src) => src.type === 'past_reply'))).toBe(true)
  })

  it('drafts from a knowledge article that answers the question, citing the article (articleId) over the API', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${idOf.get('bw-chat-0143')}/suggestions`, headers: ws.auth('agent'), payload: {} })
    expect(res.statusCode).toBe(200)
    const fromKnowledge = res.json().suggestions.filter((s: { sources: Array<{ type: string }> }) => s.sources.some((src) => src.type === 'knowledge'))
    expect(fromKnowledge).toHaveLength(1)
    const [draft] = fromKnowledge
    expect(draft.sources[0]).toMatchObject({ type: 'knowledge', articleId: articleIdOf.get('kb-voice-remote-backorder'), title: 'Voice Remote back orders (September 2026)' })
    // The draft says what the article says, not only where to read it.
    const article = knowledge.find((k) => k.externalId === 'kb-voice-remote-backorder')!.body
    const sentences = draft.text.split(/(?<=[.!?])\s+/).filter((x: string) => x.length > 30)
    expect(sentences.some((x: string) => article.includes(x))).toBe(true)
    const articleRes = await t.app.inject({ method: 'GET', url: `/v1/knowledge/${draft.sources[0].articleId}`, headers: ws.auth('agent') })
    expect(articleRes.statusCode).toBe(200)
  })

  it('answers a policy question from the article that says its words, and none from one that only shares "bill" and "month"', async () => {
    // The builtin embedder put "How long does a refund take?" 0.19 from the refund policy: no article answered it.
    // Articles posted without a language are stemmed in the one detected ("refund" meets "refunds").
    const policy = (await t.app.inject({ method: 'GET', url: `/v1/knowledge/${articleIdOf.get('kb-refund-policy')}`, headers: ws.auth('agent') })).json()
    expect(policy.language).toBe('en')
    const ask = async (externalId: string, text: string) => {
      const [conv] = await t.ingest(ws, [{ externalId, channel: 'chat', customer: { handle: '@kb_probe' }, messages: [{ externalId: `${externalId}-m1`, role: 'customer', text, sentAt: '2026-11-20T10:00:00Z' }] }])
      const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conv.id}/suggestions`, headers: ws.auth('agent'), payload: {} })
      expect(res.statusCode).toBe(200)
      return (res.json().suggestions as Array<{ text: string; sources: Array<{ type: string; articleId?: string }> }>).filter((s) => s.sources.some((src) => src.type === 'knowledge'))
    }
    const refund = await ask('kb-probe-refund', 'How long does a refund take?')
    expect(refund.map((d) => d.sources[0].articleId)).toEqual([articleIdOf.get('kb-refund-policy')])
    expect(refund[0].text).toMatch(/refunded in full .* within 3–5 working days/)
    // The double-charge article says "bill" and "month", not what raised the bill.
    const higher = await ask('kb-probe-bill', 'Why is my bill higher this month?')
    expect(higher.map((d) => d.sources[0].articleId)).not.toContain(articleIdOf.get('kb-billing-duplicate'))
  })

  it('foreign_entity_rate is 0 over every conversation whose last message is a customer’s', async () => {
    // Customers' names, and agents' names where they sign ("Kind regards,\nLena Byrne") or introduce themselves.
    const agentNames = demo.flatMap((c) => c.messages.flatMap((m) => [
      ...[...m.text.matchAll(/(?:regards|Cordialement|Saludos|Un saludo|Grüße|cumprimentos|saluti),\n(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)/gu)].map((x) => x[1]),
      ...[...m.text.matchAll(/(?:Te atiende |You're chatting with )(\p{Lu}\p{Ll}+)|(\p{Lu}\p{Ll}+) de Brightwave/gu)].map((x) => x[1] ?? x[2]),
    ]))
    const names = [...demo.map((c) => c.customer.name ?? null).filter((n): n is string => Boolean(n)), ...agentNames]
    const index = new EntityIndex({ names, brandHandles: ['@brightwave', '@BrightwaveHelp'] })
    for (const c of demo) index.add(c.externalId, [...c.messages.map((m) => m.text), c.customer.name ?? ''])
    const allowedTexts = knowledge.map((k) => k.body)
    const results: Array<{ foreign: string[] }> = []
    const leaks: string[] = []
    for (const c of demo.filter((d) => d.messages.at(-1)?.role === 'customer')) {
      const res = (await suggest(c.externalId, { n: 3 }))!
      for (const s of res.suggestions) {
        const foreign = index.foreignIn(s.text, { conversationId: c.externalId, texts: [...c.messages.map((m) => m.text), c.customer.name ?? '', `@${(c.customer.handle ?? '').replace(/^@/, '')}`], allowedTexts })
        results.push({ foreign })
        if (foreign.length) leaks.push(`${c.externalId}: ${foreign.join(', ')} in ${JSON.stringify(s.text)}`)
      }
    }
    expect(results.length).toBeGreaterThan(200)
    expect(leaks).toEqual([])
    expect(foreignEntityRate(results)).toBe(0)
  }, 600_000)
})
