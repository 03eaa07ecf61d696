// The calling key's workspace, and its API keys (created, listed, revoked).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../errors.ts'
import type { Db } from '../store/db.ts'
import { apiKeysRepo, ROLES, workspacesRepo } from '../store/workspaces.ts'
import { ADMIN_ROLES, principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './params.ts'

export async function keyRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const keys = apiKeysRepo(db)

  r.get('/v1/workspace', { config: { roles: READ_ROLES }, schema: { tags: ['workspace'], summary: 'The workspace of the calling key' } }, async (request) => {
    const { workspaceId, role } = principalOf(request)
    const ws = await workspacesRepo(db).get(workspaceId)
    if (!ws) throw notFound('workspace')
    return { id: ws.id, name: ws.name, role }
  })

  r.get('/v1/keys', { config: { roles: ADMIN_ROLES }, schema: { tags: ['workspace'], summary: 'API keys of this workspace (never the keys themselves)' } }, async (request) => ({
    items: await keys.list(principalOf(request).workspaceId),
  }))

  r.post(
    '/v1/keys',
    {
      config: { roles: ADMIN_ROLES },
      schema: {
        tags: ['workspace'],
        summary: 'Create an API key; the key is returned once and only its hash is stored',
        body: z.object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES as [string, ...string[]]) }),
      },
    },
    async (request, reply) => {
      const created = await keys.create(principalOf(request).workspaceId, request.body.role as (typeof ROLES)[number], request.body.name)
      return reply.status(201).send({ id: created.id, key: created.key, role: request.body.role })
    },
  )

  r.delete('/v1/keys/:id', { config: { roles: ADMIN_ROLES }, schema: { tags: ['workspace'], summary: 'Revoke an API key', params: uuidParam } }, async (request, reply) => {
    const ok = await keys.revoke(principalOf(request).workspaceId, request.params.id)
    if (!ok) throw notFound('API key')
    return reply.status(204).send()
  })
}
