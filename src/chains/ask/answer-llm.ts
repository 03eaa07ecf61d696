// The LLM answer: synthesis over the figures (trusted, computed here) and the cited messages
// (redacted, fenced, numbered). The output is checked before anyone sees it: citation markers must
// point at listed messages and every number must be a figure (or a date of the plan); otherwise the
// local answer is returned, marked degraded.
import { z } from 'zod'
import type { LlmContext } from '../../llm/context.ts'
import { LlmBadOutputError } from '../../llm/errors.ts'
import { loadPrompt } from '../../llm/prompts.ts'
import { callStructured, withLocalFallback } from '../../llm/structured.ts'
import { fenceUntrusted, UNTRUSTED_DATA_NOTICE } from '../../safety/fence.ts'
import { looksLikePromptLeak } from '../../safety/guards.ts'
import { RedactionVault } from '../../safety/redact.ts'
import { answerLocally } from './answer-local.ts'
import { isThemeBounds, isWidenedByTheme } from './theme-estimate.ts'
import type { AnswerRequest, AskAnswerer, AskFigure } from './types.ts'

export const MAX_ANSWER_CHARS = 1500
export const llmAnswerSchema = z.object({
  answer: z.string().min(1).max(MAX_ANSWER_CHARS),
  citations_used: z.array(z.number().int()).max(50),
})

const CITATION_MARKER = /\[(\d{1,3})\]/g
const NUMBER = /(?<![\p{L}_])\d[\d,]*(?:\.\d+)?/gu

const numberForms = (value: number) => [String(value), String(Math.abs(value)), String(Math.round(value)), String(Math.round(Math.abs(value))), Math.abs(value).toFixed(1)]

/** Numbers the answer may state: figure values, and the digits of figure labels, dates and the question. */
export function allowedNumbers(figures: AskFigure[], texts: string[]): Set<string> {
  const allowed = new Set<string>()
  for (const f of figures) {
    for (const form of numberForms(f.value)) allowed.add(form)
    if (f.previousValue !== undefined) for (const form of numberForms(f.previousValue)) allowed.add(form)
    if (f.estimate) for (const v of [f.estimate.low, f.estimate.high]) for (const form of numberForms(v)) allowed.add(form)
  }
  for (const t of [...figures.flatMap((f) => [f.label, f.from, f.to]), ...texts]) {
    for (const m of t.matchAll(/\d+(?:\.\d+)?/g)) allowed.add(String(Number(m[0])))
  }
  return allowed
}

/** The answer's numbers (citation markers aside) that no figure supports. */
export function unsupportedNumbers(answer: string, allowed: Set<string>): string[] {
  const withoutMarkers = answer.replace(CITATION_MARKER, ' ')
  return [...withoutMarkers.matchAll(NUMBER)]
    // "1,053" groups thousands; "55,8" is a decimal comma (an answer in French or German).
    .map((m) => m[0].replace(/,(?=\d{3}\b)/g, '').replace(/[.,]$/, '').replace(/,(\d{1,2})$/, '.$1'))
    .filter((n) => !allowed.has(n) && !allowed.has(String(Number(n))))
}

export function badCitations(answer: string, citationCount: number): number[] {
  return [...answer.matchAll(CITATION_MARKER)].map((m) => Number(m[1])).filter((n) => n < 1 || n > citationCount)
}

function figureLines(figures: AskFigure[]): string {
  return figures
    .map((f) => `- ${f.label}: ${f.value}${f.unit === 'percent' ? '%' : ` ${f.unit}`}${f.previousValue !== undefined ? ` (previous period: ${f.previousValue})` : ''}${
      f.estimate
        ? isThemeBounds(f.estimate)
          ? ` (messages the theme clustering put in the theme; bounds on clustering's error ${f.estimate.low}–${f.estimate.high})`
          : isWidenedByTheme(f.estimate)
            ? ` (estimate from classifier labels within the theme; labels' 95% interval widened by clustering's bounds: ${f.estimate.low}–${f.estimate.high})`
            : ` (estimate from classifier labels, 95% interval ${f.estimate.low}–${f.estimate.high})`
        : f.exact ? ' (exact)' : ''}`)
    .join('\n')
}

export function createLlmAnswerer(ctx: LlmContext, opts: { redactHandles?: boolean } = {}): AskAnswerer {
  const prompt = loadPrompt('ask-answer')
  return {
    mode: 'llm',
    async answer(req: AnswerRequest) {
      const total = req.figures.find((f) => f.kind === 'count' && f.unit === 'messages')?.value ?? 0
      // Nothing matched: the honest answer needs no model, and a model could only add invention.
      if (total === 0) return { answer: answerLocally(req), degraded: false }
      const result = await withLocalFallback(
        async () => {
          const vault = new RedactionVault()
          const redactOpts = { handles: opts.redactHandles }
          const citations = req.citations
            .map((c) => fenceUntrusted('customer_message', vault.redact(c.text, redactOpts).text, { id: c.n, channel: c.channel, date: c.sentAt.slice(0, 10) }))
            .join('\n')
          const { plan } = req
          const planText = [
            `kind: ${plan.kind}`,
            `time range: ${plan.timeRange.label} (${plan.timeRange.from} to ${plan.timeRange.to}, end exclusive)`,
            plan.previousRange ? `previous period: ${plan.previousRange.label}` : undefined,
          ].filter(Boolean).join('\n')
          const { value } = await callStructured({
            cfg: ctx.cfg,
            prompt,
            vars: {
              notice: UNTRUSTED_DATA_NOTICE,
              question: fenceUntrusted('question', vault.redact(req.question, redactOpts).text),
              plan: planText,
              figures: figureLines(req.figures),
              citations: citations || '(no messages retrieved)',
            },
            schema: llmAnswerSchema,
            purpose: 'ask_answer',
            workspaceId: req.workspaceId,
            redactions: vault.size,
            signal: req.signal,
            audit: ctx.audit,
            budget: ctx.budget,
            cache: ctx.cache,
          })
          const answer = value.answer.trim()
          const wrongCitations = badCitations(answer, req.citations.length)
          if (wrongCitations.length) throw new LlmBadOutputError(`answer cites messages that were not given: ${wrongCitations.join(', ')}`)
          const unsupported = unsupportedNumbers(answer, allowedNumbers(req.figures, [req.question, plan.timeRange.label, plan.previousRange?.label ?? '']))
          if (unsupported.length) throw new LlmBadOutputError(`answer states numbers that are not figures: ${unsupported.slice(0, 5).join(', ')}`)
          if (looksLikePromptLeak(answer, prompt.system)) throw new LlmBadOutputError('answer repeats the instructions')
          return answer
        },
        () => answerLocally(req),
        ctx.log,
      )
      return { answer: result.value, degraded: result.degraded, ...(result.reason ? { degradedReason: result.reason } : {}) }
    },
  }
}
