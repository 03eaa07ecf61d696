// "How many customers complained about X" on a real store, with the stored labels set by hand so the
// figure depends only on how complaints are estimated: a neutral report of a problem counts, a
// thank-you does not, a problem stated in so many words counts whatever its tone, and a person's
// sentiment label is never overruled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { complaintTargetOf, estimateConversations, labelClassesOf, newEstimateCache, type FigureContext } from '../../src/chains/ask/estimates.ts'
import { DEFAULT_TAXONOMY } from '../../src/chains/classify/taxonomy.ts'
import { labelEstimates } from '../../src/store/ask-figures.ts'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

const RANGE = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', label: 'October 2026' }
const INTENTS = DEFAULT_TAXONOMY.map((i) => i.name)

interface Stored {
  sentiment: 'negative' | 'neutral' | 'positive' | 'uncertain'
  probs: { negative: number; neutral: number; positive: number }
  reasons?: string[]
  humanSentiment?: boolean
}

describe('customers who complained about a problem intent', () => {
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let ctx: FigureContext

  /** Stores the labels of the one customer message of `externalId`: intent bug_outage as a person set it, sentiment as given. */
  async function label(externalId: string, s: Stored) {
    const best = Math.max(s.probs.negative, s.probs.neutral, s.probs.positive)
    await t.services.db.query(
      `UPDATE enrichments e SET intent = 'bug_outage', intent_confidence = 1, sentiment = $3, sentiment_confidence = $4, sentiment_probs = $5::jsonb,
         reasons = $6::text[], versions = e.versions || jsonb_build_object('intent', 'human', 'sentiment', $7::text)
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE e.message_id = m.id AND m.workspace_id = $1 AND c.workspace_id = $1 AND c.external_id = $2 AND m.role = 'customer'`,
      [ws.id, externalId, s.sentiment, s.humanSentiment ? 1 : best, JSON.stringify(s.probs), s.reasons ?? [], s.humanSentiment ? 'human' : 'model'],
    )
  }

  beforeAll(async () => {
    ws = await createWorkspace(t.services)
    await t.ingest(ws, ['report', 'thanks', 'stated', 'corrected'].map((id) => conversation(id, [['customer', `message ${id}`]])))
    // A plain report of the fault, in neutral words.
    await label('report', { sentiment: 'neutral', probs: { negative: 0.1, neutral: 0.8, positive: 0.1 } })
    // A thank-you: mostly positive, so mostly not a complaint.
    await label('thanks', { sentiment: 'positive', probs: { negative: 0.05, neutral: 0.15, positive: 0.8 } })
    // The same tone, but the customer states the problem (a complaint cue): "the app crashes, thanks in advance".
    await label('stated', { sentiment: 'positive', probs: { negative: 0.05, neutral: 0.15, positive: 0.8 }, reasons: ['complaint'] })
    // A person said positive: it stays positive, whatever the cues.
    await label('corrected', { sentiment: 'positive', probs: { negative: 0, neutral: 0, positive: 1 }, reasons: ['complaint'], humanSentiment: true })
    ctx = { db: t.services.db, workspaceId: ws.id, classes: labelClassesOf(INTENTS), intents: INTENTS, asOf: RANGE.to, cache: newEstimateCache() }
  })

  it('counts p(negative) + p(neutral) for a neutral report, the whole message when the problem is stated, nothing against a person', async () => {
    const estimate = await estimateConversations(ctx, { customerRole: 'customer', sentiment: 'negative', intent: 'bug_outage' }, RANGE)
    // 0.9 (report) + 0.2 (thanks) + 1.0 (stated) + 0 (corrected) = 2.1
    expect(estimate.value).toBe(2)
    expect(estimate.low).toBeLessThanOrEqual(estimate.value)
    expect(estimate.high).toBeGreaterThanOrEqual(3)
    expect(estimate.method).toMatch(/neutral one reporting a problem/)
  })

  it('keeps complaints to negatives for an intent that names no problem, and for another taxonomy', () => {
    expect(complaintTargetOf({ customerRole: 'customer', sentiment: 'negative', intent: 'praise' }, INTENTS).complaintIntents).toBeUndefined()
    expect(complaintTargetOf({ customerRole: 'customer', sentiment: 'negative' }, ['late_flight', 'lost_luggage']).complaintIntents).toBeUndefined()
    expect(complaintTargetOf({ customerRole: 'customer', sentiment: 'positive', intent: 'billing' }, INTENTS).complaintIntents).toBeUndefined()
    expect(complaintTargetOf({ customerRole: 'customer', sentiment: 'negative' }, INTENTS).complaintIntents).toContain('delivery')
  })
})

describe('a message\'s doubt about its intent', () => {
  it('goes to the other intents in proportion to the classifier\'s own probabilities of them, evenly only when it stored none', async () => {
    const ws = await createWorkspace(t.services)
    await t.ingest(ws, ['split', 'sure', 'unknown'].map((id) => conversation(id, [['customer', `message ${id}`]])))
    const stored: Record<string, Record<string, number> | null> = {
      // Read delivery 0.8, billing 0.15: its 0.2 of doubt is mostly billing.
      split: { delivery: 0.8, billing: 0.15, praise: 0.05 },
      // Read delivery 0.8, praise 0.2: none of its doubt is billing.
      sure: { delivery: 0.8, praise: 0.2 },
      // A classifier that gives no probabilities (the LLM): the doubt spreads evenly.
      unknown: null,
    }
    for (const [externalId, probs] of Object.entries(stored)) {
      await t.services.db.query(
        `UPDATE enrichments e SET intent = 'delivery', intent_confidence = 0.8, intent_probs = $3::jsonb, versions = e.versions || jsonb_build_object('intent', 'model')
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE e.message_id = m.id AND m.workspace_id = $1 AND c.workspace_id = $1 AND c.external_id = $2 AND m.role = 'customer'`,
        [ws.id, externalId, probs ? JSON.stringify(probs) : null],
      )
    }
    const classes = labelClassesOf(INTENTS)
    const [billing] = await labelEstimates(t.services.db, ws.id, {}, RANGE, { intent: 'billing' }, classes)
    // split: 0.2 × 0.15 / (1 − 0.8); sure: 0; unknown: 0.2 over the other intents.
    expect(billing!.expected).toBeCloseTo(0.15 + 0.2 / (classes.intent - 1), 6)
    const [delivery] = await labelEstimates(t.services.db, ws.id, {}, RANGE, { intent: 'delivery' }, classes)
    expect(delivery!.expected).toBeCloseTo(2.4, 6)
    // The bounds still allow all of the doubt to be billing's.
    expect(billing!.upper).toBeCloseTo(0.6, 6)
  })
})
