import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { taxonomySchema } from '../chains/classify/taxonomy.ts'
import { TAXONOMY_SETTING, taxonomyOf } from '../chains/classify/workspace-labels.ts'
import { AppError, notFound } from '../errors.ts'
import { ENRICH_JOB, ENRICH_JOB_SIZE } from '../pipeline/ingest.ts'
import { listLlmCalls } from '../store/audit.ts'
import type { Db } from '../store/db.ts'
import { correctionsRepo } from '../store/enrichments.ts'
import { jobsRepo } from '../store/jobs.ts'
import { workspacesRepo } from '../store/workspaces.ts'
import { ADMIN_ROLES, AGENT_ROLES, principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './conversations.ts'

export function classifyRoutes(app: FastifyInstance, db: Db): void {
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
          const { rows } = await tx.query<{ id: string }>(`SELECT id FROM messages WHERE workspace_id = $1 AND role = 'customer' ORDER BY id`, [workspaceId])
          const repo = jobsRepo(tx)
          for (let i = 0; i < rows.length; i += ENRICH_JOB_SIZE) {
            await repo.enqueue(workspaceId, ENRICH_JOB, { messageIds: rows.slice(i, i + ENRICH_JOB_SIZE).map((m) => m.id) })
          }
          // Force re-classification: enrichments keyed to the old taxonomy are stale.
          await tx.query(`UPDATE enrichments SET content_hash = '' WHERE workspace_id = $1`, [workspaceId])
          return Math.ceil(rows.length / ENRICH_JOB_SIZE)
        })
      }
      return { intents: request.body.intents, reclassifyJobs: jobs }
    },
  )

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
        const set = field === 'sentiment'
          ? `sentiment = $3, sentiment_confidence = 1, sentiment_score = CASE $3 WHEN 'positive' THEN 1 WHEN 'negative' THEN -1 ELSE 0 END`
          : `intent = $3, intent_confidence = 1`
        await tx.query(
          `UPDATE enrichments SET ${set}, versions = versions || jsonb_build_object($4::text, 'human'), updated_at = now()
           WHERE workspace_id = $1 AND message_id = $2`,
          [workspaceId, request.params.id, label, field],
        )
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

  r.get(
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
