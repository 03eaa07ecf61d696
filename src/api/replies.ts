// Reply assist: knowledge articles, brand voice, suggested replies and the feedback on them.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { normalisedEditDistance } from '../chains/replies/clean.ts'
import { suggestOptionsSchema, suggestReplies, VOICE_SETTING, voiceOf, voiceSchema, type ReplyDeps } from '../chains/replies/index.ts'
import { AppError, notFound } from '../errors.ts'
import type { Db } from '../store/db.ts'
import { jobsRepo } from '../store/jobs.ts'
import { KNOWLEDGE_EMBED_JOB, knowledgeRepo } from '../store/knowledge.ts'
import { suggestionsRepo } from '../store/suggestions.ts'
import { workspacesRepo } from '../store/workspaces.ts'
import { ADMIN_ROLES, AGENT_ROLES, principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './conversations.ts'

export const MAX_ARTICLE_CHARS = 100_000

const articleInput = z.object({
  externalId: z.string().trim().min(1).max(200).nullish(),
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(MAX_ARTICLE_CHARS),
  language: z.string().regex(/^[a-z]{2,3}$/).nullish(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
})

const source = z.object({
  type: z.enum(['past_reply', 'knowledge']),
  id: z.string().describe('the past agent message or accepted suggestion; or the knowledge chunk'),
  conversationId: z.string().optional(),
  messageId: z.string().optional().describe('past replies: the customer message that reply answered'),
  title: z.string().optional(),
  score: z.number(),
  excerpt: z.string(),
})

const suggestionsResponse = z.object({
  suggestions: z.array(z.object({ id: z.string(), text: z.string(), confidence: z.number(), approach: z.string(), sources: z.array(source) })),
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

export interface ReplyRouteOptions extends ReplyDeps {
  /** Stricter per-key rate limit when drafts come from an LLM. */
  llmRateLimitPerMinute?: number
}

export function replyRoutes(app: FastifyInstance, db: Db, deps: ReplyRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const articles = knowledgeRepo(db)
  const suggestions = suggestionsRepo(db)
  const enqueueEmbedding = (workspaceId: string) => jobsRepo(db).enqueue(workspaceId, KNOWLEDGE_EMBED_JOB, {})

  r.post(
    '/v1/knowledge',
    {
      config: { roles: ADMIN_ROLES },
      schema: { tags: ['knowledge'], summary: 'Add a knowledge article (an existing externalId is updated); chunked, embedded in the background', body: articleInput },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      const { article, created } = await articles.upsert(workspaceId, request.body)
      await enqueueEmbedding(workspaceId)
      return reply.status(created ? 201 : 200).send(article)
    },
  )

  r.get(
    '/v1/knowledge',
    {
      config: { roles: READ_ROLES },
      schema: { tags: ['knowledge'], summary: 'Knowledge articles, most recently updated first', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), tag: z.string().max(60).optional() }) },
    },
    async (request) => ({ items: await articles.list(principalOf(request).workspaceId, request.query.limit, request.query.tag) }),
  )

  r.get('/v1/knowledge/:id', { config: { roles: READ_ROLES }, schema: { tags: ['knowledge'], summary: 'One knowledge article', params: uuidParam } }, async (request) => {
    const article = await articles.get(principalOf(request).workspaceId, request.params.id)
    if (!article) throw notFound('knowledge article')
    return article
  })

  r.put(
    '/v1/knowledge/:id',
    { config: { roles: ADMIN_ROLES }, schema: { tags: ['knowledge'], summary: 'Replace a knowledge article (re-chunked and re-embedded)', params: uuidParam, body: articleInput } },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const article = await articles.update(workspaceId, request.params.id, request.body).catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505') throw new AppError('CONFLICT', 'another article has this externalId')
        throw err
      })
      if (!article) throw notFound('knowledge article')
      await enqueueEmbedding(workspaceId)
      return article
    },
  )

  r.delete('/v1/knowledge/:id', { config: { roles: ADMIN_ROLES }, schema: { tags: ['knowledge'], summary: 'Delete a knowledge article and its chunks', params: uuidParam } }, async (request, reply) => {
    if (!(await articles.remove(principalOf(request).workspaceId, request.params.id))) throw notFound('knowledge article')
    return reply.status(204).send()
  })

  r.get('/v1/settings/voice', { config: { roles: READ_ROLES }, schema: { tags: ['replies'], summary: 'The brand voice used in reply drafts' } }, async (request) => {
    const ws = await workspacesRepo(db).get(principalOf(request).workspaceId)
    const stored = voiceSchema.safeParse(ws?.settings?.[VOICE_SETTING] ?? {})
    return stored.success ? stored.data : voiceOf({})
  })

  r.put(
    '/v1/settings/voice',
    { config: { roles: ADMIN_ROLES }, schema: { tags: ['replies'], summary: 'Set the brand voice: guidelines, sign-off, words to avoid, greeting, the brand’s handles', body: voiceSchema } },
    async (request) => {
      await workspacesRepo(db).setSetting(principalOf(request).workspaceId, VOICE_SETTING, request.body)
      return request.body
    },
  )

  r.post(
    '/v1/conversations/:id/suggestions',
    {
      config: {
        roles: AGENT_ROLES,
        ...(deps.llmRateLimitPerMinute ? { rateLimit: { max: deps.llmRateLimitPerMinute, timeWindow: '1 minute' } } : {}),
      },
      schema: {
        tags: ['replies'],
        summary: 'Reply drafts for the conversation: distinct approaches, grounded in past replies and knowledge; never sent',
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
        summary: 'What the agent did with a draft; accepted and edited finals become candidates for later drafts',
        params: uuidParam,
        body: z.object({ action: z.enum(['accepted', 'edited', 'rejected']), finalText: z.string().trim().min(1).max(10_000).optional() }),
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const { action, finalText } = request.body
      if (action === 'edited' && !finalText) {
        throw new AppError('VALIDATION_FAILED', 'an edited draft needs its final text', { issues: [{ path: 'body.finalText', message: 'required when action is edited' }] })
      }
      const existing = await suggestions.get(workspaceId, request.params.id)
      if (!existing) throw notFound('suggestion')
      const final = action === 'edited' ? finalText! : action === 'accepted' ? (finalText ?? existing.text) : null
      const distance = final === null ? null : normalisedEditDistance(existing.text, final)
      const saved = await suggestions.recordFeedback(workspaceId, request.params.id, action, final, distance)
      if (!saved) throw notFound('suggestion')
      return saved
    },
  )

  r.get(
    '/v1/suggestions/stats',
    {
      config: { roles: READ_ROLES },
      schema: {
        tags: ['replies'],
        summary: 'Acceptance rate and mean normalised edit distance of drafts, per ISO week',
        querystring: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
      },
    },
    async (request) => {
      const weeks = await suggestions.weeklyStats(principalOf(request).workspaceId, request.query.from, request.query.to)
      return { weeks }
    },
  )
}
