// A person's relabelling of a message's sentiment or intent, and the list of them (an eval set).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { taxonomyOf } from '../chains/classify/workspace-labels.ts'
import { AppError, notFound } from '../errors.ts'
import type { Db } from '../store/db.ts'
import { applyCorrection, correctionsRepo } from '../store/enrichments.ts'
import { workspacesRepo } from '../store/workspaces.ts'
import { AGENT_ROLES, principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './params.ts'

export async function correctionRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.post(
    '/v1/messages/:id/corrections',
    {
      config: { roles: AGENT_ROLES },
      schema: {
        tags: ['classification'],
        summary: 'Relabel a message’s sentiment or intent; it becomes a training example for this workspace at once',
        params: uuidParam,
        body: z.object({ field: z.enum(['sentiment', 'intent']), label: z.string().trim().min(1).max(40) }),
      },
    },
    async (request, reply) => {
      const { workspaceId, keyId } = principalOf(request)
      const { field, label } = request.body
      if (field === 'sentiment' && !['negative', 'neutral', 'positive'].includes(label)) {
        throw new AppError('VALIDATION_FAILED', 'invalid sentiment label', { issues: [{ path: 'body.label', message: 'one of negative, neutral, positive' }] })
      }
      if (field === 'intent') {
        const ws = await workspacesRepo(db).get(workspaceId)
        const names = [...taxonomyOf(ws?.settings ?? {}).map((i) => i.name), 'other']
        if (!names.includes(label)) {
          throw new AppError('VALIDATION_FAILED', 'unknown intent', { issues: [{ path: 'body.label', message: `one of ${names.join(', ')}` }] })
        }
      }
      const id = await db.transaction(async (tx) => {
        const correctionId = await correctionsRepo(tx).upsert(workspaceId, request.params.id, field, label, keyId)
        if (!correctionId) return undefined
        // The human label is the message's label from now on.
        await applyCorrection(tx, workspaceId, request.params.id, field, label)
        return correctionId
      })
      if (!id) throw notFound('message')
      return reply.status(201).send({ id, messageId: request.params.id, field, label })
    },
  )

  r.get(
    '/v1/corrections',
    { config: { roles: READ_ROLES }, schema: { tags: ['classification'], summary: 'Human corrections (an eval set for this workspace)', querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) } },
    async (request) => ({ items: await correctionsRepo(db).list(principalOf(request).workspaceId, request.query.limit) }),
  )
}
