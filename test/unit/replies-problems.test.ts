import { describe, expect, it } from 'vitest'
import { localDrafts, OTHER_SUBJECT_CONFIDENCE, rankCandidates } from '../../src/chains/replies/local.ts'
import { answersOtherProblem as answersOther, namesOtherProblem, problemsIn } from '../../src/chains/replies/problems.ts'
import { EMPTY_VOICE, type ReplyCandidate, type ReplyRequest } from '../../src/chains/replies/types.ts'

describe('problemsIn', () => {
  it('reads the problem a message or a reply names, in each language', () => {
    expect([...problemsIn('Hi, my direct debit went out twice this month')]).toEqual(['charged_twice'])
    expect([...problemsIn('A duplicate payment should never happen. We will refund the extra one.')]).toEqual(['charged_twice'])
    expect([...problemsIn('On m’a prélevé deux fois ce mois-ci')]).toEqual(['charged_twice'])
    expect([...problemsIn('Der Betrag wurde doppelt abgebucht')]).toEqual(['charged_twice'])
    expect([...problemsIn('La caja llegó dañada')]).toEqual(['damaged'])
    expect([...problemsIn('Il pacco è in ritardo di una settimana')]).toEqual(['late_parcel'])
    expect([...problemsIn('Wo bleibt mein Paket?')]).toEqual(['late_parcel'])
    expect([...problemsIn('Há uma avaria na sua zona')]).toEqual(['outage'])
    expect([...problemsIn('Mein Konto ist gesperrt')]).toEqual(['locked_account'])
    expect([...problemsIn('Can I change my direct debit date to the 15th?')]).toEqual([])
    // Not a word inside another: "unlocked" is no locked account.
    expect([...problemsIn("I've unlocked it for you")]).toEqual([])
  })
})

describe('namesOtherProblem', () => {
  it('is true when a text names a problem the customer does not', () => {
    expect(namesOtherProblem('Can I change my direct debit date?', 'A payment is sometimes taken twice.')).toBe(true)
    expect(namesOtherProblem('You charged me twice', 'A payment is sometimes taken twice.')).toBe(false)
    expect(namesOtherProblem('Can I change my direct debit date?', 'You can pick any day in the app.')).toBe(false)
  })
})

// As rankCandidates calls it: the customer's problems read once.
const answersOtherProblem = (customerSaid: string, pastCustomerSaid: string, reply: string) => answersOther(problemsIn(customerSaid), pastCustomerSaid, reply)

describe('answersOtherProblem', () => {
  const twice = 'Hi, my direct debit went out twice this month (£32.00 each).'
  const duplicateReply = 'Apologies! A duplicate payment should never happen. Send us the account email and we will refund the extra one.'

  it('is true when the reply answers its customer’s problem and this customer never names it', () => {
    expect(answersOtherProblem('Can I change my direct debit date to the 15th? My salary comes in later now.', twice, duplicateReply)).toBe(true)
    expect(answersOtherProblem('I was charged £40 instead of £30 this month', twice, duplicateReply)).toBe(true)
  })

  it('is false for the same problem, in other words or another language', () => {
    expect(answersOtherProblem('You took the payment two times!!', 'you took it again by direct debit', duplicateReply)).toBe(false)
    expect(answersOtherProblem('Vous avez prélevé deux fois', twice, duplicateReply)).toBe(false)
    expect(answersOtherProblem('Where is my parcel? Ordered two weeks ago', 'my parcel has not arrived yet', 'Sorry it is running late, it will be with you by Friday.')).toBe(false)
  })

  it('is false when the reply names a problem its own customer did not have, or none', () => {
    // "No outage" answers the past customer's words ("my internet is down"), not an outage they had.
    expect(answersOtherProblem('my wifi keeps dropping', 'my internet is down', 'There is no outage in your area. Could you restart the router?')).toBe(false)
    expect(answersOtherProblem('Can I change my direct debit date?', 'How do I update my card details?', 'You can change it in the app, under Billing.')).toBe(false)
  })
})

describe('rankCandidates and another problem within the subject', () => {
  const req: ReplyRequest = {
    workspaceId: 'w', conversationId: 'c', channel: 'email', mode: 'public', tone: 'friendly', n: 3, maxChars: 1000, customer: { handle: null, name: null }, voice: EMPTY_VOICE,
    turns: [{ messageId: 'q', role: 'customer', text: 'Can I change my direct debit date to the 15th?', language: 'en', intent: 'billing', needsReply: true, urgency: 'normal', reasons: [] }],
  }
  const cand = (id: string, customerText: string, text: string, similarity: number): ReplyCandidate => ({
    id, kind: 'agent_message', conversationId: `c-${id}`, customerMessageId: `m-${id}`, customerText, similarity, contextSimilarity: null, text, language: 'en', pastCustomer: { handle: null, name: null }, customerIntent: 'billing',
  })

  it('marks a reply to another billing problem and ranks it below one that answers this one', () => {
    const duplicate = cand('1', 'my direct debit went out twice this month', 'A duplicate payment should never happen. We will refund the extra one.', 0.32)
    const date = cand('2', 'can I move my payment date?', 'Yes: you can pick any day from the 1st to the 28th in the app, under Billing.', 0.3)
    expect(rankCandidates(req, [duplicate, date]).map((r) => [r.members[0].id, r.offSubject])).toEqual([['2', false], ['1', true]])
  })

  it('says no past reply answers the case when every one answered another problem, and trusts them less', () => {
    const duplicate = cand('1', 'my direct debit went out twice this month', 'A duplicate payment should never happen. We will refund the extra one.', 0.32)
    const { drafts, note } = localDrafts(req, { query: req.turns[0].text, language: 'en', knowledge: [], candidates: [duplicate] })
    expect(drafts[0].text).toContain('duplicate payment')
    expect(note).toMatch(/no past reply or article answers billing like this/)
    // The same reply to a customer who was charged twice answers the case, and is trusted more.
    const charged = { ...req, turns: [{ ...req.turns[0], text: 'You took my direct debit twice this month' }] }
    const answered = localDrafts(charged, { query: charged.turns[0].text, language: 'en', knowledge: [], candidates: [duplicate] })
    expect(answered.note).toBeUndefined()
    expect(drafts[0].confidence).toBeCloseTo(answered.drafts[0].confidence * OTHER_SUBJECT_CONFIDENCE, 2)
  })
})
