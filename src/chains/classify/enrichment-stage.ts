// Enrichment stage 2 (see pipeline/enrichment.ts): sentiment, intent, language, needs-reply and urgency
// for changed messages.
import type { Logger } from 'pino'
import { enqueueEnrichment, groupByWorkspace, stepwise, type EnrichmentStage } from '../../pipeline/enrichment.ts'
import type { Db } from '../../store/db.ts'
import { markEnrichmentsStale, outdatedLocalClassifications, upsertEnrichments, type EnrichmentRow } from '../../store/enrichments.ts'
import { conversationTurns, type StageMessage } from '../../store/messages.ts'
import { correctedSentiment } from './sentiment-decision.ts'
import type { Classification, Classifier, ClassifyInput, WorkspaceLabels } from './types.ts'
import { loadWorkspaceLabels } from './workspace-labels.ts'

/**
 * Per message: consecutive customer messages since the last agent reply (this one included), and whether an agent wrote before it;
 * and the conversations' other customer messages (not in this batch), which tell the local classifier what a new chaser is about.
 */
async function conversationContext(db: Db, workspaceId: string, messages: StageMessage[]) {
  const rows = await conversationTurns(db, workspaceId, [...new Set(messages.map((m) => m.conversationId))])
  const inBatch = new Set(messages.map((m) => m.id))
  const otherCustomerTurns = rows.filter((r) => r.role === 'customer' && !inBatch.has(r.id))
  const ctx = new Map<string, { unanswered: number; channel: string; afterAgentReply: boolean }>()
  let run = 0
  let answered = false
  let conversation: string | undefined
  for (const r of rows) {
    if (r.conversationId !== conversation) {
      run = 0
      answered = false
    }
    conversation = r.conversationId
    run = r.role === 'agent' ? 0 : run + 1
    answered ||= r.role === 'agent'
    ctx.set(r.id, { unanswered: run, channel: r.channel, afterAgentReply: answered })
  }
  return { ctx, otherCustomerTurns }
}

export function toEnrichmentRow(workspaceId: string, contentHash: string, c: Classification): EnrichmentRow {
  return {
    messageId: c.messageId,
    workspaceId,
    sentiment: c.sentiment.label,
    sentimentScore: c.sentiment.score,
    sentimentConfidence: c.sentiment.confidence,
    sentimentProbs: c.sentiment.probs,
    intent: c.intent?.label ?? null,
    intentConfidence: c.intent?.confidence ?? null,
    intentProbs: c.intent?.probs ?? null,
    language: c.language.code,
    languageConfidence: c.language.confidence,
    needsReply: c.needsReply,
    urgency: c.urgency,
    reasons: c.reasons,
    versions: c.versions,
    degraded: c.degraded,
    degradedReason: c.degradedReason ?? null,
    contentHash,
  }
}

/** One workspace's part of a chunk, as it goes through the stage's steps. */
interface WorkspaceBatch {
  workspaceId: string
  messages: StageMessage[]
  context: Awaited<ReturnType<typeof conversationContext>>
  labels: WorkspaceLabels
  results?: Classification[]
}

/**
 * Three steps (see stepwise): read each message's conversation context and the workspace's labels,
 * classify, write the labels. The pipeline runs them as stages of their own, so the store reads the next
 * chunk's context and writes the last chunk's labels while the main thread classifies this one: in a
 * burst the classifier is the slowest stage, and it no longer waits on the store (bench/backlog-http.ts).
 */
export function classificationStage(db: Db, classifier: Classifier, local: Classifier): EnrichmentStage {
  return stepwise<WorkspaceBatch[]>('classify', [
    {
      name: 'classify-read',
      async run(messages, batches) {
        for (const [workspaceId, group] of groupByWorkspace(messages)) {
          const context = await conversationContext(db, workspaceId, group)
          batches.push({ workspaceId, messages: group, context, labels: await loadWorkspaceLabels(db, workspaceId) })
        }
      },
    },
    {
      name: 'classify',
      async run(_messages, batches) {
        for (const batch of batches) batch.results = withHumanLabels(await classifyBatch(classifier, local, batch), batch.labels)
      },
    },
    {
      name: 'classify-write',
      async run(_messages, batches) {
        for (const { workspaceId, messages, results } of batches) {
          const hash = new Map(messages.map((m) => [m.id, m.contentHash]))
          await upsertEnrichments(db, (results ?? []).map((c) => toEnrichmentRow(workspaceId, hash.get(c.messageId)!, c)))
        }
      },
    },
  ], () => [])
}

async function classifyBatch(classifier: Classifier, local: Classifier, { workspaceId, messages, context, labels }: WorkspaceBatch): Promise<Classification[]> {
  const { ctx: turns, otherCustomerTurns } = context
  const toInput = (m: StageMessage): ClassifyInput => ({
    messageId: m.id,
    text: m.text,
    role: m.role,
    language: m.language,
    channel: turns.get(m.id)?.channel,
    unansweredCustomerMessages: m.role === 'customer' ? turns.get(m.id)?.unanswered : 0,
    afterAgentReply: m.role === 'customer' ? turns.get(m.id)?.afterAgentReply : false,
    conversationId: m.conversationId,
  })
  // Agent messages only need language and sentiment: the local model is enough and costs no tokens.
  const customers = messages.filter((m) => m.role === 'customer').map(toInput)
  const agents = messages.filter((m) => m.role === 'agent').map(toInput)
  // The local classifier reads a message in its conversation: the conversation's other customer messages
  // go along as context (classified, not stored). An LLM classifier is not sent more text than the batch.
  const asked = new Set(customers.map((c) => c.conversationId))
  const companions = classifier.mode === 'local'
    ? otherCustomerTurns.filter((r) => asked.has(r.conversationId)).map((r) => toInput({ ...r, role: 'customer', workspaceId, sentAt: '', contentHash: '' }))
    : []
  const batchIds = new Set(messages.map((m) => m.id))
  const classified = (await classifier.classify(labels, [...customers, ...companions])).filter((c) => batchIds.has(c.messageId))
  return [...classified, ...(await local.classify(labels, agents))]
}

/**
 * A person's correction stays the message's label when it is classified again (a taxonomy change, an
 * upgrade): the model has learnt from it but need not give it back, and the console and Ask count a
 * human label as certain. (An intent the taxonomy has since dropped is not among the corrections.)
 */
export function withHumanLabels(results: Classification[], labels: WorkspaceLabels): Classification[] {
  const intentOf = new Map(labels.intentCorrections.filter((c) => c.messageId).map((c) => [c.messageId, c.label]))
  const sentimentOf = new Map(labels.sentimentCorrections.filter((c) => c.messageId).map((c) => [c.messageId, c.label]))
  return results.map((c) => {
    const intent = c.intent ? intentOf.get(c.messageId) : undefined
    const sentiment = sentimentOf.get(c.messageId)
    if (!intent && !sentiment) return c
    return {
      ...c,
      ...(intent ? { intent: { label: intent, confidence: 1, probs: { [intent]: 1 } } } : {}),
      ...(sentiment ? { sentiment: correctedSentiment(sentiment, 1) } : {}),
      versions: { ...c.versions, ...(intent ? { intent: 'human' } : {}), ...(sentiment ? { sentiment: 'human' } : {}) },
    }
  })
}

/**
 * Queues for relabelling every message an earlier version of the local classifier labelled (see
 * LOCAL_CLASSIFIER_CODE): an upgraded store otherwise keeps the old labels for its old messages, and Ask
 * counts the two readings together. Marked stale, they show in `/ready`'s backlog until done; their
 * labels stay readable meanwhile. Returns how many jobs were queued.
 */
export async function enqueueOutdatedClassifications(db: Db, version: string, log: Logger): Promise<number> {
  let jobs = 0
  let messages = 0
  for (const [workspaceId, ids] of await outdatedLocalClassifications(db, version)) {
    jobs += await db.transaction(async (tx) => {
      const queued = await enqueueEnrichment(tx, workspaceId, ids)
      await markEnrichmentsStale(tx, workspaceId, ids)
      return queued
    })
    messages += ids.length
  }
  if (jobs > 0) log.info({ messages, jobs, version }, 'labels of an earlier classifier version queued for relabelling')
  return jobs
}
