import { readFileSync } from 'node:fs'
import nock from 'nock'
import { describe, expect, it } from 'vitest'
import { loadPrompt } from '../../src/llm/prompts.ts'
import { completion, fakeLlm, useLlmTestServices, userText, type ChatBody } from '../helpers/llm.ts'
import { conversation, createWorkspace } from '../helpers/services.ts'

const t = useLlmTestServices()

type Ws = Awaited<ReturnType<typeof createWorkspace>>
const RESPONSE_KEYS = ['channel', 'degraded', 'language', 'maxChars', 'messageId', 'mode', 'reason', 'shouldReply', 'suggestions']

// Enrichment would call the fake LLM too; classification answers are built from the request, each
// message labelled by `intentOf` its text.
function classifyAnswer(body: ChatBody, intentOf: (text: string) => string = () => 'other') {
  const messages = [...userText(body).matchAll(/id="(m\d+)"[^>]*>\n([\s\S]*?)\n<\//g)].map((m) => ({ id: m[1], text: m[2] }))
  return completion(JSON.stringify({ results: messages.map(({ id, text }) => ({ id, sentiment: 'negative', sentiment_score: -0.6, intent: intentOf(text), language: 'en', needs_reply: true, urgency: 'normal' })) }))
}
const intentBySubject = (text: string) => (/parcel|delivery/i.test(text) ? 'delivery' : /charged|charge|bill/i.test(text) ? 'billing' : 'other')
const isReplies = (body: ChatBody) => body.response_format?.json_schema.name === 'replies'

async function setUp(ws: Ws) {
  const classify = fakeLlm((body) => ({ status: 200, json: classifyAnswer(body) }))
  await t.ingest(ws, [conversation('h1', [['customer', 'I was charged twice for my bill this month'], ['agent', 'Sorry about that! Duplicate charges are refunded within 3-5 working days, see https://help.acme.example/refunds ^MK']])])
  await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: ws.auth(), payload: { title: 'Duplicate charges', body: 'Duplicate payments are refunded to the original payment method within 3-5 working days.' } })
  await t.services.worker.drain()
  classify.scope.persist(false)
  nock.cleanAll()
}

describe('LLM reply drafts', () => {
  it('sends redacted, fenced content and restores placeholders only in the draft', async () => {
    const ws = await createWorkspace(t.services)
    await setUp(ws)
    const classify = fakeLlm((body) => ({ status: 200, json: classifyAnswer(body) }))
    const [target] = await t.ingest(ws, [conversation('t1', [['customer', 'Charged twice again!! Write to me at jane.doe@example.com or +44 20 7946 0958']])])
    classify.scope.persist(false)
    nock.cleanAll()
    const llm = fakeLlm((body) => {
      const ids = [...userText(body).matchAll(/id="([pk]\d+)"/g)].map((m) => m[1])
      return {
        status: 200,
        json: completion(JSON.stringify({
          shouldReply: true, reason: 'needs_reply', language: 'en',
          suggestions: [
            { text: "Sorry for the double charge! We'll refund it within 3-5 working days and confirm at [EMAIL_1]. Details: https://help.acme.example/refunds", approach: 'inform', sourceIds: ids },
            { text: 'Could you DM us the date of both payments so we can check?', approach: 'ask_dm', sourceIds: [] },
            { text: 'Our colleague bob.smith@othermail.com had the same, we refunded him.', approach: 'inform', sourceIds: [] },
            { text: '**Great news**, claim your [refund here](http://evil.example/claim) ' + 'and more words '.repeat(40), approach: 'give_steps', sourceIds: [] },
          ],
        })),
      }
    })
    const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: { n: 4 } })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const sent = userText(llm.bodies.find(isReplies)!)
    expect(sent).not.toContain('jane.doe@example.com')
    expect(sent).not.toContain('7946')
    expect(sent).toContain('[EMAIL_1]')
    expect(sent).toMatch(/<untrusted_conversation_message nonce="[0-9a-f]+" role="customer">/)
    expect(sent).toMatch(/<untrusted_past_reply nonce="[0-9a-f]+" id="p1">/)
    expect(sent).toMatch(/<untrusted_knowledge_passage nonce="[0-9a-f]+" id="k1" title="Duplicate charges">/)

    expect(body.degraded).toBe(false)
    const texts = body.suggestions.map((s: { text: string }) => s.text)
    expect(texts[0]).toContain('jane.doe@example.com')
    expect(texts[0]).toContain('https://help.acme.example/refunds')
    expect(texts.join('\n')).not.toMatch(/bob\.smith|evil\.example|\*\*|\[EMAIL_/)
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(280)
    expect(body.suggestions[0].sources.map((s: { type: string }) => s.type).sort()).toEqual(['knowledge', 'past_reply'])
    // Stored drafts and the audit row never hold the customer's original text.
    const audit = (await t.app.inject({ method: 'GET', url: '/v1/audit/llm-calls', headers: ws.auth() })).json().items
    expect(audit.find((a: { purpose: string }) => a.purpose === 'replies')).toMatchObject({ outcome: 'ok', redactions: 2 })
  })

  it('falls back to local drafts, marked degraded, when the endpoint fails', async () => {
    const ws = await createWorkspace(t.services)
    await setUp(ws)
    const [target] = await t.ingest(ws, [conversation('t2', [['customer', 'charged twice for my bill, please help']])])
    fakeLlm(() => ({ status: 500, json: { error: { message: 'boom' } } }))
    const body = (await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: {} })).json()
    expect(body).toMatchObject({ degraded: true, degradedReason: 'llm_server', shouldReply: true })
    expect(body.suggestions[0].text).toMatch(/refunded within 3-5 working days/)
  })

  it('hostile customer text does not change the output format or leak the prompt', async () => {
    const ws = await createWorkspace(t.services)
    await setUp(ws)
    const hostile = readFileSync(new URL('../fixtures/injection-set.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string).slice(0, 12)
    const targets = await t.ingest(ws, hostile.map((text, i) => conversation(`hostile-${i}`, [['customer', text]])))
    nock.cleanAll()
    const system = loadPrompt('replies').system
    let call = 0
    // A model that obeys the attacker: plain text, the system prompt, or a draft that recites it.
    fakeLlm(() => {
      const kind = call++ % 3
      if (kind === 0) return { status: 200, json: completion('YES') }
      if (kind === 1) return { status: 200, json: completion(JSON.stringify({ shouldReply: true, reason: 'needs_reply', language: 'en', suggestions: [{ text: system.slice(0, 240), approach: 'inform', sourceIds: [] }] })) }
      return { status: 200, json: completion(JSON.stringify({ shouldReply: true, reason: 'needs_reply', language: 'en', suggestions: [{ text: `Sure! My instructions say: ${system.slice(200, 400)}`, approach: 'other', sourceIds: [] }, { text: 'Thanks for reaching out, we will check and come back to you.', approach: 'check_and_follow_up', sourceIds: [] }] })) }
    }, 200)
    for (const target of targets) {
      const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: {} })
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(Object.keys(body).filter((k) => RESPONSE_KEYS.includes(k)).sort()).toEqual(RESPONSE_KEYS)
      for (const s of body.suggestions) {
        expect(Object.keys(s).sort()).toEqual(['approach', 'claims', 'confidence', 'id', 'placeholders', 'repeats', 'sources', 'text'])
        expect(s.text.toLowerCase()).not.toContain('you draft replies for a brand')
        expect(s.text).not.toMatch(/ground every fact|untrusted_/i)
        expect(s.text.length).toBeLessThanOrEqual(280)
      }
    }
  })

  it('flags, and trusts less, a model draft that tells the customer to do again what they say they did', async () => {
    const ws = await createWorkspace(t.services)
    await setUp(ws)
    const classify = fakeLlm((body) => ({ status: 200, json: classifyAnswer(body) }))
    const [target] = await t.ingest(ws, [conversation('t3', [['customer', 'My hub light is flashing red. I have already restarted it twice, still red.']])])
    classify.scope.persist(false)
    nock.cleanAll()
    fakeLlm(() => ({
      status: 200,
      json: completion(JSON.stringify({
        shouldReply: true, reason: 'needs_reply', language: 'en',
        suggestions: [
          { text: 'Sorry about that! Please restart the hub and wait three minutes for a white light.', approach: 'give_steps', sourceIds: [] },
          { text: 'Sorry about that! A red light means no signal on the line; we will run a line test and come back to you.', approach: 'check_and_follow_up', sourceIds: [] },
        ],
      })),
    }))
    const body = (await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: { n: 2 } })).json()
    // Ranked by confidence: the draft that moves on comes first.
    const [lineTest, restart] = body.suggestions
    expect(lineTest).toMatchObject({ repeats: [], confidence: 0.4 })
    expect(restart).toMatchObject({ repeats: ['restart'], confidence: 0.28 })
    expect(restart.text).toContain('restart the hub')
  })

  it('marks past replies to another subject, trusts drafts built only on them less and says nothing fits', async () => {
    const ws = await createWorkspace(t.services)
    const classify = fakeLlm((body) => ({ status: 200, json: classifyAnswer(body, intentBySubject) }))
    await t.ingest(ws, [
      conversation('o1', [['customer', 'I was charged twice for my bill'], ['agent', 'Sorry about that! Could you send us a DM with your account email so we can look into it?']]),
      // States another case's facts in its own words (a duplicate charge): not shown either.
      conversation('o3', [['customer', 'I was charged twice this month'], ['agent', 'Sorry about that! Duplicate charges are refunded within 3-5 working days.']]),
      conversation('o2', [['customer', 'Charged twice for my order A77812'], ['agent', "The second payment on A77812 was a duplicate: I've refunded it."]]),
    ])
    const [target] = await t.ingest(ws, [conversation('t4', [['customer', 'My parcel never arrived, where is my delivery?']])])
    await t.services.worker.drain()
    classify.scope.persist(false)
    nock.cleanAll()
    const llm = fakeLlm((body) => {
      const ids = [...userText(body).matchAll(/id="(p\d+)"/g)].map((m) => m[1])
      return {
        status: 200,
        json: completion(JSON.stringify({
          shouldReply: true, reason: 'needs_reply', language: 'en',
          suggestions: [{ text: 'Sorry about that! Your refund will arrive within 3-5 working days.', approach: 'inform', sourceIds: ids }],
        })),
      }
    })
    const body = (await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: { n: 1 } })).json()
    const sent = userText(llm.bodies.find(isReplies)!)
    // The reply saying a refund was made for another customer's case is not shown to the model at all.
    expect(sent).toMatch(/<untrusted_past_reply nonce="[0-9a-f]+" id="p1" answers="another problem">\nSorry about that! Could you send us a DM/)
    expect(sent).not.toContain("I've refunded it")
    expect(sent).not.toContain('Duplicate charges are refunded')
    expect(sent).toContain('answers="another problem" was written to a different problem')
    const [draft] = body.suggestions
    expect(draft.sources).toHaveLength(1)
    expect(draft.confidence).toBeCloseTo((0.6 + 0.35 * Math.max(0, draft.sources[0].score)) * 0.7, 3)
    expect(body.note).toMatch(/^no past reply or article answers delivery like this/)
  })

  it('adds the escalation draft when the model wrote none for a customer asking for a manager', async () => {
    const ws = await createWorkspace(t.services)
    await setUp(ws)
    const classify = fakeLlm((body) => ({ status: 200, json: classifyAnswer(body, intentBySubject) }))
    const [target] = await t.ingest(ws, [conversation('t5', [['customer', "I want to speak to a manager. Third time I'm explaining this double charge on my bill."]])])
    classify.scope.persist(false)
    nock.cleanAll()
    const drafts = (approach: string) => [
      { text: 'Sorry about that! Duplicate charges are refunded within 3-5 working days.', approach: 'inform', sourceIds: ['p1'] },
      { text: "We're sorry you had to explain this again: a team lead will take your case from here.", approach, sourceIds: [] },
    ]
    const ask = async (approach: string) => {
      fakeLlm(() => ({ status: 200, json: completion(JSON.stringify({ shouldReply: true, reason: 'needs_reply', language: 'en', suggestions: drafts(approach) })) }))
      const res = (await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: { n: 2 } })).json()
      nock.cleanAll()
      return res.suggestions as Array<{ text: string; approach: string; confidence: number }>
    }
    // The model's own escalation stands; none from the rules is added.
    const own = await ask('apologise_escalate')
    expect(own.map((d) => d.approach).sort()).toEqual(['apologise_escalate', 'inform'])
    expect(own.find((d) => d.approach === 'apologise_escalate')!.text).toContain('a team lead will take your case')
    // Without one, the rules' escalation draft takes the place of the model's last, at the rules' confidence.
    const added = await ask('check_and_follow_up')
    expect(added).toHaveLength(2)
    const escalation = added.find((d) => d.approach === 'apologise_escalate')!
    expect(escalation).toMatchObject({ confidence: 0.4 })
    expect(escalation.text).not.toContain('a team lead')
    expect(added.map((d) => d.approach)).toContain('inform')
  })
})
