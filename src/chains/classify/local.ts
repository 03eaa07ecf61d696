// The no-LLM classifier: trained sentiment model, language identification, few-shot intent model
// trained on the workspace's taxonomy examples and corrections, and needs-reply signals.
import { createHash } from 'node:crypto'
import { cosine } from '../../embeddings/embedder.ts'
import { embedOne } from '../../embeddings/builtin.ts'
import { handsOverOnly, messageCore } from '../../text/envelope.ts'
import { withoutFillers } from '../../text/fillers.ts'
import { conversationTopic, labelInConversation } from './conversation-topic.ts'
import { asThanksForFix, withIntentCues, withNegativeSentiment, withPositiveSentiment } from './intent-cues.ts'
import { foldText, plainQuestionWithoutNegation, withoutNegatedCancellation } from './plain-cues.ts'
import { DEFAULT_OTHER_THRESHOLD, trainIntentModel, type IntentModel, type IntentPrediction } from './intent-local.ts'
import { detectLanguage } from './language.ts'
import { withoutPraiseAside } from './main-point.ts'
import { afterPutRight } from './put-right.ts'
import { correctedSentiment, decideSentiment } from './sentiment-decision.ts'
import { loadSentimentModel, type SentimentLabel, type SentimentModel } from './sentiment-local.ts'
import { ASKING_INTENTS, DEFAULT_TAXONOMY, taxonomyExamples, OTHER_INTENT } from './taxonomy.ts'
import { LANGUAGES_OF_MORE_EXAMPLES, MORE_EXAMPLES } from './taxonomy-examples.ts'
import type { Classification, Classifier, ClassifyInput, WorkspaceLabels } from './types.ts'
import { assessNeedsReply } from './urgency.ts'

/** A corrected message this similar to a new one decides the new one's sentiment. */
export const CORRECTION_MATCH_MIN_COSINE = 0.85
const MAX_CACHED_INTENT_MODELS = 50
const LANGUAGE_DETECTOR_VERSION = 'franc+script-v1'
const URGENCY_VERSION = 'signals-v4'
/**
 * The local classifier's code: bump it with any change to what it answers for the same message, so an
 * upgraded store relabels its messages (a worker queues those of an earlier version when it starts,
 * as it does for summaries). The trained weights' own versions are part of the stored version too.
 */
export const LOCAL_CLASSIFIER_CODE = 'classify-local@44'
const YIELD_EVERY = 32

/**
 * Customer messages of one conversation share what the conversation is about: a message whose own
 * reading is weak (a chaser, an order number, a thank-you) takes the subject its conversation's
 * messages back (see conversation-topic.ts). Only messages of the same batch are seen (the enrichment
 * stage passes a conversation's changed messages together).
 */
function applyConversationTopics(inputs: ClassifyInput[], predictions: Array<IntentPrediction | undefined>, out: Classification[]): Classification[] {
  const isFollowUp = (input: ClassifyInput) => Boolean(input.afterAgentReply) || (input.unansweredCustomerMessages ?? 1) > 1
  const byConversation = new Map<string, Array<{ prediction: IntentPrediction; followUp: boolean; handover: boolean }>>()
  const handovers = inputs.map((input) => input.role === 'customer' && Boolean(input.conversationId) && handsOverOnly(input.text))
  inputs.forEach((input, i) => {
    const prediction = predictions[i]
    if (!input.conversationId || !prediction) return
    const item = { prediction, followUp: isFollowUp(input), handover: handovers[i]! }
    const group = byConversation.get(input.conversationId)
    if (group) group.push(item)
    else byConversation.set(input.conversationId, [item])
  })
  const topics = new Map([...byConversation].map(([id, messages]) => [id, conversationTopic(messages)]))
  return out.map((c, i) => {
    const input = inputs[i]
    if (!c.intent || !input.conversationId) return c
    const decided = labelInConversation(c.intent, topics.get(input.conversationId), isFollowUp(input), handovers[i])
    if (decided.label === c.intent.label && decided.confidence === c.intent.confidence) return c
    // A follow-up kept against its case is torn between the two subjects: that is its reading in the case.
    const probs = decided.caseShare ? { [decided.label]: decided.confidence, [decided.caseShare.label]: decided.caseShare.p } : c.intent.probs
    return { ...c, intent: { ...c.intent, label: decided.label, confidence: decided.confidence, ...(probs ? { probs } : {}) }, versions: { ...c.versions, intent: `${c.versions.intent}+conversation` } }
  })
}

/** The model's own reading of a message, kept with its label: each ranked intent's probability, to 4 places. */
function probabilitiesOf(prediction: IntentPrediction): Record<string, number> {
  return Object.fromEntries(prediction.ranked.map((r) => [r.label, Math.round(r.p * 1e4) / 1e4]))
}

/**
 * What a message says, as its labels read it: its core, without the letter's formulas (a greeting line, "Thanks in
 * advance,\nDerek" under a wrong item delivered) or the sentence handing an order number over ("My account email
 * is …" under a question about moving house made it a sign-in problem), and without a voice note's "um" and "euh".
 */
function saidIn(text: string, language: string): string {
  return withoutFillers(messageCore(text), language)
}

/**
 * The intent of what a customer said, and the words their feeling is read from: from where a problem they tell
 * of was put right (put-right.ts), and, when they praised before what they came for (main-point.ts), what they
 * came for, not the thanks before it. A calm question or a wish after praise keeps the praise's feeling.
 */
function intentOf(model: IntentModel, said: string, language: string): { intent: IntentPrediction; feltIn: string } {
  const read = (text: string) => {
    const core = withoutNegatedCancellation(text)
    return withIntentCues(model.predict(core), core, DEFAULT_OTHER_THRESHOLD, model.labels)
  }
  const putRight = afterPutRight(said, language)
  const told = putRight?.told ?? said
  const whole = putRight?.thanks ? asThanksForFix(read(told), model.labels) : read(told)
  const point = withoutPraiseAside(told, language, whole, read)
  if (point === undefined) return { intent: whole, feltIn: told }
  const intent = read(point)
  const asksCalmly = ASKING_INTENTS.has(intent.label) && plainQuestionWithoutNegation(foldText(point))
  return { intent, feltIn: asksCalmly ? told : point }
}

/**
 * Messages in French, German, Spanish, Portuguese and Italian are read by a model that also learns the default
 * taxonomy's examples in those languages (taxonomy-examples.ts says why those alone); a workspace's own taxonomy
 * is read with its own examples only.
 */
const DEFAULT_TAXONOMY_KEY = JSON.stringify(DEFAULT_TAXONOMY)
const MORE_TRAINING_EXAMPLES = Object.entries(MORE_EXAMPLES).flatMap(([label, texts]) => texts.map((text) => ({ text, label })))

/** The language a message is read in: as ingest gave it, else detected (fastText, a third of local classification). */
function languageOf(input: ClassifyInput): { code: string; confidence: number } {
  if (input.language) return { code: input.language.split('-')[0]!, confidence: 1 }
  const detected = detectLanguage(input.text)
  return { code: detected.language, confidence: detected.confidence }
}

export function createLocalClassifier(sentimentModel: SentimentModel = loadSentimentModel()): Classifier {
  // What its classifications are stored under (`versions.classifier`): its code and its sentiment weights.
  const version = `${LOCAL_CLASSIFIER_CODE}+${sentimentModel.version}`
  const intentModels = new Map<string, IntentModel>()
  const correctionVectors = new Map<string, Float32Array>()

  function intentModelFor(labels: WorkspaceLabels, withMoreExamples: boolean): IntentModel {
    const examples = [...taxonomyExamples(labels.taxonomy), ...(withMoreExamples ? MORE_TRAINING_EXAMPLES : []), ...labels.intentCorrections.map(({ text, label }) => ({ text, label }))]
    const key = `${labels.workspaceId}:${createHash('sha1').update(JSON.stringify(examples)).digest('hex')}`
    let model = intentModels.get(key)
    if (!model) {
      // Corrections are training examples at once: a new set of examples is a new model.
      model = trainIntentModel(examples)
      if (intentModels.size >= MAX_CACHED_INTENT_MODELS) intentModels.delete(intentModels.keys().next().value!)
      intentModels.set(key, model)
    }
    return model
  }

  function nearestCorrection(labels: WorkspaceLabels, text: string): { label: SentimentLabel; similarity: number } | undefined {
    if (labels.sentimentCorrections.length === 0) return undefined
    const v = embedOne(text)
    let best: { label: SentimentLabel; similarity: number } | undefined
    for (const c of labels.sentimentCorrections) {
      let cv = correctionVectors.get(c.text)
      if (!cv) correctionVectors.set(c.text, (cv = embedOne(c.text)))
      const sim = cosine(v, cv)
      if (sim >= CORRECTION_MATCH_MIN_COSINE && (!best || sim > best.similarity)) best = { label: c.label, similarity: sim }
    }
    return best
  }

  return {
    mode: 'local',
    version,
    async classify(labels, inputs) {
      const out: Classification[] = []
      const predictions: Array<IntentPrediction | undefined> = []
      // A batch's messages are read by two models at most: one with the examples in more languages, one without.
      const models = new Map<boolean, IntentModel>()
      // A workspace with no taxonomy of its own is given DEFAULT_TAXONOMY itself: no need to compare its JSON.
      const isDefault = labels.taxonomy === DEFAULT_TAXONOMY || JSON.stringify(labels.taxonomy) === DEFAULT_TAXONOMY_KEY
      const modelFor = (language: string): IntentModel => {
        const more = isDefault && LANGUAGES_OF_MORE_EXAMPLES.has(language)
        let model = models.get(more)
        if (!model) models.set(more, (model = intentModelFor(labels, more)))
        return model
      }
      for (let i = 0; i < inputs.length; i += YIELD_EVERY) {
        // The worker shares the API's event loop: hand it back between slices of a big batch.
        if (i > 0) await new Promise((resolve) => setImmediate(resolve))
        for (const input of inputs.slice(i, i + YIELD_EVERY)) {
          const language = languageOf(input)
          const intentModel = input.role === 'customer' ? modelFor(language.code) : undefined
          const said = saidIn(input.text, language.code)
          const read = intentModel ? intentOf(intentModel, said, language.code) : { intent: undefined, feltIn: said }
          const { classification, read: settled } = classifyOne(input, read.feltIn, language, labels, read.intent, intentModel)
          predictions.push(settled)
          out.push(classification)
        }
      }
      return applyConversationTopics(inputs, predictions, out)
    },
  }

  /** The message's labels, and the intent reading they settled on (see withNegativeSentiment, withPositiveSentiment). */
  function classifyOne(
    input: ClassifyInput, feltIn: string, language: { code: string; confidence: number }, labels: WorkspaceLabels, predicted: IntentPrediction | undefined, intentModel?: IntentModel,
  ): { classification: Classification; read: IntentPrediction | undefined } {
    const corrected = nearestCorrection(labels, input.text)
    const decided = corrected ? undefined : decideSentiment(sentimentModel.predict(feltIn, language.code).probs, feltIn, predicted?.label, input.role, predicted?.confidence)
    const sentiment = corrected
      ? correctedSentiment(corrected.label, corrected.similarity)
      : { label: decided!.label, score: decided!.score, confidence: decided!.confidence, probs: decided!.probs }
    const intent = !predicted ? predicted
      : sentiment.label === 'negative' ? withNegativeSentiment(predicted, input.text, labels.taxonomy)
      : sentiment.label === 'positive' ? withPositiveSentiment(predicted, input.text, labels.taxonomy)
      : predicted
    const assessment = assessNeedsReply({
      text: input.text,
      role: input.role,
      channel: input.channel,
      sentiment: { label: sentiment.label, score: sentiment.score },
      intent: intent?.label,
      unansweredCustomerMessages: input.unansweredCustomerMessages,
      afterAgentReply: input.afterAgentReply,
      brandHandles: labels.brandHandles,
    })
    const classification: Classification = {
      messageId: input.messageId,
      sentiment,
      intent: intent ? { label: intent.label || OTHER_INTENT, confidence: intent.confidence, probs: probabilitiesOf(intent) } : null,
      language,
      needsReply: assessment.needsReply,
      urgency: assessment.urgency,
      reasons: assessment.reasons,
      versions: {
        sentiment: corrected ? `corrections+${sentimentModel.version}` : `${sentimentModel.version}+decision-v2`,
        ...(intentModel ? { intent: intentModel.version } : {}),
        language: input.language ? 'given' : LANGUAGE_DETECTOR_VERSION,
        urgency: URGENCY_VERSION,
        classifier: version,
      },
      degraded: false,
    }
    return { classification, read: intent }
  }
}
