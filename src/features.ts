// Feature modules (classifiers, themes, replies, ask) plug their enrichment stages, job handlers and
// routes in here; createServices wires them for the server, the CLI and the eval harness alike.
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { askRoutes } from './api/ask.ts'
import { classifyRoutes } from './api/classify.ts'
import { createAskChain } from './chains/ask/index.ts'
import type { AskChain } from './chains/ask/types.ts'
import { createLlmClassifier } from './chains/classify/llm.ts'
import { createLocalClassifier } from './chains/classify/local.ts'
import { classificationStage } from './chains/classify/stage.ts'
import type { Classifier } from './chains/classify/types.ts'
import { replyRoutes } from './api/replies.ts'
import { knowledgeEmbedHandler } from './chains/replies/index.ts'
import { createLlmReplySuggester } from './chains/replies/llm.ts'
import { createLocalReplySuggester } from './chains/replies/local.ts'
import type { ReplySuggester } from './chains/replies/types.ts'
import { KNOWLEDGE_EMBED_JOB } from './store/knowledge.ts'
import { themeRoutes } from './api/themes.ts'
import { summaryRoutes } from './api/summaries.ts'
import { createLlmThemeDescriber } from './chains/themes/llm.ts'
import { createThemeService, themeJobHandlers } from './chains/themes/service.ts'
import { localThemeDescriber, type ThemeDescriber } from './chains/themes/types.ts'
import { createLlmSummarizer } from './chains/summarize/llm.ts'
import { createSummaryService, LLM_SUMMARY_DEBOUNCE_MS, localSummarizer, SUMMARIZE_JOB, type ConversationSummarizer } from './chains/summarize/service.ts'
import { summarizeJobHandler, summaryRefreshStage } from './chains/summarize/stage.ts'
import type { Config } from './config.ts'
import type { Embedder } from './embeddings/embedder.ts'
import type { LlmContext } from './llm/context.ts'
import type { EnrichmentStage } from './pipeline/stages.ts'
import type { JobHandler } from './pipeline/worker.ts'
import type { Db } from './store/db.ts'
import { integrationsFeature } from './integrations/feature.ts'
import { withThemeWebhooks } from './webhooks/theme-events.ts'

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
  replies: ReplySuggester
  localReplies: ReplySuggester
  themeDescriber: ThemeDescriber
  summarizer: ConversationSummarizer
  ask: AskChain
}

export function createChains(ctx: FeatureContext): Chains {
  const localClassifier = createLocalClassifier()
  const classifier = ctx.llm ? createLlmClassifier(ctx.llm, localClassifier, { redactHandles: ctx.config.redactHandles }) : localClassifier
  const redactHandles = ctx.config.redactHandles
  const themeDescriber = ctx.llm ? createLlmThemeDescriber(ctx.llm, { redactHandles }) : localThemeDescriber
  const summarizer = ctx.llm ? createLlmSummarizer(ctx.llm, localSummarizer, { redactHandles }) : localSummarizer
  const localReplies = createLocalReplySuggester()
  const replies = ctx.llm ? createLlmReplySuggester(ctx.llm, localReplies, { redactHandles }) : localReplies
  const ask = createAskChain({ db: ctx.db, embedder: ctx.embedder, clock: ctx.clock, llm: ctx.llm, redactHandles })
  return { classifier, localClassifier, themeDescriber, summarizer, replies, localReplies, ask }
}

export async function createFeatures(ctx: FeatureContext, chains: Chains): Promise<Feature[]> {
  return [
    { name: 'ask', routes: (app) => askRoutes(app, chains.ask, { llmRateLimitPerMinute: ctx.config.llmRateLimitPerMinute }) },
    {
      name: 'classify',
      stages: [classificationStage(ctx.db, chains.classifier, chains.localClassifier)],
      routes: (app) => classifyRoutes(app, ctx.db),
    },
    await themesAndSummariesFeature(ctx, chains),
    {
      name: 'replies',
      handlers: { [KNOWLEDGE_EMBED_JOB]: knowledgeEmbedHandler(ctx.db, ctx.embedder) },
      routes: (app) => replyRoutes(app, ctx.db, {
        db: ctx.db, embedder: ctx.embedder, suggester: chains.replies,
        llmRateLimitPerMinute: ctx.llm ? ctx.config.llmRateLimitPerMinute : undefined,
      }),
    },
    // Last: its stage runs after classification, on enriched messages.
    integrationsFeature(ctx, chains),
  ]
}

async function themesAndSummariesFeature(ctx: FeatureContext, chains: Chains): Promise<Feature> {
  const themes = createThemeService({ db: ctx.db, embedderId: ctx.embedder.id, describer: chains.themeDescriber, log: ctx.log, clock: ctx.clock })
  const summaries = createSummaryService({ db: ctx.db, summarizer: chains.summarizer, log: ctx.log })
  // Only processes that run a worker keep the weekly theme run scheduled.
  if (ctx.config.worker.mode === 'inprocess') await themes.ensureSchedule()
  return {
    name: 'themes-summaries',
    stages: [summaryRefreshStage(ctx.db, ctx.llm ? LLM_SUMMARY_DEBOUNCE_MS : 0)],
    handlers: { ...withThemeWebhooks(themeJobHandlers(themes), ctx.db, themes), [SUMMARIZE_JOB]: summarizeJobHandler(summaries) },
    routes: (app) => {
      themeRoutes(app, { db: ctx.db, themes, clock: ctx.clock })
      summaryRoutes(app, summaries)
    },
  }
}
