// Feature modules (classifiers, themes, replies, ask) plug their enrichment stages, job handlers and
// routes in here; createServices wires them for the server, the CLI and the eval harness alike.
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { Config } from './config.ts'
import type { Embedder } from './embeddings/embedder.ts'
import type { EnrichmentStage } from './pipeline/stages.ts'
import type { JobHandler } from './pipeline/worker.ts'
import type { Db } from './store/db.ts'

export interface FeatureContext {
  config: Config
  db: Db
  embedder: Embedder
  log: Logger
  clock: () => Date
}

export interface Feature {
  name: string
  stages?: EnrichmentStage[]
  handlers?: Record<string, JobHandler>
  routes?: (app: FastifyInstance) => void
}

export async function createFeatures(_ctx: FeatureContext): Promise<Feature[]> {
  return []
}
