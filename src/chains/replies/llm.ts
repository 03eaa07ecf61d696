// LLM reply drafts: the same retrieval as the local path, then one structured call. Customer text is
// redacted (a vault per request) and fenced; passages are fenced; placeholders are restored only in
// the final draft text. Every draft is checked (prompt leak, other people's PII, links and markup,
// channel limit) and dropped if it fails; if none survives, or the call fails, the local path answers.
import { z } from 'zod'
import type { LlmContext } from '../../llm/context.ts'
import { LlmBadOutputError } from '../../llm/errors.ts'
import { loadPrompt } from '../../llm/prompts.ts'
import { callStructured, withLocalFallback } from '../../llm/structured.ts'
import { fenceUntrusted, UNTRUSTED_DATA_NOTICE } from '../../safety/fence.ts'
import { checkDraft, containsForeignPii, looksLikePromptLeak } from '../../safety/guards.ts'
import { RedactionVault } from '../../safety/redact.ts'
import * as linkify from 'linkifyjs'
import type { SuggestionSource } from '../../store/suggestions.ts'
import { ASKS_GIVEN_CONFIDENCE, asksForGiven, givenDetails } from './asks-given.ts'
import { claimsOf, doneInConversation, unbackedClaims } from './claims.ts'
import { REPEATS_STEP_CONFIDENCE, repeatedSteps, stepsTakenIn } from './steps-taken.ts'
import { frameDraft } from './clean.ts'
import { fillSlots, placeholdersIn, slotContextFor } from './template.ts'
import { assessTrigger, candidatesInLanguage, diversify, escalationDraft, noFitNote, OTHER_SUBJECT_CONFIDENCE, rankCandidates, tellsAnotherCase } from './local.ts'
import { triggerTurns } from './retrieve.ts'
import { APPROACHES, type Approach, type Draft, type ReplyRequest, type ReplyResult, type ReplySuggester, type Retrieval } from './types.ts'

export const LLM_PAST_REPLIES = 6
export const LLM_CONVERSATION_TURNS = 8
const PASSAGE_MAX_CHARS = 900
export const REPLY_REASONS = ['needs_reply', 'needs_human', 'thanks_only', 'emoji_only', 'closing', 'no_request', 'other'] as const

export const replyOutputSchema = z.object({
  shouldReply: z.boolean(),
  reason: z.enum(REPLY_REASONS),
  language: z.string().regex(/^[a-z]{2,3}$/),
  suggestions: z.array(z.object({ text: z.string().min(1).max(4_000), approach: z.enum(APPROACHES), sourceIds: z.array(z.string().max(10)) })).max(5),
})

interface Passage {
  promptId: string
  source: SuggestionSource
  text: string
  /** A past reply to a message the classifier read as about another subject: shown to the model as such. */
  offSubject: boolean
  /** A past reply to a message of this very subject (RankedReply.sameSubject). */
  sameSubject: boolean
}

function passagesFor(req: ReplyRequest, retrieval: Retrieval): { passages: Passage[]; toldOtherCases: number } {
  const { pool } = candidatesInLanguage(retrieval)
  // A reply that tells another customer's case is not shown to the model, as on the local path ("I've
  // refunded the duplicate on A77812" to a missing parcel).
  const all = rankCandidates(req, pool)
  const ranked = all.filter((r) => !tellsAnotherCase(r))
  const past = diversify(ranked, LLM_PAST_REPLIES).map((r, i): Passage => {
    const m = r.members[0]
    return {
      promptId: `p${i + 1}`,
      text: r.body,
      offSubject: r.offSubject,
      sameSubject: r.sameSubject,
      source: { type: 'past_reply', id: m.id, conversationId: m.conversationId, messageId: m.customerMessageId, score: Number(m.similarity.toFixed(4)), excerpt: r.body.slice(0, 200) },
    }
  })
  const knowledge = retrieval.knowledge.map((k, i): Passage => ({
    promptId: `k${i + 1}`,
    text: k.text,
    offSubject: false,
    sameSubject: false,
    source: { type: 'knowledge', id: k.chunkId, articleId: k.articleId, title: k.title, score: Number(k.score.toFixed(4)), excerpt: k.text.slice(0, 200) },
  }))
  return { passages: [...past, ...knowledge], toldOtherCases: all.length - ranked.length }
}

function urlsIn(texts: string[]): string[] {
  return texts.flatMap((t) => linkify.find(t).filter((l) => l.type === 'url').map((l) => l.href))
}

export function createLlmReplySuggester(ctx: LlmContext, local: ReplySuggester, opts: { redactHandles?: boolean } = {}): ReplySuggester {
  const prompt = loadPrompt('replies')

  async function suggestWithLlm(req: ReplyRequest, retrieval: Retrieval, signal?: AbortSignal): Promise<ReplyResult> {
    const trigger = assessTrigger(req)
    const vault = new RedactionVault()
    const redactOpts = { handles: opts.redactHandles, keepHandles: req.voice.handles }
    const conversation = req.turns
      .slice(-LLM_CONVERSATION_TURNS)
      .map((t) => fenceUntrusted('conversation_message', vault.redact(t.text, redactOpts).text, { role: t.role }))
      .join('\n')
    const { passages, toldOtherCases } = passagesFor(req, retrieval)
    const byPromptId = new Map(passages.map((p) => [p.promptId, p]))
    const fencedPassages = passages.length
      ? passages.map((p) => fenceUntrusted(p.source.type === 'knowledge' ? 'knowledge_passage' : 'past_reply', p.text.slice(0, PASSAGE_MAX_CHARS), { id: p.promptId, ...(p.source.title ? { title: p.source.title } : {}), ...(p.offSubject ? { answers: 'another problem' } : {}) })).join('\n')
      : '(none: say that you will check and come back)'
    const voice = [
      req.voice.guidelines ? `Guidelines: ${req.voice.guidelines}` : 'Guidelines: friendly, clear, helpful.',
      req.voice.avoidWords.length ? `Words to avoid: ${req.voice.avoidWords.join(', ')}` : '',
    ].filter(Boolean).join('\n')

    const { value } = await callStructured({
      cfg: ctx.cfg,
      prompt,
      vars: {
        notice: UNTRUSTED_DATA_NOTICE,
        voice: fenceUntrusted('brand_voice', voice),
        tone: req.tone,
        channel: `${req.channel} (${req.mode})`,
        max_chars: String(req.maxChars),
        language: retrieval.language === 'und' ? 'unknown: use the language of the last customer message' : retrieval.language,
        n: String(req.n),
        conversation,
        passages: fencedPassages,
      },
      schema: replyOutputSchema,
      purpose: 'replies',
      workspaceId: req.workspaceId,
      redactions: vault.size,
      signal,
      audit: ctx.audit,
      budget: ctx.budget,
      cache: ctx.cache,
    })

    // A value the model copied from a past reply and this case cannot back becomes a placeholder, as on the local path.
    const slots = slotContextFor(req, retrieval.knowledge.map((k) => k.text), retrieval.candidates)
    // What the customer gave (their order number…): a draft that asks for it is trusted less, as on the local path.
    const given = givenDetails(req.turns, slots.identifierKind === '[order number]' ? slots.fillers.get('identifier') : undefined, req.voice.handles)
    const done = doneInConversation(req.turns)
    const taken = stepsTakenIn(req.turns)
    const allowedValues = [...vault.values(), ...(req.customer.handle ? [req.customer.handle] : []), ...req.voice.handles]
    // Framed for this customer and channel as the local path frames its drafts.
    const frame = (body: string, approach: Approach) => frameDraft(body, {
      channel: req.channel, mode: req.mode, tone: req.tone, language: value.language, maxChars: req.maxChars, customer: req.customer, voice: req.voice, approach,
    })
    const drafts: Draft[] = []
    let toThisSubject = 0
    for (const s of value.suggestions.slice(0, req.n)) {
      if (looksLikePromptLeak(s.text, prompt.system) || looksLikePromptLeak(s.text, UNTRUSTED_DATA_NOTICE)) continue
      const used = s.sourceIds.map((id) => byPromptId.get(id)).filter((p): p is Passage => p !== undefined)
      const restored = vault.restore(s.text)
      if (containsForeignPii(restored, allowedValues)) continue
      const checked = checkDraft(restored, { allowedUrls: urlsIn(used.map((p) => p.text)) })
      const text = frame(fillSlots(checked.cleaned, slots).text, s.approach)
      if (!text || drafts.some((d) => d.text === text)) continue
      const best = Math.max(0, ...used.map((p) => p.source.score))
      const claims = unbackedClaims(claimsOf(text), done)
      const repeats = repeatedSteps(text, taken)
      const asksGiven = asksForGiven(text, given)
      // Grounded only in replies to other problems: the words matched, the subject did not.
      const offSubjectOnly = used.length > 0 && used.every((p) => p.offSubject)
      if (used.some((p) => p.sameSubject)) toThisSubject++
      const confidence = (used.length ? Math.min(0.95, 0.6 + 0.35 * best) : 0.4) * (claims.length ? 0.6 : 1) * (repeats.length ? REPEATS_STEP_CONFIDENCE : 1) *
        (asksGiven ? ASKS_GIVEN_CONFIDENCE : 1) * (offSubjectOnly ? OTHER_SUBJECT_CONFIDENCE : 1)
      drafts.push({ text, approach: s.approach, confidence: Number(confidence.toFixed(3)), sources: used.map((p) => p.source), claims, repeats, placeholders: placeholdersIn(text) })
    }
    if (drafts.length === 0 && value.shouldReply) throw new LlmBadOutputError('every draft failed the output checks')
    // The rules' escalation draft when the model wrote none for a customer asking for a manager.
    const escalation = escalationDraft(req, trigger, value.language, drafts, (body) => frame(body, 'apologise_escalate'))
    if (escalation) drafts.splice(0, drafts.length, escalation, ...drafts.slice(0, req.n - 1))
    const fromKnowledge = drafts.some((d) => d.sources.some((source) => source.type === 'knowledge'))
    const note = trigger.shouldReply ? noFitNote(triggerTurns(req.turns).at(-1)?.intent, drafts, toThisSubject, fromKnowledge, toldOtherCases) : undefined
    // The rules' safety flag is kept even when the model did not raise it: a person must look.
    const reason = trigger.reason === 'needs_human' ? 'needs_human' : value.reason
    return { suggestions: drafts, shouldReply: value.shouldReply, reason, language: value.language, degraded: false, ...(note ? { note } : {}), messageId: trigger.messageId }
  }

  return {
    mode: 'llm',
    async suggest(req, retrieval, o = {}) {
      const res = await withLocalFallback(() => suggestWithLlm(req, retrieval, o.signal), () => local.suggest(req, retrieval), ctx.log)
      return res.degraded ? { ...res.value, degraded: true, degradedReason: res.reason } : res.value
    },
  }
}
