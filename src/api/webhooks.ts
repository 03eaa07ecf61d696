// Outbound webhook subscriptions (admin): Standard Webhooks signing, a delivery log and redelivery.
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../errors.ts'
import { integrationSecurity, type IntegrationRouteDeps } from '../integrations/context.ts'
import { assertOutboundUrl } from '../safety/outbound-url.ts'
import { jobsRepo } from '../store/jobs.ts'
import { webhookDeliveriesRepo, webhookSubscriptionsRepo, type DeliveryRow, type SubscriptionRow } from '../store/webhooks.ts'
import { WEBHOOK_DELIVER_JOB, WEBHOOK_EVENTS } from '../webhooks/events.ts'
import { generateWebhookSecret, isWebhookSecret } from '../webhooks/signing.ts'
import { ADMIN_ROLES, principalOf } from './auth.ts'

const events = z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length)
const subscriptionInput = z.object({
  url: z.string().url().max(2000),
  events,
  secret: z.string().refine(isWebhookSecret, 'a Standard Webhooks secret: "whsec_" followed by 24 to 64 base64 bytes').optional()
    .describe('omit to have one generated; returned once, on creation'),
})
const subscriptionPatch = z.object({ url: z.string().url().max(2000).optional(), events: events.optional(), enabled: z.boolean().optional() })
const idParam = z.object({ id: z.uuid() })

const describe = (s: SubscriptionRow) => ({
  id: s.id, url: s.url, events: s.events, enabled: s.enabled, disabledReason: s.disabledReason,
  failingSince: s.failingSince ? new Date(s.failingSince).toISOString() : null, createdAt: new Date(s.createdAt).toISOString(),
})
const describeDelivery = (d: DeliveryRow) => ({
  id: d.id, eventType: d.eventType, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError,
  createdAt: new Date(d.createdAt).toISOString(), lastAttemptAt: d.lastAttemptAt ? new Date(d.lastAttemptAt).toISOString() : null,
  deliveredAt: d.deliveredAt ? new Date(d.deliveredAt).toISOString() : null, payload: d.payload,
})

export const webhookRoutes: FastifyPluginAsync<IntegrationRouteDeps> = async (app, deps) => {
  const { db, config } = deps
  const { box, policy } = integrationSecurity(config)
  const subs = webhookSubscriptionsRepo(db)
  const deliveries = webhookDeliveriesRepo(db)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['webhooks']

  r.post('/v1/webhooks', { config: { roles: ADMIN_ROLES }, schema: { tags, summary: `Subscribe a URL to events: ${WEBHOOK_EVENTS.join(', ')}`, body: subscriptionInput } }, async (request, reply) => {
    const { workspaceId } = principalOf(request)
    const url = (await assertOutboundUrl(request.body.url, policy)).toString()
    const secret = request.body.secret ?? generateWebhookSecret()
    const row = await subs.create(workspaceId, { url, events: [...new Set(request.body.events)], secret: box.seal(secret) })
    return reply.status(201).send({ ...describe(row), secret })
  })

  r.get('/v1/webhooks', { config: { roles: ADMIN_ROLES }, schema: { tags, summary: 'Webhook subscriptions (secrets are not returned)' } }, async (request) => ({
    items: (await subs.list(principalOf(request).workspaceId)).map(describe),
  }))

  r.patch('/v1/webhooks/:id', { config: { roles: ADMIN_ROLES }, schema: { tags, summary: 'Change a subscription; enabled: true re-enables a disabled one', params: idParam, body: subscriptionPatch } }, async (request) => {
    const { workspaceId } = principalOf(request)
    const url = request.body.url ? (await assertOutboundUrl(request.body.url, policy)).toString() : undefined
    const row = await subs.update(workspaceId, request.params.id, { ...request.body, url })
    if (!row) throw notFound('webhook subscription')
    return describe(row)
  })

  r.delete('/v1/webhooks/:id', { config: { roles: ADMIN_ROLES }, schema: { tags, summary: 'Remove a subscription and its delivery log', params: idParam } }, async (request, reply) => {
    if (!(await subs.remove(principalOf(request).workspaceId, request.params.id))) throw notFound('webhook subscription')
    return reply.status(204).send()
  })

  r.get(
    '/v1/webhooks/:id/deliveries',
    { config: { roles: ADMIN_ROLES }, schema: { tags, summary: 'The delivery log, newest first', params: idParam, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
    async (request) => {
      const { workspaceId } = principalOf(request)
      if (!(await subs.get(workspaceId, request.params.id))) throw notFound('webhook subscription')
      return { items: (await deliveries.list(workspaceId, request.params.id, request.query.limit)).map(describeDelivery) }
    },
  )

  r.post(
    '/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    { config: { roles: ADMIN_ROLES }, schema: { tags, summary: 'Send a delivery again (same webhook-id and body, a fresh retry window)', params: z.object({ id: z.uuid(), deliveryId: z.string().max(100) }) } },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      const d = await deliveries.get(workspaceId, request.params.deliveryId)
      if (!d || d.subscriptionId !== request.params.id) throw notFound('delivery')
      await db.transaction(async (tx) => {
        await webhookDeliveriesRepo(tx).reopen(workspaceId, d.id)
        await jobsRepo(tx).enqueue(workspaceId, WEBHOOK_DELIVER_JOB, { deliveryId: d.id })
      })
      return reply.status(202).send({ status: 'queued' })
    },
  )
}
