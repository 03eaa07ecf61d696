// GET /metrics in the Prometheus text format (prom-client), and the request-duration histogram of every
// route. Labels are route patterns (/v1/conversations/:id), never URLs with ids or query strings.
// With METRICS_TOKEN set, a scrape must send `Authorization: Bearer <token>`; without it the endpoint is
// public like /ready (counts and timings only, no customer data).
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../store/db.ts'
import { enrichmentBacklog } from '../store/readiness.ts'
import { jobsRepo } from '../store/jobs.ts'
import { openBreakerCount } from '../llm/resilience.ts'
import { enrichmentBacklog as backlogGauge, httpRequestDuration, llmCircuitOpen, metricsRegistry, queueDepth } from '../pipeline/metrics.ts'
import { AppError } from '../errors.ts'

export interface MetricsRoutesOptions {
  db: Db
  token?: string
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '')
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

async function metricsPlugin(app: FastifyInstance, { db, token }: MetricsRoutesOptions): Promise<void> {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    httpRequestDuration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })

  app.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics (Bearer METRICS_TOKEN when set)' } }, async (request, reply) => {
    if (token && !tokenMatches(request.headers.authorization, token)) throw new AppError('UNAUTHORIZED', 'a valid metrics token is required')
    // Read at scrape time: the queue is shared by every process, so each reports the same numbers.
    queueDepth.reset()
    for (const row of await jobsRepo(db).depthByKind()) queueDepth.set({ state: row.status, kind: row.kind }, row.count)
    backlogGauge.set(await enrichmentBacklog(db))
    llmCircuitOpen.set(openBreakerCount() > 0 ? 1 : 0)
    return reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics())
  })
}

// Not encapsulated (what fastify-plugin does): the onResponse hook must see every route of the app.
;(metricsPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true
export const metricsRoutes = metricsPlugin
