// LLM conversation summarizer: the whole conversation, redacted with one vault and fenced per turn.
// Any failure answers with the local extractive summary, marked degraded.
import { z } from 'zod'
import type { LlmContext } from '../../llm/context.ts'
import { loadPrompt } from '../../llm/prompts.ts'
import { callStructured, withLocalFallback } from '../../llm/structured.ts'
import { fenceUntrusted, UNTRUSTED_DATA_NOTICE } from '../../safety/fence.ts'
import { RedactionVault } from '../../safety/redact.ts'
import type { ConversationSummarizer, SummaryResult } from './service.ts'

/** Long threads keep their start (the problem) and their end (where it stands). */
export const MAX_LLM_TURNS = 30
const MAX_TURN_CHARS = 1_500

export const summarySchema = z.object({
  summary: z.string().trim().min(5).max(1200),
  wanted: z.string().trim().max(600),
  done: z.string().trim().max(600),
  open: z.string().trim().max(600).nullable(),
})

export function createLlmSummarizer(ctx: LlmContext, local: ConversationSummarizer, opts: { redactHandles?: boolean } = {}): ConversationSummarizer {
  const prompt = loadPrompt('summarize')
  const version = `${prompt.version}/${ctx.cfg.model}`
  return {
    mode: 'llm',
    version,
    async summarize(workspaceId, dialog, o = {}) {
      const res = await withLocalFallback<SummaryResult>(
        async () => {
          const vault = new RedactionVault()
          const turns = dialog.length > MAX_LLM_TURNS ? [...dialog.slice(0, MAX_LLM_TURNS / 2), ...dialog.slice(-MAX_LLM_TURNS / 2)] : dialog
          const fenced = turns
            .map((t, i) => fenceUntrusted('conversation_turn', vault.redact(t.text.slice(0, MAX_TURN_CHARS), { handles: opts.redactHandles }).text, { n: i + 1, speaker: t.speaker }))
            .join('\n')
          const { value } = await callStructured({
            cfg: ctx.cfg,
            prompt,
            vars: { notice: UNTRUSTED_DATA_NOTICE, dialog: fenced },
            schema: summarySchema,
            purpose: 'summarize',
            workspaceId,
            redactions: vault.size,
            signal: o.signal,
            audit: ctx.audit,
            budget: ctx.budget,
            cache: ctx.cache,
          })
          return { summary: value.summary, wanted: value.wanted || null, done: value.done || null, open: value.open || null, version, degraded: false }
        },
        () => local.summarize(workspaceId, dialog),
        ctx.log,
      )
      return res.degraded ? { ...res.value, degraded: true, degradedReason: res.reason } : res.value
    },
  }
}
