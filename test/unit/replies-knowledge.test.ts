import { describe, expect, it } from 'vitest'
import { KNOWLEDGE_ANSWER_SCORE, KNOWLEDGE_FALLBACK_SCORE, knowledgeAnswer } from '../../src/chains/replies/knowledge-draft.ts'
import { localDrafts } from '../../src/chains/replies/local.ts'
import { EMPTY_VOICE, type ReplyRequest, type Retrieval } from '../../src/chains/replies/types.ts'

const ARTICLE = [
  'Demand for the new Voice Remote was much higher than expected and it went out of stock.',
  'If a customer asks about their order, ask for the order number.',
  'New stock arrived on 1 October and all back orders shipped by 9 October.',
  'Offer a refund to anyone who no longer wants to wait.',
].join(' ')
const hit = (score: number, language: string | null = 'en') => ({ chunkId: 'chunk-1', articleId: 'article-1', title: 'Voice Remote back orders', text: ARTICLE, language, score })

describe('knowledgeAnswer', () => {
  it('keeps the sentences that answer the customer, in the article’s order, never those addressed to agents', () => {
    const answer = knowledgeAnswer([hit(0.4)], 'Where is my voice remote? My back order still has not shipped', 'en')!
    expect(answer.hit.articleId).toBe('article-1')
    expect(answer.body).toBe('Demand for the new Voice Remote was much higher than expected and it went out of stock. New stock arrived on 1 October and all back orders shipped by 9 October.')
  })

  it('tells the customer what an article says customers can do, and still leaves out what it tells agents', () => {
    const policy = [
      'Customers can cancel an equipment order for a full refund within 14 days of delivery if it is returned unused.',
      'When many customers in one area report a refund problem, check the status page first.',
      'If the refund is late, it is a bank delay: offer a £10 credit.',
      'The customer gets a refund email once it is processed.',
    ].join(' ')
    const answer = knowledgeAnswer([{ ...hit(0.4), text: policy }], 'Can I get a refund if I cancel within 14 days?', 'en')!
    expect(answer.body).toBe('You can cancel an equipment order for a full refund within 14 days of delivery if it is returned unused. You get a refund email once it is processed.')
    // The rest of the sentence is told to the customer too (it read "you take the Hub with them and plugs it in").
    const moving = 'Customers can take their plan to a new address at no cost. On moving day the customer takes the Hub with them and plugs it in at the new address.'
    expect(knowledgeAnswer([{ ...hit(0.4), text: moving }], 'I am moving house, can I take my plan and the Hub to the new address?', 'en')!.body)
      .toBe('You can take your plan to a new address at no cost. On moving day you take the Hub with you and plug it in at the new address.')
    // Other languages are not rewritten: a sentence about customers stays an agent's.
    expect(knowledgeAnswer([{ ...hit(0.4, 'fr'), text: 'Les clients peuvent annuler une commande dans les 14 jours pour un remboursement.' }], 'Puis-je annuler ma commande et avoir un remboursement ?', 'fr')).toBeNull()
  })

  it('does not tell a customer whose box came without a part of a remote sold out, however close the article', () => {
    expect(knowledgeAnswer([hit(0.6)], 'My voice remote arrived today but the batteries were missing from the box', 'en')).toBeNull()
    expect(knowledgeAnswer([hit(0.6)], 'Where is my voice remote? My back order still has not shipped', 'en')).not.toBeNull()
  })

  it('answers from a further passage only when it is not about a problem the customer never names', () => {
    const twice = { ...hit(KNOWLEDGE_FALLBACK_SCORE), title: 'Duplicate payments', text: 'Very occasionally a payment is taken twice, usually because a card payment and a Direct Debit both went through for the same bill.' }
    expect(knowledgeAnswer([twice], 'Can I change my direct debit date to the 15th? My card payment comes later.', 'en', { fallback: true })).toBeNull()
    expect(knowledgeAnswer([twice], 'My direct debit went out twice, card payment too', 'en', { fallback: true })?.body).toBe(twice.text)
    // A close passage is the case's subject: its problem words are not checked.
    expect(knowledgeAnswer([{ ...twice, score: KNOWLEDGE_ANSWER_SCORE }], 'Can I change my direct debit date to the 15th? My card payment comes later.', 'en')).not.toBeNull()
  })

  it('answers from no passage about another subject only, however close', () => {
    const moving = { ...hit(0.45), title: 'Moving home', text: 'If the new address is not covered, customers can leave without an early exit fee by showing proof of the move.' }
    const visit = "Hi, the engineer is booked for tomorrow but I won't be home, can I move it?"
    expect(knowledgeAnswer([moving], visit, 'en', { subject: 'appointment' })).toBeNull()
    // The words name the visit even without the classifier's subject.
    expect(knowledgeAnswer([moving], visit, 'en')).toBeNull()
    // A customer who is moving is answered by it.
    expect(knowledgeAnswer([moving], "I'm moving house and the new address is not covered, can I leave?", 'en', { subject: 'pricing' })?.body).toContain('without an early exit fee')
    // A price rise is on the bill: pricing answers billing (the demo's article).
    const rise = { ...hit(0.45), title: 'Plans and prices', text: 'Prices rise once a year in September by the fixed amount stated in the contract (£3 a month in 2026); customers are emailed about it in July.' }
    expect(knowledgeAnswer([rise], 'Why is my bill higher this month?', 'en', { subject: 'billing' })).not.toBeNull()
  })

  it('answers from a passage found by its words only when its article’s title says one of them', () => {
    // "Why is my bill higher this month?" met the double-charge article by "bill" and "month" (0.47, cosine 0.21).
    const twice = { ...hit(0.47), similarity: 0.21, lexical: 0.33, titled: false, title: 'Duplicate or double charges', text: 'Very occasionally a payment is taken twice on the same bill this month.' }
    expect(knowledgeAnswer([twice], 'Why is my bill higher this month?', 'en')).toBeNull()
    // Its title naming what was asked, the same passage answers…
    expect(knowledgeAnswer([{ ...twice, titled: true }], 'Why is my bill higher this month?', 'en')?.hit.title).toBe('Duplicate or double charges')
    // …and so does one close in meaning, whatever its title.
    expect(knowledgeAnswer([{ ...twice, similarity: 0.3 }], 'Why is my bill higher this month?', 'en')).not.toBeNull()
  })

  it('answers only from a close passage in the customer’s language', () => {
    expect(knowledgeAnswer([hit(KNOWLEDGE_ANSWER_SCORE - 0.01)], 'Where is my voice remote?', 'en')).toBeNull()
    expect(knowledgeAnswer([hit(0.5, 'en')], 'Wo ist meine Fernbedienung?', 'de')).toBeNull()
  })

  it('the local path offers it as a draft citing the article, beside the best past reply', () => {
    const req: ReplyRequest = {
      workspaceId: 'w', conversationId: 'c', channel: 'chat', mode: 'private', tone: 'friendly', n: 3, maxChars: 2000,
      customer: { handle: null, name: null }, voice: EMPTY_VOICE,
      turns: [{ messageId: 'm1', role: 'customer', text: 'Where is my voice remote? My back order has not shipped', language: 'en', needsReply: true, urgency: 'normal', reasons: [] }],
    }
    const retrieval: Retrieval = {
      query: req.turns[0].text, language: 'en', knowledge: [hit(0.5)],
      candidates: [{ id: 'a1', kind: 'agent_message', conversationId: 'past', customerMessageId: 'pm', customerText: 'where is my remote', similarity: 0.8, contextSimilarity: null, text: 'Sorry for the wait! The remote ships this week.', language: 'en', pastCustomer: { handle: null, name: null } }],
    }
    const { drafts } = localDrafts(req, retrieval)
    expect(drafts[0].sources[0].type).toBe('past_reply')
    expect(drafts[1].sources).toEqual([{ type: 'knowledge', id: 'chunk-1', articleId: 'article-1', title: 'Voice Remote back orders', score: 0.5, excerpt: ARTICLE.slice(0, 200) }])
    expect(drafts[1].text).toContain('New stock arrived on 1 October')
    expect(drafts[1].confidence).toBeCloseTo(0.525)
  })

  it('answers from a somewhat further passage only when no past reply fits, and only with the case\'s own words ("How long does delivery of a Brightbox usually take?" met its article below the answer score)', () => {
    const delivery = { ...hit((KNOWLEDGE_FALLBACK_SCORE + KNOWLEDGE_ANSWER_SCORE) / 2), title: 'Delivery times', text: 'Brightbox 4K orders ship within one working day and are delivered by our courier in 2–3 working days.' }
    const req: ReplyRequest = {
      workspaceId: 'w', conversationId: 'c', channel: 'chat', mode: 'private', tone: 'friendly', n: 3, maxChars: 2000,
      customer: { handle: null, name: null }, voice: EMPTY_VOICE,
      turns: [{ messageId: 'm1', role: 'customer', text: 'How long does delivery of a Brightbox usually take?', language: 'en', needsReply: true, urgency: 'normal', reasons: [] }],
    }
    const past = (similarity: number) => ({ id: 'a1', kind: 'agent_message' as const, conversationId: 'past', customerMessageId: 'pm', customerText: 'when does my order come?', similarity, contextSimilarity: null, text: 'Orders usually come within a few days of dispatch.', language: 'en', pastCustomer: { handle: null, name: null } })
    const kinds = (similarity: number, knowledge = [delivery]) => localDrafts(req, { query: req.turns[0].text, language: 'en', knowledge, candidates: [past(similarity)] }).drafts.flatMap((d) => d.sources.map((s) => s.type))
    expect(kinds(0.2)).toContain('knowledge')
    // A past reply that fits keeps the usual threshold.
    expect(kinds(0.8)).not.toContain('knowledge')
    // A passage that does not say the case's words is no answer, however weak the past replies.
    expect(kinds(0.2, [{ ...delivery, text: 'Our shop opens at nine on weekdays.' }])).not.toContain('knowledge')
  })

  it('offers no article to a customer who is closing the conversation', () => {
    const turn = (messageId: string, role: 'customer' | 'agent', text: string, needsReply: boolean | null) => ({ messageId, role, text, language: 'en', needsReply, urgency: 'normal' as const, reasons: [] })
    const req: ReplyRequest = {
      workspaceId: 'w', conversationId: 'c', channel: 'chat', mode: 'private', tone: 'friendly', n: 3, maxChars: 2000,
      customer: { handle: null, name: null }, voice: EMPTY_VOICE,
      turns: [
        turn('m1', 'customer', 'Where is my voice remote? My back order has not shipped', true),
        turn('m2', 'agent', 'Sorry for the wait! New stock arrived and your remote ships this week.', null),
        turn('m3', 'customer', 'Thank you, much appreciated 🙏', false),
      ],
    }
    const retrieval: Retrieval = { query: 'Thank you, much appreciated', language: 'en', knowledge: [hit(0.4)], candidates: [] }
    const { drafts } = localDrafts(req, retrieval)
    expect(drafts.length).toBeGreaterThan(0)
    expect(drafts.flatMap((d) => d.sources.map((s) => s.type))).not.toContain('knowledge')
    // The same article still answers the question itself.
    expect(localDrafts({ ...req, turns: req.turns.slice(0, 1) }, retrieval).drafts.flatMap((d) => d.sources.map((s) => s.type))).toContain('knowledge')
  })
})
