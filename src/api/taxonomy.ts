// The workspace's intents: read them, replace them (optionally re-labelling stored messages).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { taxonomySchema } from '../chains/classify/taxonomy.ts'
import { TAXONOMY_SETTING, taxonomyOf } from '../chains/classify/workspace-labels.ts'
import { enqueueEnrichment } from '../pipeline/enrichment.ts'
import type { Db } from '../store/db.ts'
import { markEnrichmentsStale } from '../store/enrichments.ts'
import { customerMessageIds } from '../store/messages.ts'
import { workspacesRepo } from '../store/workspaces.ts'
import { ADMIN_ROLES, principalOf, READ_ROLES } from './auth.ts'

export async function taxonomyRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/v1/taxonomy', { config: { roles: READ_ROLES }, schema: { tags: ['classification'], summary: 'The workspace’s intents (the default customer-care taxonomy until changed)' } }, async (request) => {
    const ws = await workspacesRepo(db).get(principalOf(request).workspaceId)
    return { intents: taxonomyOf(ws?.settings ?? {}) }
  })

  r.put(
    '/v1/taxonomy',
    {
      config: { roles: ADMIN_ROLES },
      schema: {
        tags: ['classification'],
        summary: 'Replace the workspace’s intents; `reclassify=true` re-labels stored messages in the background',
        querystring: z.object({ reclassify: z.enum(['true', 'false']).default('false') }),
        body: z.object({ intents: taxonomySchema }),
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      await workspacesRepo(db).setSetting(workspaceId, TAXONOMY_SETTING, request.body.intents)
      let jobs = 0
      if (request.query.reclassify === 'true') {
        jobs = await db.transaction(async (tx) => {
          // Intents are read for customer messages only: theirs are the enrichments the old taxonomy made stale.
          const ids = await customerMessageIds(tx, workspaceId)
          const queued = await enqueueEnrichment(tx, workspaceId, ids)
          await markEnrichmentsStale(tx, workspaceId, ids)
          return queued
        })
      }
      return { intents: request.body.intents, reclassifyJobs: jobs }
    },
  )
}
