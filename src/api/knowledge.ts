// Knowledge articles that ground reply drafts: chunked on write, embedded in the background.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { detectLanguage } from '../chains/classify/language.ts'
import { AppError, notFound } from '../errors.ts'
import type { Db } from '../store/db.ts'
import { jobsRepo } from '../store/jobs.ts'
import { KNOWLEDGE_EMBED_JOB, knowledgeRepo } from '../store/knowledge.ts'
import { ADMIN_ROLES, principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './params.ts'

export const MAX_ARTICLE_CHARS = 100_000

const articleInput = z.object({
  externalId: z.string().trim().min(1).max(200).nullish(),
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(MAX_ARTICLE_CHARS),
  language: z.string().regex(/^[a-z]{2,3}$/).nullish().describe('The language the article is written in (ISO 639-1); detected from its text when omitted'),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
})

/**
 * An article sent without its language gets the one its text is written in: drafts are drawn only from
 * articles in the customer's language, and its words are searched stemmed in it ("refunds" meets "refund").
 */
function withLanguage<T extends z.output<typeof articleInput>>(input: T): T {
  if (input.language) return input
  const detected = detectLanguage(`${input.title}\n${input.body}`).language
  return detected === 'und' ? input : { ...input, language: detected }
}

export async function knowledgeRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const articles = knowledgeRepo(db)
  const enqueueEmbedding = (workspaceId: string) => jobsRepo(db).enqueue(workspaceId, KNOWLEDGE_EMBED_JOB, {})

  r.post(
    '/v1/knowledge',
    {
      config: { roles: ADMIN_ROLES },
      schema: { tags: ['knowledge'], summary: 'Add a knowledge article (an existing externalId is updated); chunked, embedded in the background', body: articleInput },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      const { article, created } = await articles.upsert(workspaceId, withLanguage(request.body))
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
      const article = await articles.update(workspaceId, request.params.id, withLanguage(request.body)).catch((err: unknown) => {
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
}
