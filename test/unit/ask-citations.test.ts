// Citations for a question about labels stand for those labels: a message a person labelled so comes
// before the classifier's guesses, and the question's words only break near-ties.
import { describe, expect, it } from 'vitest'
import { labelLikelihood, rerankScore } from '../../src/chains/ask/retrieve.ts'
import type { AskPlan } from '../../src/chains/ask/types.ts'
import type { CandidateRow } from '../../src/store/ask.ts'

const plan: AskPlan = {
  kind: 'examples',
  timeRange: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', label: 'October 2026' },
  filters: { sentiment: 'negative', intent: 'delivery', customerRole: 'customer' },
  planner: 'local',
}

const row = (over: Partial<CandidateRow>): CandidateRow => ({
  messageId: 'm', conversationId: 'c', channel: 'x', sentAt: '2026-10-02T00:00:00.000Z', text: 'My parcel never arrived, third time now',
  sentiment: 'negative', sentimentScore: -0.8, intent: 'delivery', sentimentConfidence: 0.9, intentConfidence: 0.9,
  sentimentCorrected: false, intentCorrected: false, score: 0, people: [], ...over,
})

describe('citation ranking', () => {
  it('puts a message a person labelled first, even against a confident keyword match', () => {
    const person = row({ sentimentCorrected: true, intentCorrected: true, sentimentConfidence: 1, intentConfidence: 1 })
    const guess = row({ sentimentConfidence: 0.99, intentConfidence: 0.99 })
    expect(rerankScore(person, 0.001, plan, 0.05)).toBeGreaterThan(rerankScore(guess, 0.05, plan, 0.05))
  })

  it('ranks the classifier’s guesses by its confidence in both labels, the words breaking near-ties only', () => {
    const sure = row({ sentimentConfidence: 0.9, intentConfidence: 0.8 })
    const unsure = row({ sentimentConfidence: 0.9, intentConfidence: 0.4 })
    expect(labelLikelihood(sure, plan)).toBeCloseTo(0.72)
    expect(rerankScore(sure, 0.001, plan, 0.05)).toBeGreaterThan(rerankScore(unsure, 0.05, plan, 0.05))
    expect(rerankScore(sure, 0.05, plan, 0.05)).toBeGreaterThan(rerankScore(sure, 0.001, plan, 0.05))
  })

  it('cites a closer that inherited its case\'s label after the messages that say something ("Perfect, tank you!" for billing)', () => {
    const closer = row({ text: 'Perfect, tank you!', intentConfidence: 0.95, sentimentConfidence: 0.95 })
    const says = row({ text: 'I was charged twice for my order, please refund the duplicate', intentConfidence: 0.8, sentimentConfidence: 0.8 })
    expect(rerankScore(says, 0.01, plan, 0.05)).toBeGreaterThan(rerankScore(closer, 0.05, plan, 0.05))
  })

  it('cites a chaser after the messages that say something ("Still waiting for a reply…" for why billing customers are unhappy)', () => {
    const says = row({ text: 'I was charged twice for my order, please refund the duplicate', intentConfidence: 0.8, sentimentConfidence: 0.8 })
    for (const text of ['Still waiting for a reply…', 'Hello? Any update on this?', 'Toujours rien, personne ne répond', 'Bump. Nobody has got back to me.', 'Following up on this, any news?']) {
      const chaser = row({ text, intentConfidence: 0.95, sentimentConfidence: 0.95 })
      expect(rerankScore(says, 0.01, plan, 0.05), text).toBeGreaterThan(rerankScore(chaser, 0.05, plan, 0.05))
    }
    // A message that says more than the chasing is no chaser.
    const more = row({ text: 'Still waiting for my refund of the double charge from 3 October, order BW-1234567', intentConfidence: 0.95, sentimentConfidence: 0.95 })
    expect(rerankScore(more, 0.05, plan, 0.05)).toBeGreaterThan(rerankScore(says, 0.01, plan, 0.05))
  })

  it('cites a message that only hands over a detail last ("It\'s [EMAIL_1]" for sign-in problems)', () => {
    const closer = row({ text: 'Perfect, thank you so much!', intentConfidence: 0.95, sentimentConfidence: 0.95 })
    const unsure = row({ text: 'I was charged twice for my order, please refund the duplicate', intentConfidence: 0.5, sentimentConfidence: 0.5 })
    for (const text of ["It's [EMAIL_1]", 'ana.lopez@example.com', 'BW-8042600 👍', 'Order: BW-1816229']) {
      const detail = row({ text, intentConfidence: 0.99, sentimentConfidence: 0.99 })
      expect(rerankScore(unsure, 0.01, plan, 0.05), text).toBeGreaterThan(rerankScore(detail, 0.05, plan, 0.05))
      expect(rerankScore(closer, 0.01, plan, 0.05), text).toBeGreaterThan(rerankScore(detail, 0.05, plan, 0.05))
    }
    // A detail with the case said around it is no detail alone.
    const said = row({ text: "It's [EMAIL_1], I still can't log in", intentConfidence: 0.9, sentimentConfidence: 0.9 })
    expect(rerankScore(said, 0.01, plan, 0.05)).toBeGreaterThan(rerankScore(unsure, 0.05, plan, 0.05))
  })

  it('without label filters, relevance decides', () => {
    const open = { ...plan, kind: 'why' as const, filters: { customerRole: 'customer' as const } }
    expect(labelLikelihood(row({}), open)).toBeUndefined()
    expect(rerankScore(row({}), 0.05, open)).toBeGreaterThan(rerankScore(row({ sentimentCorrected: true, intentCorrected: true }), 0.01, open))
  })
})
