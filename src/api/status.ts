// GET /v1/status: how far this workspace's enrichment got, for admins watching an import.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../store/db.ts'
import { queueStatus } from '../store/readiness.ts'
import { ADMIN_ROLES, principalOf } from './auth.ts'

const statusResponse = z.object({
  enrichment: z.object({ backlog: z.number().int().describe('messages of this workspace not yet enriched; 0 when enrichment caught up') }),
  jobs: z
    .array(z.object({ kind: z.string(), status: z.string(), count: z.number().int(), oldest: z.string().nullable() }))
    .describe("this workspace's jobs and the store's shared ones by kind and state (done: last hour only)"),
  lastError: z.object({ kind: z.string(), error: z.string(), at: z.string(), attempts: z.number().int() }).nullable(),
})

export async function statusRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/status',
    {
      config: { roles: ADMIN_ROLES },
      schema: { tags: ['ops'], summary: 'Enrichment backlog, jobs by kind and state, and the last job error of this workspace', response: { 200: statusResponse } },
    },
    async (request) => {
      const s = await queueStatus(db, principalOf(request).workspaceId)
      return { enrichment: { backlog: s.backlog }, jobs: s.jobs, lastError: s.lastError }
    },
  )
}
