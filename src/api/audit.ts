// The audit trail of calls that sent workspace data to a model provider.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listLlmCalls } from '../store/audit.ts'
import type { Db } from '../store/db.ts'
import { ADMIN_ROLES, principalOf } from './auth.ts'

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/audit/llm-calls',
    {
      config: { roles: ADMIN_ROLES },
      schema: {
        tags: ['audit'],
        summary: 'Every LLM or remote-embedding call made for this workspace (no text, only what was sent and how it went)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => {
      const items = await listLlmCalls(db, principalOf(request).workspaceId, request.query.limit, request.query.before)
      return { items, nextBefore: items.length === request.query.limit ? (items[items.length - 1] as { id: number }).id : null }
    },
  )
}
