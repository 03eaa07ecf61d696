import { describe, expect, it } from 'vitest'
import { conversationTopic, labelInConversation, MIN_TOPIC_EVIDENCE } from '../../src/chains/classify/conversation-topic.ts'
import type { IntentPrediction } from '../../src/chains/classify/intent-local.ts'
import { createLocalClassifier } from '../../src/chains/classify/local.ts'
import { DEFAULT_TAXONOMY } from '../../src/chains/classify/taxonomy.ts'
import type { ClassifyInput, WorkspaceLabels } from '../../src/chains/classify/types.ts'

const prediction = (ranked: Record<string, number>): IntentPrediction => {
  const sorted = Object.entries(ranked).map(([label, p]) => ({ label, p })).sort((a, b) => b.p - a.p)
  return { label: sorted[0]!.label, confidence: sorted[0]!.p, ranked: sorted }
}

describe('conversationTopic', () => {
  it('is the subject its messages back most, an opening message weighing more than a detail answer', () => {
    const opening = { prediction: prediction({ billing: 0.55, delivery: 0.15, other: 0.3 }), followUp: false }
    const orderNumber = { prediction: prediction({ delivery: 0.75, billing: 0.1, other: 0.15 }), followUp: true }
    expect(conversationTopic([opening, orderNumber])?.label).toBe('billing')
  })

  it('is undefined for a message alone, whose runner-up must not overrule the model', () => {
    expect(conversationTopic([{ prediction: prediction({ other: 0.5, delivery: 0.45 }), followUp: false }])).toBeUndefined()
  })

  it('leaves out kinds of message (thanks, greetings) and needs one message backing the subject', () => {
    const thanks = { prediction: prediction({ praise: 0.9, delivery: 0.05 }), followUp: true }
    expect(conversationTopic([thanks, thanks])).toBeUndefined()
    const weak = { prediction: prediction({ delivery: MIN_TOPIC_EVIDENCE - 0.05, billing: 0.3, other: 0.35 }), followUp: false }
    expect(conversationTopic([weak, thanks])).toBeUndefined()
  })

  it('does not let a later new request rewrite the subject the case opened with', () => {
    const opening = { prediction: prediction({ delivery: 0.42, product_fault: 0.3, other: 0.28 }), followUp: false }
    const cancel = { prediction: prediction({ cancellation: 0.9, other: 0.1 }), followUp: true }
    expect(conversationTopic([opening, cancel])?.label).toBe('delivery')
    // An opening that names no subject (a greeting) leaves the case to its follow-ups.
    const greeting = { prediction: prediction({ other: 0.8, delivery: 0.2 }), followUp: false }
    expect(conversationTopic([greeting, cancel])?.label).toBe('cancellation')
  })

  it('combines agreeing messages into a surer case than any one of them, short of certainty', () => {
    const a = { prediction: prediction({ delivery: 0.6, other: 0.4 }), followUp: false }
    const b = { prediction: prediction({ delivery: 0.5, other: 0.5 }), followUp: true }
    const topic = conversationTopic([a, b])!
    expect(topic.confidence).toBeCloseTo(0.8, 5)
    const sure = conversationTopic([a, b, a, a, a])!
    expect(sure.confidence).toBeLessThan(1)
  })
})

describe('labelInConversation', () => {
  const topic = { label: 'delivery', confidence: 0.8 }
  it('gives a chaser with a weak or wrong reading the case subject with the case confidence', () => {
    expect(labelInConversation({ label: 'cancellation', confidence: 0.59 }, topic, true)).toEqual({ label: 'delivery', confidence: 0.8, inherited: true })
    expect(labelInConversation({ label: 'praise', confidence: 0.9 }, topic, true)).toMatchObject({ label: 'delivery', inherited: true })
  })
  it('lets a follow-up change subject only on strong evidence, as sure as it and its case combine to, and an opening message keep a fair reading', () => {
    // 0.9 against a case at 0.8: odds 9 against 4, so a cancellation at 9/13 and the case's subject at 4/13.
    const kept = labelInConversation({ label: 'cancellation', confidence: 0.9 }, topic, true)
    expect(kept).toMatchObject({ label: 'cancellation', inherited: false, caseShare: { label: 'delivery' } })
    expect(kept.confidence).toBeCloseTo(9 / 13, 10)
    expect(kept.caseShare!.p).toBeCloseTo(4 / 13, 10)
    expect(labelInConversation({ label: 'cancellation', confidence: 0.9 }, { label: 'delivery', confidence: 0.6 }, true).confidence).toBeGreaterThan(0.8)
    // A new request less sure than its case keeps its label (what the inbox acts on), at the probability the two leave it.
    const request = labelInConversation({ label: 'refund', confidence: 0.75 }, { label: 'shipping', confidence: 0.9 }, true)
    expect(request).toMatchObject({ label: 'refund', inherited: false })
    expect(request.confidence).toBeCloseTo((0.75 * 0.1) / (0.75 * 0.1 + 0.25 * 0.9), 10)
    expect(labelInConversation({ label: 'cancellation', confidence: 0.65 }, { label: 'delivery', confidence: 0.6 }, true)).toMatchObject({ label: 'delivery', inherited: true })
    expect(labelInConversation({ label: 'billing', confidence: 0.5 }, topic, false)).toMatchObject({ label: 'billing', inherited: false })
    expect(labelInConversation({ label: 'other', confidence: 0.8 }, topic, false)).toMatchObject({ label: 'delivery', inherited: true })
  })
  it('backs a message that agrees with its case by the case confidence, and changes nothing without a case', () => {
    expect(labelInConversation({ label: 'delivery', confidence: 0.5 }, topic, true)).toEqual({ label: 'delivery', confidence: 0.8, inherited: false })
    expect(labelInConversation({ label: 'praise', confidence: 0.9 }, undefined, true)).toEqual({ label: 'praise', confidence: 0.9, inherited: false })
  })
})

describe('the local classifier reads a message in its conversation', () => {
  const labels: WorkspaceLabels = { workspaceId: 'w', taxonomy: DEFAULT_TAXONOMY, intentCorrections: [], sentimentCorrections: [], brandHandles: [] }
  const input = (id: string, conversationId: string, text: string, followUp: boolean): ClassifyInput => ({
    messageId: id, text, role: 'customer', language: 'en', conversationId, afterAgentReply: followUp, unansweredCustomerMessages: 1,
  })

  it('chasers and short replies inside a delivery case are delivery, and no other conversation is touched', async () => {
    const classifier = createLocalClassifier()
    const out = await classifier.classify(labels, [
      input('a1', 'a', 'My parcel was due on Monday and the tracking has not moved since, where is it?', false),
      input('a2', 'a', 'Ref 4471902. I really need it before Saturday', true),
      input('a3', 'a', 'hello?? anybody?', true),
      input('b1', 'b', 'hello?? anybody?', true),
    ])
    const intent = Object.fromEntries(out.map((c) => [c.messageId, c.intent?.label]))
    expect(intent).toMatchObject({ a1: 'delivery', a2: 'delivery', a3: 'delivery' })
    expect(intent.b1).not.toBe('delivery')
  })

  it('gives an identifier handed over inside a case the case\'s subject ("order number is BW-7352969, I\'ve DMed you" in a double charge read as delivery 0.95)', async () => {
    const out = await createLocalClassifier().classify(labels, [
      input('e1', 'e', 'Been billed twice for the same month. Not the first time either. Refund please.', false),
      input('e2', 'e', "order number is BW-7352969, I've DMed you", true),
    ])
    const intent = Object.fromEntries(out.map((c) => [c.messageId, c.intent?.label]))
    expect(intent).toMatchObject({ e1: 'billing', e2: 'billing' })
    // Alone, the handover reads as its words do.
    const [alone] = await createLocalClassifier().classify(labels, [input('g1', 'g', "order number is BW-7352969, I've DMed you", false)])
    expect(alone!.intent?.label).toBe('delivery')
  })

  it('leaves a message alone in its conversation exactly as the model read it', async () => {
    const classifier = createLocalClassifier()
    const text = 'hmm not sure the order thing is sorted'
    const [alone] = await classifier.classify(labels, [input('c1', 'c', text, false)])
    const [plain] = await classifier.classify(labels, [{ ...input('d1', 'd', text, false), conversationId: undefined }])
    expect(alone!.intent).toEqual(plain!.intent)
    expect(alone!.versions.intent).toBe(plain!.versions.intent)
  })
})
