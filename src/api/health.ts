import type { FastifyInstance } from 'fastify'
import type { Embedder } from '../embeddings/embedder.ts'
import type { Db } from '../store/db.ts'
import { jobsRepo } from '../store/jobs.ts'

export function healthRoutes(app: FastifyInstance, deps: { db: Db; embedder: Embedder; embedderReason: string; llmMode: string }): void {
  app.get('/health', { schema: { tags: ['ops'], summary: 'Liveness: the process is up' } }, async () => ({ status: 'ok' }))

  app.get('/ready', { schema: { tags: ['ops'], summary: 'Readiness: database, embedder and queue depth' } }, async (_request, reply) => {
    const checks: Record<string, unknown> = {}
    let ready = true
    try {
      await deps.db.query('SELECT 1')
      checks.database = { ok: true, kind: deps.db.kind }
      checks.queue = await jobsRepo(deps.db).depth()
    } catch (err) {
      ready = false
      checks.database = { ok: false, error: err instanceof Error ? err.message : String(err) }
    }
    checks.embedder = { ok: true, model: deps.embedder.id, dimension: deps.embedder.dimension, reason: deps.embedderReason }
    checks.llm = { mode: deps.llmMode }
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks })
  })
}
