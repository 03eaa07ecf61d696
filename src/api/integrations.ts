// Chatwoot connections (admin), the inbound webhook Chatwoot calls, and the dashboard app page.
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError, notFound } from '../errors.ts'
import { openSecrets, sealSecrets } from '../integrations/chatwoot/connection.ts'
import { issueDashboardToken } from '../integrations/chatwoot/dashboard-token.ts'
import { CHATWOOT_EVENT_JOB, CHATWOOT_SYNC_JOB, schedulePeriodicSync } from '../integrations/chatwoot/jobs.ts'
import { isKnownEvent } from '../integrations/chatwoot/payloads.ts'
import { isStale, verifyChatwootSignature } from '../integrations/chatwoot/signature.ts'
import { integrationSecurity, type IntegrationRouteDeps } from '../integrations/context.ts'
import { assertOutboundUrl } from '../safety/outbound-url.ts'
import { connectionsRepo, integrationAuditRepo, receiptsRepo, type ConnectionRow } from '../store/integrations.ts'
import { jobsRepo } from '../store/jobs.ts'
import { ADMIN_ROLES, principalOf } from './auth.ts'
import { dashboardAppRoutes } from './integrations-dashboard.ts'

const connectionInput = z.object({
  baseUrl: z.string().url().max(500).describe('where Parley reaches Chatwoot, e.g. https://chatwoot.example.com'),
  accountId: z.number().int().positive(),
  apiAccessToken: z.string().min(8).max(200).describe('an agent or bot access token; stored encrypted, never returned'),
  webhookSecret: z.string().min(16).max(200).describe('the secret Chatwoot shows for the webhook; stored encrypted, never returned'),
  postNotes: z.boolean().default(true).describe('post the drafts as one private note per customer message that needs a reply'),
  applyLabels: z.boolean().default(false).describe('add parley-<intent> and parley-<sentiment> labels'),
})
const connectionPatch = connectionInput.partial()
const idParam = z.object({ id: z.uuid() })


function publicBase(request: FastifyRequest, configured: string | undefined): string {
  if (configured) return configured
  return `${request.protocol}://${request.host}`
}

export const integrationRoutes: FastifyPluginAsync<IntegrationRouteDeps> = async (app, deps) => {
  const { db, config, clock } = deps
  const { box, policy } = integrationSecurity(config)
  const connections = connectionsRepo(db)
  const audit = integrationAuditRepo(db)
  const r = app.withTypeProvider<ZodTypeProvider>()

  const describe = (row: ConnectionRow, request: FastifyRequest) => {
    const base = publicBase(request, config.publicUrl)
    const token = issueDashboardToken(row.id, openSecrets(box, row).webhookSecret, clock())
    return {
      id: row.id,
      kind: row.kind,
      baseUrl: row.baseUrl,
      accountId: row.accountId,
      postNotes: row.options.postNotes,
      applyLabels: row.options.applyLabels,
      webhookUrl: `${base}/v1/integrations/chatwoot/${row.id}/webhook`,
      dashboardAppUrl: `${base}/v1/integrations/chatwoot/${row.id}/app?token=${token}`,
      lastSyncedAt: row.lastSyncedAt ? new Date(row.lastSyncedAt).toISOString() : null,
      createdAt: new Date(row.createdAt).toISOString(),
    }
  }
  const originOf = async (raw: string) => (await assertOutboundUrl(raw, policy)).origin

  r.post(
    '/v1/integrations/chatwoot',
    { config: { roles: ADMIN_ROLES }, schema: { tags: ['integrations'], summary: 'Connect a Chatwoot account; answers the webhook URL and dashboard app URL to paste into Chatwoot', body: connectionInput } },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      const b = request.body
      const secrets = sealSecrets(box, { apiAccessToken: b.apiAccessToken, webhookSecret: b.webhookSecret })
      const row = await connections.create(workspaceId, {
        baseUrl: await originOf(b.baseUrl), accountId: b.accountId, secrets, options: { postNotes: b.postNotes, applyLabels: b.applyLabels },
      })
      if (config.integrations.chatwootSyncIntervalMinutes > 0) await schedulePeriodicSync(db, workspaceId, row.id, config.integrations.chatwootSyncIntervalMinutes)
      return reply.status(201).send(describe(row, request))
    },
  )

  r.get('/v1/integrations/chatwoot', { config: { roles: ADMIN_ROLES }, schema: { tags: ['integrations'], summary: 'Chatwoot connections (secrets are never returned)' } }, async (request) => {
    const rows = await connections.list(principalOf(request).workspaceId)
    return { items: rows.map((row) => describe(row, request)) }
  })

  r.get('/v1/integrations/chatwoot/:id', { config: { roles: ADMIN_ROLES }, schema: { tags: ['integrations'], summary: 'One Chatwoot connection', params: idParam } }, async (request) => {
    const row = await connections.get(principalOf(request).workspaceId, request.params.id)
    if (!row) throw notFound('connection')
    return describe(row, request)
  })

  r.patch(
    '/v1/integrations/chatwoot/:id',
    { config: { roles: ADMIN_ROLES }, schema: { tags: ['integrations'], summary: 'Change a connection; new secrets replace the stored ones', params: idParam, body: connectionPatch } },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const row = await connections.get(workspaceId, request.params.id)
      if (!row) throw notFound('connection')
      const b = request.body
      const current = openSecrets(box, row)
      const secrets = b.apiAccessToken || b.webhookSecret
        ? sealSecrets(box, { apiAccessToken: b.apiAccessToken ?? current.apiAccessToken, webhookSecret: b.webhookSecret ?? current.webhookSecret })
        : undefined
      const updated = await connections.update(workspaceId, row.id, {
        baseUrl: b.baseUrl ? await originOf(b.baseUrl) : undefined,
        accountId: b.accountId,
        secrets,
        options: b.postNotes !== undefined || b.applyLabels !== undefined
          ? { postNotes: b.postNotes ?? row.options.postNotes, applyLabels: b.applyLabels ?? row.options.applyLabels }
          : undefined,
      })
      if (!updated) throw notFound('connection')
      return describe(updated, request)
    },
  )

  r.delete('/v1/integrations/chatwoot/:id', { config: { roles: ADMIN_ROLES }, schema: { tags: ['integrations'], summary: 'Disconnect (the webhook URL stops working at once)', params: idParam } }, async (request, reply) => {
    if (!(await connections.remove(principalOf(request).workspaceId, request.params.id))) throw notFound('connection')
    return reply.status(204).send()
  })

  r.get(
    '/v1/integrations/chatwoot/:id/audit',
    { config: { roles: ADMIN_ROLES }, schema: { tags: ['integrations'], summary: 'Refused webhooks, notes posted, catch-ups: newest first', params: idParam } },
    async (request) => {
      const { workspaceId } = principalOf(request)
      if (!(await connections.get(workspaceId, request.params.id))) throw notFound('connection')
      return { items: await audit.list(workspaceId, request.params.id) }
    },
  )

  r.post(
    '/v1/integrations/chatwoot/:id/sync',
    {
      config: { roles: ADMIN_ROLES },
      schema: { tags: ['integrations'], summary: 'Queue a catch-up of conversations active since a date', params: idParam, body: z.object({ since: z.iso.datetime({ offset: true }) }) },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      if (!(await connections.get(workspaceId, request.params.id))) throw notFound('connection')
      await jobsRepo(db).enqueue(workspaceId, CHATWOOT_SYNC_JOB, { connectionId: request.params.id, since: new Date(request.body.since).toISOString() }, 1)
      return reply.status(202).send({ status: 'queued' })
    },
  )

  await app.register(inboundWebhook, deps)
  await app.register(dashboardAppRoutes, deps)
}

/**
 * POST /v1/integrations/chatwoot/:id/webhook, what Chatwoot calls. Its own plugin so the JSON parser
 * here keeps the raw bytes: the signature is over the body exactly as sent. The answer comes after one
 * small transaction (receipt + job); Chatwoot waits 5 s and never retries.
 */
const inboundWebhook: FastifyPluginAsync<IntegrationRouteDeps> = async (app: FastifyInstance, deps) => {
  const { db, clock } = deps
  const { box } = integrationSecurity(deps.config)
  const connections = connectionsRepo(db)
  const audit = integrationAuditRepo(db)
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

  app.post<{ Params: { id: string } }>(
    '/v1/integrations/chatwoot/:id/webhook',
    { schema: { tags: ['integrations'], summary: 'Chatwoot account webhook (signed with the connection’s webhook secret)', hide: false } },
    async (request, reply) => {
      const raw = request.body as Buffer | undefined
      const unauthorized = () => new AppError('UNAUTHORIZED', 'unknown connection or invalid signature')
      if (!z.uuid().safeParse(request.params.id).success) throw unauthorized()
      const conn = await connections.forInbound(request.params.id)
      if (!conn) throw unauthorized()
      const header = (name: string) => {
        const v = request.headers[name]
        return typeof v === 'string' ? v : undefined
      }
      const timestamp = header('x-chatwoot-timestamp')
      const signature = header('x-chatwoot-signature')
      const delivery = header('x-chatwoot-delivery')
      if (!Buffer.isBuffer(raw) || !verifyChatwootSignature(openSecrets(box, conn).webhookSecret, timestamp, raw, signature)) {
        await audit.record(conn.workspaceId, conn.id, 'signature_rejected', { delivery: delivery?.slice(0, 100) ?? null, ip: request.ip })
        throw unauthorized()
      }
      if (isStale(timestamp!, clock().getTime())) {
        await audit.record(conn.workspaceId, conn.id, 'stale_timestamp', { delivery: delivery?.slice(0, 100) ?? null, timestamp })
        throw new AppError('UNAUTHORIZED', 'the signed timestamp is more than 5 minutes away from now')
      }
      let body: Record<string, unknown>
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
      } catch {
        throw new AppError('INVALID_JSON', 'the body is not JSON')
      }
      // The signature covers the timestamp, so (timestamp, signature) is unique too when no delivery id is sent.
      const replayKey = delivery ? delivery.slice(0, 200) : `sig:${signature}`
      const outcome = await db.transaction(async (tx) => {
        if (!(await receiptsRepo(tx).accept(conn.workspaceId, conn.id, replayKey))) return 'replayed' as const
        if (!isKnownEvent(body.event)) return 'ignored' as const
        // Private notes (Parley's own included) are never conversation text: dropped before any work.
        if (body.private === true) return 'ignored' as const
        await jobsRepo(tx).enqueue(conn.workspaceId, CHATWOOT_EVENT_JOB, { connectionId: conn.id, body })
        return 'queued' as const
      })
      if (outcome === 'replayed') {
        await audit.record(conn.workspaceId, conn.id, 'replayed_delivery', { delivery: replayKey.slice(0, 100) })
        throw new AppError('CONFLICT', 'this delivery was already received')
      }
      return reply.status(202).send({ status: outcome })
    },
  )
}
