// LLM classifier: one structured call per batch of messages, redacted and fenced; any failure, a
// missing id or a label outside the enums falls back to the local classifier for those messages.
import { z } from 'zod'
import type { LlmContext } from '../../llm/context.ts'
import { loadPrompt } from '../../llm/prompts.ts'
import { callStructured, withLocalFallback } from '../../llm/structured.ts'
import { fenceUntrusted, UNTRUSTED_DATA_NOTICE } from '../../safety/fence.ts'
import { RedactionVault } from '../../safety/redact.ts'
import type { SentimentProbs } from './sentiment-decision.ts'
import type { SentimentLabel } from './sentiment-local.ts'
import { OTHER_INTENT } from './taxonomy.ts'
import type { Classification, Classifier, ClassifyInput, WorkspaceLabels } from './types.ts'

export const LLM_CLASSIFY_BATCH = 20

/**
 * The model gives a label and a score, not probabilities: the label gets the confidence its score
 * implies and the other two classes share the rest, so counts can sum probabilities for every mode.
 */
function llmSentiment(label: SentimentLabel, score: number): Classification['sentiment'] {
  const confidence = Math.min(1, 0.5 + Math.abs(score) / 2)
  const rest = (1 - confidence) / 2
  const probs = { negative: rest, neutral: rest, positive: rest, [label]: confidence } as SentimentProbs
  return { label, score, confidence, probs }
}

export function classificationSchema(intents: string[]) {
  const names = [...new Set([...intents, OTHER_INTENT])] as [string, ...string[]]
  return z.object({
    results: z.array(
      z.object({
        id: z.string(),
        sentiment: z.enum(['negative', 'neutral', 'positive']),
        sentiment_score: z.number().min(-1).max(1),
        intent: z.enum(names),
        language: z.string().regex(/^[a-z]{2,3}$/),
        needs_reply: z.boolean(),
        urgency: z.enum(['none', 'low', 'normal', 'high', 'critical']),
      }),
    ),
  })
}

export function createLlmClassifier(ctx: LlmContext, local: Classifier, opts: { redactHandles?: boolean } = {}): Classifier {
  const prompt = loadPrompt('classify')

  async function classifyBatch(labels: WorkspaceLabels, batch: ClassifyInput[], signal?: AbortSignal): Promise<Classification[]> {
    const vault = new RedactionVault()
    // Short positional ids: the model never sees our message ids, and cannot confuse them.
    const fenced = batch
      .map((m, i) => fenceUntrusted('customer_message', vault.redact(m.text, { handles: opts.redactHandles }).text, { id: `m${i + 1}`, role: m.role }))
      .join('\n')
    const intents = labels.taxonomy.map((t) => `- ${t.name}: ${t.description}`).join('\n')
    const schema = classificationSchema(labels.taxonomy.map((t) => t.name))
    const { value } = await callStructured({
      cfg: ctx.cfg,
      prompt,
      vars: { notice: UNTRUSTED_DATA_NOTICE, intents, messages: fenced },
      schema,
      purpose: 'classify',
      workspaceId: labels.workspaceId,
      redactions: vault.size,
      signal,
      audit: ctx.audit,
      budget: ctx.budget,
      cache: ctx.cache,
    })
    const byId = new Map(value.results.map((r) => [r.id, r]))
    const missing = batch.filter((_, i) => !byId.has(`m${i + 1}`))
    const fallback = new Map((await local.classify(labels, missing)).map((c) => [c.messageId, c]))
    return batch.map((m, i) => {
      const r = byId.get(`m${i + 1}`)
      if (!r) return { ...fallback.get(m.messageId)!, degraded: true, degradedReason: 'llm_missing_item' }
      return {
        messageId: m.messageId,
        sentiment: llmSentiment(r.sentiment, r.sentiment_score),
        intent: m.role === 'customer' ? { label: r.intent, confidence: 1 } : null,
        language: m.language ? { code: m.language, confidence: 1 } : { code: r.language, confidence: 1 },
        needsReply: m.role === 'customer' && r.needs_reply,
        urgency: m.role === 'customer' ? r.urgency : 'none',
        reasons: [],
        versions: { classify: `${prompt.version}/${ctx.cfg.model}` },
        degraded: false,
      }
    })
  }

  return {
    mode: 'llm',
    async classify(labels, inputs, o = {}) {
      const out: Classification[] = []
      for (let i = 0; i < inputs.length; i += LLM_CLASSIFY_BATCH) {
        const batch = inputs.slice(i, i + LLM_CLASSIFY_BATCH)
        const res = await withLocalFallback(
          () => classifyBatch(labels, batch, o.signal),
          () => local.classify(labels, batch),
          ctx.log,
        )
        out.push(...(res.degraded ? res.value.map((c) => ({ ...c, degraded: true, degradedReason: res.reason })) : res.value))
      }
      return out
    },
  }
}
