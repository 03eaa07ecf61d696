// Feature modules (classifiers, themes, replies, ask) plug their enrichment stages, job handlers and
// routes in here; createServices wires them for the server, the CLI and the eval harness alike.
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { classifyRoutes } from './api/classify.ts'
import { createLlmClassifier } from './chains/classify/llm.ts'
import { createLocalClassifier } from './chains/classify/local.ts'
import { classificationStage } from './chains/classify/stage.ts'
import type { Classifier } from './chains/classify/types.ts'
import type { Config } from './config.ts'
import type { Embedder } from './embeddings/embedder.ts'
import type { LlmContext } from './llm/context.ts'
import type { EnrichmentStage } from './pipeline/stages.ts'
import type { JobHandler } from './pipeline/worker.ts'
import type { Db } from './store/db.ts'

export interface FeatureContext {
  config: Config
  db: Db
  embedder: Embedder
  log: Logger
  clock: () => Date
  /** undefined in local mode. */
  llm?: LlmContext
}

export interface Feature {
  name: string
  stages?: EnrichmentStage[]
  handlers?: Record<string, JobHandler>
  routes?: (app: FastifyInstance) => void
}

/** The chains, each chosen once here: LLM when configured (with the local one as its fallback), else local. */
export interface Chains {
  classifier: Classifier
  localClassifier: Classifier
}

export function createChains(ctx: FeatureContext): Chains {
  const localClassifier = createLocalClassifier()
  const classifier = ctx.llm ? createLlmClassifier(ctx.llm, localClassifier, { redactHandles: ctx.config.redactHandles }) : localClassifier
  return { classifier, localClassifier }
}

export async function createFeatures(ctx: FeatureContext, chains: Chains): Promise<Feature[]> {
  return [
    {
      name: 'classify',
      stages: [classificationStage(ctx.db, chains.classifier, chains.localClassifier)],
      routes: (app) => classifyRoutes(app, ctx.db),
    },
  ]
}
