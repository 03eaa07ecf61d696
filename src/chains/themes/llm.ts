// LLM theme describer: a label and a paragraph from the key phrases and a few representative messages
// (redacted, fenced). Any failure keeps the local label and description and marks the theme degraded.
import { z } from 'zod'
import type { LlmContext } from '../../llm/context.ts'
import { loadPrompt } from '../../llm/prompts.ts'
import { callStructured, withLocalFallback } from '../../llm/structured.ts'
import { fenceUntrusted, UNTRUSTED_DATA_NOTICE } from '../../safety/fence.ts'
import { RedactionVault } from '../../safety/redact.ts'
import type { ThemeDescriber, ThemeDescription } from './types.ts'
import { localThemeDescriber } from './types.ts'

export const MAX_LLM_QUOTES = 8
const MAX_QUOTE_CHARS = 600

export const themeDescriptionSchema = z.object({
  label: z.string().trim().min(2).max(80),
  description: z.string().trim().min(10).max(1200),
})

export function createLlmThemeDescriber(ctx: LlmContext, opts: { redactHandles?: boolean } = {}): ThemeDescriber {
  const prompt = loadPrompt('themes')
  return {
    mode: 'llm',
    async describe(input, o = {}) {
      const res = await withLocalFallback<ThemeDescription>(
        async () => {
          const vault = new RedactionVault()
          const quotes = input.quotes
            .slice(0, MAX_LLM_QUOTES)
            .map((q, i) => fenceUntrusted('customer_message', vault.redact(q.slice(0, MAX_QUOTE_CHARS), { handles: opts.redactHandles }).text, { id: `q${i + 1}` }))
            .join('\n')
          // Key phrases are words of customer messages too: fenced like them.
          const keyphrases = fenceUntrusted('key_phrases', vault.redact(input.keyphrases.join(', '), { handles: opts.redactHandles }).text)
          const { value } = await callStructured({
            cfg: ctx.cfg,
            prompt,
            vars: { notice: UNTRUSTED_DATA_NOTICE, volume: String(input.volume), keyphrases, quotes },
            schema: themeDescriptionSchema,
            purpose: 'themes',
            workspaceId: input.workspaceId,
            redactions: vault.size,
            signal: o.signal,
            audit: ctx.audit,
            budget: ctx.budget,
            cache: ctx.cache,
          })
          return { label: value.label.replace(/[.!]+$/, ''), description: value.description, version: `${prompt.version}/${ctx.cfg.model}`, degraded: false }
        },
        () => localThemeDescriber.describe(input),
        ctx.log,
      )
      return res.degraded ? { ...res.value, degraded: true, degradedReason: res.reason } : res.value
    },
  }
}
