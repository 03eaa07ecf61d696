// What a conversation is about, for the customer messages that do not say it themselves. A chaser
// ("BW-1029232. I need it before the weekend", "any update?"), an order number or a thank-you inside a
// case belongs to the case's subject; read alone it gets a weak or wrong label ("cancellation 59%").
// The case's subject is the intent its customer messages give the most probability to, leaving out
// the intents that say what kind of message it is rather than what it is about.
import type { IntentPrediction } from './intent-local.ts'
import { MESSAGE_KIND_INTENTS, OTHER_INTENT } from './taxonomy.ts'

/** A subject needs one message that backs it at least this much: a case of weak guesses has none. */
export const MIN_TOPIC_EVIDENCE = 0.4
/** Below this, a message's own subject is weak evidence and the case's subject is the better reading. */
export const WEAK_OWN_EVIDENCE = 0.4
/** A follow-up inside a case moves to another subject only on evidence this strong (a real new request). */
export const FOLLOW_UP_SWITCH = 0.7

/** Agreeing messages are not fully independent evidence: the case's confidence stops short of certainty. */
export const MAX_TOPIC_CONFIDENCE = 0.95

export interface ConversationTopic {
  label: string
  /** How sure the case's subject is: its agreeing messages' confidences combined (noisy-or), else its strongest message's probability. */
  confidence: number
}

const isSubject = (label: string) => !MESSAGE_KIND_INTENTS.has(label)

/**
 * An opening message states the case; follow-ups mostly answer the agent's questions ("order number is
 * …", "account email is …"), whose words point at other subjects. So an opening message weighs this much
 * more in the case's subject.
 */
export const OPENING_WEIGHT = 2

/** The subject of a conversation from its customer messages' predictions, or undefined when none is backed. */
export function conversationTopic(all: Array<{ prediction: IntentPrediction; followUp: boolean; handover?: boolean }>): ConversationTopic | undefined {
  // A message alone is its conversation's only evidence: reading it "in its case" would only overrule
  // the model's own choice (e.g. `other`) with its runner-up.
  if (all.length < 2) return undefined
  // A message that only hands identifiers over names no subject ("order number is …" reads as delivery).
  const said = all.filter((m) => !m.handover)
  const messages = said.length > 0 ? said : all
  const mass = new Map<string, number>()
  const strongest = new Map<string, number>()
  // A later new request ("BW-1029232. Can I just cancel?" in a case about a late order) keeps its own
  // label (labelInConversation) and does not rewrite what the case opened with: it has no vote when an
  // opening message names another subject.
  const opened = new Set(messages.filter((m) => !m.followUp && isSubject(m.prediction.label)).map((m) => m.prediction.label))
  const newRequest = ({ prediction: p, followUp }: { prediction: IntentPrediction; followUp: boolean }) =>
    followUp && opened.size > 0 && !opened.has(p.label) && isSubject(p.label) && p.confidence >= FOLLOW_UP_SWITCH
  for (const message of messages) {
    if (newRequest(message)) continue
    const { prediction: p, followUp } = message
    const weight = followUp ? 1 : OPENING_WEIGHT
    for (const r of p.ranked) {
      if (!isSubject(r.label)) continue
      mass.set(r.label, (mass.get(r.label) ?? 0) + weight * r.p)
      strongest.set(r.label, Math.max(strongest.get(r.label) ?? 0, r.p))
    }
  }
  const best = [...mass].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]
  if (!best || strongest.get(best[0])! < MIN_TOPIC_EVIDENCE) return undefined
  // Messages that each read the case as this subject are separate pieces of evidence for it: the case
  // is the subject unless every one of them is wrong (noisy-or of their own confidences). Measured on
  // the demo corpus, single-message confidences run ~0.15 under their precision.
  const agreeing = messages.filter((m) => m.prediction.label === best[0]).map((m) => m.prediction.confidence)
  const confidence = agreeing.length ? 1 - agreeing.reduce((q, p) => q * (1 - p), 1) : strongest.get(best[0])!
  return { label: best[0], confidence: Math.min(confidence, MAX_TOPIC_CONFIDENCE) }
}

/**
 * The label a customer message keeps in its conversation: its own when it names a subject strongly
 * enough, the case's subject otherwise (with the case's confidence). An opening message keeps its own
 * reading unless it is weak. A follow-up (after an agent's reply, or a chaser) leaves the case's subject
 * only on strong evidence: a real new request ("I want my money back" after a late parcel) keeps its
 * label, which is what the inbox acts on. Its own reading and its case's subject are then two opinions
 * about what it is about, so its confidence is what the two combine to (followUpAgainstCase) and the
 * rest is the case's (`caseShare`): "BW-…. Can I just cancel?" read 0.94 inside a back-order case read
 * 0.9 is a cancellation at 0.63 and a back-order at 0.37. Below 0.5 the label is the request, not the
 * likelier subject; counts read the probabilities.
 */
export function labelInConversation(
  own: { label: string; confidence: number },
  topic: ConversationTopic | undefined,
  followUp: boolean,
  handover = false,
): { label: string; confidence: number; inherited: boolean; caseShare?: { label: string; p: number } } {
  if (!topic) return { ...own, inherited: false }
  // A message that agrees with its case is backed by the case's strongest message as well as its own words.
  if (own.label === topic.label) return { label: own.label, confidence: Math.max(own.confidence, topic.confidence), inherited: false }
  const inherit = { label: topic.label, confidence: topic.confidence, inherited: true }
  // An identifier handed over inside a case is the case's, however its words read.
  if (handover) return inherit
  if (!followUp) return own.label !== OTHER_INTENT && own.confidence >= WEAK_OWN_EVIDENCE ? { ...own, inherited: false } : inherit
  const combined = followUpAgainstCase(own.confidence, topic.confidence)
  // Kept against its case, the rest of its probability is the case's subject (`caseShare`), not what its words alone left over.
  return isSubject(own.label) && own.confidence >= FOLLOW_UP_SWITCH
    ? { label: own.label, confidence: combined, inherited: false, caseShare: { label: topic.label, p: 1 - combined } }
    : inherit
}

/**
 * A follow-up's own subject (read with confidence `own`) against its case's different subject (read
 * with `caseConfidence`): two independent opinions over the two subjects, combined on their odds.
 */
export function followUpAgainstCase(own: number, caseConfidence: number): number {
  const forOwn = own * (1 - caseConfidence)
  const forCase = (1 - own) * caseConfidence
  return forOwn + forCase > 0 ? forOwn / (forOwn + forCase) : 0.5
}
