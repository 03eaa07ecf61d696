// Semantic search over a workspace's messages.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Embedder } from '../embeddings/embedder.ts'
import type { Db } from '../store/db.ts'
import { searchDuration, timed } from '../pipeline/metrics.ts'
import { searchSimilar } from '../store/embeddings.ts'
import { runForWorkspace } from '../llm/audit-context.ts'
import { principalOf, READ_ROLES } from './auth.ts'

export const DEFAULT_SEARCH_K = 10
export const MAX_SEARCH_K = 100

const searchQuery = z.object({
  q: z.string().trim().min(1).max(2000),
  k: z.coerce.number().int().min(1).max(MAX_SEARCH_K).default(DEFAULT_SEARCH_K),
  channel: z.string().max(32).optional(),
  role: z.enum(['customer', 'agent']).optional(),
  language: z.string().max(12).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
})

const searchHit = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  conversationExternalId: z.string(),
  channel: z.string(),
  role: z.string(),
  author: z.string().nullable(),
  text: z.string(),
  language: z.string().nullable(),
  sentAt: z.string(),
  score: z.number(),
})

export async function searchRoutes(app: FastifyInstance, { db, embedder }: { db: Db; embedder: Embedder }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/search',
    {
      config: { roles: READ_ROLES },
      schema: {
        tags: ['search'],
        summary: 'Semantic search over the workspace’s messages (cosine, IVFFlat index)',
        querystring: searchQuery,
        response: { 200: z.object({ model: z.string(), items: z.array(searchHit) }) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const { q, k, ...filters } = request.query
      const [vector] = await runForWorkspace(workspaceId, () => embedder.embed([q], { kind: 'query' }))
      const items = await timed(searchDuration, {}, () => searchSimilar(db, workspaceId, embedder.id, vector, k, filters))
      return { model: embedder.id, items }
    },
  )
}
