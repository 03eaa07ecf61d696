// Reply drafts for a conversation, what agents did with them, and how often drafts were used.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ACTION_CLAIMS } from '../chains/replies/claims.ts'
import { REPEATABLE_STEPS } from '../chains/replies/steps-taken.ts'
import { normalisedEditDistance } from '../chains/replies/clean.ts'
import { suggestOptionsSchema, suggestReplies, type ReplyDeps } from '../chains/replies/service.ts'
import { AppError, notFound } from '../errors.ts'
import { suggestionsRepo } from '../store/suggestions.ts'
import { AGENT_ROLES, principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './params.ts'

const source = z.object({
  type: z.enum(['past_reply', 'knowledge']),
  id: z.string().describe('the past agent message or accepted suggestion; or the knowledge chunk'),
  articleId: z.string().optional().describe('knowledge sources: the article the passage comes from (GET /v1/knowledge/{id})'),
  conversationId: z.string().optional(),
  messageId: z.string().optional().describe('past replies: the customer message that reply answered'),
  title: z.string().optional(),
  score: z.number(),
  excerpt: z.string(),
})

const suggestionsResponse = z.object({
  suggestions: z.array(z.object({
    id: z.string(),
    text: z.string(),
    confidence: z.number(),
    approach: z.string(),
    sources: z.array(source),
    claims: z.array(z.enum(ACTION_CLAIMS)).describe(
      'actions the draft states as done (refund, sent, cancelled, credited, fixed, escalated, booked, checked: a finding on the customer\'s account, line or order; outage: an outage stated as going on) that this conversation does not show: the agent must confirm each one was really done, or reword, before sending',
    ),
    repeats: z.array(z.enum(REPEATABLE_STEPS)).describe(
      'troubleshooting steps the draft tells the customer to take that the customer says they already took (restart, reinstall, clear cache, reset password, sign out and in; read in English, the first three also in es, fr, de, pt, it): reword or pick another draft',
    ),
    placeholders: z.array(z.string()).describe('placeholders like "[order number]" or "[amount]" left where a fact of the past case could not be filled from this conversation or the workspace knowledge: the agent fills them in'),
  })),
  shouldReply: z.boolean(),
  reason: z.string(),
  language: z.string(),
  degraded: z.boolean(),
  degradedReason: z.string().optional(),
  note: z.string().optional(),
  messageId: z.string().nullable(),
  channel: z.string(),
  mode: z.enum(['public', 'private']),
  maxChars: z.number(),
})

export interface SuggestionRoutesOptions extends ReplyDeps {
  /** Stricter per-key rate limit when drafts come from an LLM. */
  llmRateLimitPerMinute?: number
}

export async function suggestionRoutes(app: FastifyInstance, deps: SuggestionRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const suggestions = suggestionsRepo(deps.db)

  r.post(
    '/v1/conversations/:id/suggestions',
    {
      config: {
        roles: AGENT_ROLES,
        ...(deps.llmRateLimitPerMinute ? { rateLimit: { max: deps.llmRateLimitPerMinute, timeWindow: '1 minute' } } : {}),
      },
      schema: {
        tags: ['replies'],
        summary: 'Reply drafts for the conversation, grounded in past replies and knowledge; never sent. Facts of past cases become placeholders; claimed actions are listed in `claims` and must be confirmed by the agent',
        params: uuidParam,
        body: suggestOptionsSchema.default({ n: 3, tone: 'friendly' }),
        response: { 200: suggestionsResponse },
      },
    },
    async (request, reply) => {
      const controller = new AbortController()
      // A client that hangs up before the answer should not keep an LLM call running.
      reply.raw.once('close', () => { if (!reply.raw.writableFinished) controller.abort() })
      const res = await suggestReplies(deps, principalOf(request).workspaceId, request.params.id, request.body, controller.signal)
      if (!res) throw notFound('conversation')
      return res
    },
  )

  r.post(
    '/v1/suggestions/:id/feedback',
    {
      config: { roles: AGENT_ROLES },
      schema: {
        tags: ['replies'],
        summary: 'What the agent did with a draft; accepted and edited finals become candidates for later drafts. The first feedback counts: sending the same again is a no-op, a different one is refused with 409 CONFLICT',
        params: uuidParam,
        body: z.object({
          action: z.enum(['accepted', 'edited', 'rejected']),
          finalText: z.string().trim().min(1).max(10_000).optional().describe('the text sent: required when edited, optional when accepted'),
          reason: z.string().trim().min(1).max(500).optional().describe('rejected only: why the draft was not used, e.g. "wrong order number" or "off topic"'),
        }),
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const { action, finalText, reason } = request.body
      if (action === 'edited' && !finalText) {
        throw new AppError('VALIDATION_FAILED', 'an edited draft needs its final text', { issues: [{ path: 'body.finalText', message: 'required when action is edited' }] })
      }
      if (reason && action !== 'rejected') {
        throw new AppError('VALIDATION_FAILED', 'a reason goes with a rejection only', { issues: [{ path: 'body.reason', message: 'only when action is rejected' }] })
      }
      const existing = await suggestions.get(workspaceId, request.params.id)
      if (!existing) throw notFound('suggestion')
      const final = action === 'edited' ? finalText! : action === 'accepted' ? (finalText ?? existing.text) : null
      const distance = final === null ? null : normalisedEditDistance(existing.text, final)
      const saved = await suggestions.recordFeedback(workspaceId, request.params.id, action, final, distance, reason ?? null)
      if (saved) return saved
      // Already answered: the same feedback again is a retry; a different one would rewrite history.
      const recorded = await suggestions.feedbackOf(workspaceId, request.params.id)
      if (!recorded) throw notFound('suggestion')
      if (recorded.feedback === action && recorded.finalText === final && (recorded.reason ?? null) === (reason ?? null)) return recorded
      throw new AppError('CONFLICT', `feedback on this suggestion was already recorded as ${recorded.feedback}; the first feedback counts and is kept`)
    },
  )

  r.get(
    '/v1/suggestions/stats',
    {
      config: { roles: READ_ROLES },
      schema: {
        tags: ['replies'],
        summary: 'Acceptance rate and mean normalised edit distance of drafts, per ISO week; each suggestion counts once, with its first feedback',
        querystring: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
      },
    },
    async (request) => {
      const weeks = await suggestions.weeklyStats(principalOf(request).workspaceId, request.query.from, request.query.to)
      return { weeks }
    },
  )
}
