// Liveness and readiness probes: public, no API key.
import type { FastifyInstance } from 'fastify'
import type { Embedder } from '../embeddings/embedder.ts'
import type { Db } from '../store/db.ts'
import { databaseReadiness } from '../store/readiness.ts'

export interface HealthRoutesOptions {
  db: Db
  embedder: Embedder
  embedderReason: string
  llmMode: string
}

export async function healthRoutes(app: FastifyInstance, deps: HealthRoutesOptions): Promise<void> {
  app.get('/health', { schema: { tags: ['ops'], summary: 'Liveness: the process is up' } }, async () => ({ status: 'ok' }))

  app.get('/ready', { schema: { tags: ['ops'], summary: 'Readiness: database, embedder, queue depth, enrichment backlog and whether search uses its index' } }, async (_request, reply) => {
    const checks: Record<string, unknown> = {}
    let ready = true
    try {
      const { kind, queue, enrichment, search } = await databaseReadiness(deps.db, deps.embedder.id)
      checks.database = { ok: true, kind }
      // Scheduled jobs (the weekly themes run) sit in the queue for days; the backlog is what tells
      // whether every stored message has been enriched.
      checks.queue = queue
      checks.enrichment = enrichment
      checks.search = search
    } catch (err) {
      ready = false
      checks.database = { ok: false, error: err instanceof Error ? err.message : String(err) }
    }
    checks.embedder = { ok: true, model: deps.embedder.id, dimension: deps.embedder.dimension, reason: deps.embedderReason }
    checks.llm = { mode: deps.llmMode }
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks })
  })
}
