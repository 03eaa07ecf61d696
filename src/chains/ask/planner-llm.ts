// The LLM planner: the model reads the question (redacted, fenced) and names the kind, the filters and
// the words that say when; the dates themselves are resolved by the same calendar code as the local
// planner, so the model never does date arithmetic. Every value outside the workspace's vocabulary is
// dropped; any failure falls back to the local plan and marks the answer degraded.
import { z } from 'zod'
import type { LlmContext } from '../../llm/context.ts'
import { loadPrompt } from '../../llm/prompts.ts'
import { callStructured, withLocalFallback } from '../../llm/structured.ts'
import { fenceUntrusted, UNTRUSTED_DATA_NOTICE } from '../../safety/fence.ts'
import { RedactionVault } from '../../safety/redact.ts'
import { buildPlan, planLocally } from './planner-local.ts'
import { resolveTimeExpressions } from './time.ts'
import { ASK_KINDS, SENTIMENTS, type AskFilters, type AskPlan, type AskPlanner, type AskVocabulary, type PlanRequest } from './types.ts'

export const KNOWN_CHANNELS = ['x', 'instagram', 'facebook', 'whatsapp', 'email', 'chat']
const MAX_FIELD_CHARS = 200

const text = z.string().max(MAX_FIELD_CHARS).nullable()
export const llmPlanSchema = z.object({
  kind: z.enum(ASK_KINDS),
  time_expression: text,
  previous_time_expression: text,
  channel: text,
  language: text,
  sentiment: z.enum(SENTIMENTS).nullable(),
  intent: text,
  theme: text,
  segment_values: z.array(z.string().max(MAX_FIELD_CHARS)).max(10),
  topic: text,
  wants_share: z.boolean(),
})
export type LlmPlan = z.infer<typeof llmPlanSchema>

/** Keeps only what the workspace knows: unknown intents, channels, themes and segment values are dropped. */
export function validatedFilters(raw: LlmPlan, vocabulary: AskVocabulary): AskFilters {
  const filters: AskFilters = { customerRole: 'customer' }
  const channels = new Set([...KNOWN_CHANNELS, ...vocabulary.channels])
  if (raw.channel && channels.has(raw.channel.toLowerCase())) filters.channel = raw.channel.toLowerCase()
  if (raw.language && /^[a-z]{2}$/.test(raw.language)) filters.language = raw.language
  if (raw.sentiment) filters.sentiment = raw.sentiment
  if (raw.intent && vocabulary.intents.some((i) => i.name === raw.intent)) filters.intent = raw.intent
  if (raw.theme && vocabulary.themes.includes(raw.theme)) filters.theme = raw.theme
  const segment: Record<string, string> = {}
  for (const value of raw.segment_values) {
    for (const [key, values] of Object.entries(vocabulary.segments)) {
      const known = values.find((v) => v.toLowerCase() === value.toLowerCase())
      if (known && !segment[key]) segment[key] = known
    }
  }
  if (Object.keys(segment).length) filters.segment = segment
  return filters
}

/** The model's reading of the question → a plan, with dates resolved by our calendar code. */
export function planFromLlm(raw: LlmPlan, req: PlanRequest): AskPlan {
  const fallback = planLocally(req.question, req.now, req.vocabulary)
  // Rankings, care-team questions and measures of conversations are read by cue words the model's plan has
  // no fields for; so is a measure no figure computes, which the model's plan read as a plain count of
  // messages ("average messages per customer" was answered with the period's message count).
  if (fallback.kind === 'rank' || fallback.kind === 'awaiting' || fallback.kind === 'response_time' || fallback.measure || fallback.notComputed) return { ...fallback, planner: 'llm' }
  const resolve = (expression: string | null) => (expression ? resolveTimeExpressions(expression, req.now).ranges : [])
  let ranges = [...resolve(raw.previous_time_expression).slice(0, 1), ...resolve(raw.time_expression)]
  // The model named a time we cannot read (or invented one): the local reading of the question decides.
  const unreadable = (raw.time_expression && resolve(raw.time_expression).length === 0) || (raw.time_expression && !req.question.toLowerCase().includes(raw.time_expression.toLowerCase()))
  if (unreadable) ranges = fallback.previousRange && fallback.kind === 'compare' ? [fallback.previousRange, fallback.timeRange] : fallback.timeRange.label === 'all time' ? [] : [fallback.timeRange]
  // "lately", "still": the model named no dates (or named the word itself), so the recent weeks are read as locally.
  const recent = fallback.recent && (ranges.length === 0 || unreadable) ? fallback.recent : undefined
  if (recent) ranges = [fallback.timeRange]
  const topic = raw.topic?.replace(/[^\p{L}\p{N}\s'-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || undefined
  const filters = validatedFilters(raw, req.vocabulary)
  const plan = buildPlan({ kind: raw.kind, ranges, filters, topic, wantsShare: raw.wants_share, now: req.now, planner: 'llm' })
  // Which filter a share is of is read from the question's word order, whether it asks for the words
  // themselves ("mentioned Face ID") and a time named by an event ("after the fix") from its cues, as the
  // local planner reads them.
  const read = {
    ...(fallback.literal && plan.filters.mentions ? { literal: true } : {}),
    ...(fallback.unplacedTime && ranges.length === 0 ? { unplacedTime: fallback.unplacedTime } : {}),
    ...(recent ? { recent } : {}),
  }
  return fallback.sharePart && raw.wants_share && filters.intent && filters.sentiment ? { ...plan, ...read, sharePart: fallback.sharePart } : { ...plan, ...read }
}

function vocabularyBlock(vocabulary: AskVocabulary, vault: RedactionVault): string {
  const lines = [
    `themes: ${vocabulary.themes.length ? vocabulary.themes.join(' | ') : '(none)'}`,
    ...Object.entries(vocabulary.segments).map(([key, values]) => `segment ${key}: ${values.join(' | ')}`),
  ]
  // Theme labels and metadata come from customer text and ingest clients: data, not instructions.
  return fenceUntrusted('vocabulary', vault.redact(lines.join('\n')).text)
}

export function createLlmPlanner(ctx: LlmContext, opts: { redactHandles?: boolean } = {}): AskPlanner {
  const prompt = loadPrompt('ask-plan')
  return {
    mode: 'llm',
    async plan(req) {
      const result = await withLocalFallback(
        async () => {
          const vault = new RedactionVault()
          const question = fenceUntrusted('question', vault.redact(req.question, { handles: opts.redactHandles }).text)
          const { value } = await callStructured({
            cfg: ctx.cfg,
            prompt,
            vars: {
              notice: UNTRUSTED_DATA_NOTICE,
              now: req.now.toISOString(),
              question,
              intents: req.vocabulary.intents.map((i) => `- ${i.name}: ${i.description}`).join('\n'),
              channels: [...new Set([...KNOWN_CHANNELS, ...req.vocabulary.channels])].join(', '),
              vocabulary: vocabularyBlock(req.vocabulary, vault),
            },
            schema: llmPlanSchema,
            purpose: 'ask_plan',
            workspaceId: req.workspaceId,
            redactions: vault.size,
            signal: req.signal,
            audit: ctx.audit,
            budget: ctx.budget,
            cache: ctx.cache,
          })
          return planFromLlm(value, req)
        },
        () => planLocally(req.question, req.now, req.vocabulary),
        ctx.log,
      )
      return { plan: result.value, degraded: result.degraded, ...(result.reason ? { degradedReason: result.reason } : {}) }
    },
  }
}
