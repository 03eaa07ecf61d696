// Wires config → store, embedder, chains, their services and the worker. The server, the CLI and the eval
// harness all build their services here, so they run the same code. Routes are not wired here: app.ts
// registers them, one plugin per area, from these services.
import pino, { type Logger } from 'pino'
import { createChains, type Chains } from './chains/create-chains.ts'
import { classificationStage, enqueueOutdatedClassifications } from './chains/classify/enrichment-stage.ts'
import { themeWeeksStage } from './chains/themes/enrichment-stage.ts'
import { knowledgeEmbedHandler } from './chains/replies/knowledge-job.ts'
import { summaryRefreshStage } from './chains/summarize/enrichment-stage.ts'
import { createSummaryService, LLM_SUMMARY_DEBOUNCE_MS, SUMMARIZE_JOB, summarizeJobHandler, type SummaryService } from './chains/summarize/service.ts'
import { themeJobHandlers } from './chains/themes/schedule.ts'
import { createThemeService, type ThemeService } from './chains/themes/service.ts'
import type { Config } from './config.ts'
import type { Embedder } from './embeddings/embedder.ts'
import { createEmbedder, type RemoteEmbedderHooks } from './embeddings/index.ts'
import { integrationsStage } from './integrations/drafts.ts'
import { integrationJobHandlers } from './integrations/feature.ts'
import { currentWorkspaceId } from './llm/audit-context.ts'
import { createLlmContext, type LlmContext } from './llm/context.ts'
import type { ResponseCache } from './llm/structured.ts'
import { embeddingIndexHandlers, fitModelIndex } from './pipeline/embedding-index.ts'
import { observeLlmCall } from './pipeline/metrics.ts'
import { embeddingStage } from './pipeline/embedding-stage.ts'
import { ENRICH_JOB, enrichJobHandler, enrichmentPipeline, type EnrichmentStage } from './pipeline/enrichment.ts'
import { createWorker, type JobHandler, type Worker } from './pipeline/worker.ts'
import { redact } from './safety/redact.ts'
import { recordLlmCall } from './store/audit.ts'
import { withThemeWebhooks } from './webhooks/theme-events.ts'
import type { Db } from './store/db.ts'
import { openDb } from './store/open-db.ts'
import { KNOWLEDGE_EMBED_JOB } from './store/knowledge.ts'
import { migrate } from './store/migrate.ts'
import { apiKeysRepo, workspacesRepo } from './store/workspaces.ts'

export interface Services {
  config: Config
  db: Db
  embedder: Embedder
  embedderReason: string
  log: Logger
  clock: () => Date
  /** undefined in local mode. */
  llm?: LlmContext
  chains: Chains
  themes: ThemeService
  summaries: SummaryService
  /** Not started here: the server (WORKER=inprocess) and `parley worker` start it. */
  worker: Worker
  close(): Promise<void>
}

export interface CreateServicesOptions {
  db?: Db
  embedder?: Embedder
  log?: Logger
  clock?: () => Date
  /** Extra enrichment stages after the pipeline's own (tests inject failing ones). */
  stages?: EnrichmentStage[]
  handlers?: Record<string, JobHandler>
  /** The eval harness caches LLM responses so reruns are deterministic and free. */
  llmCache?: ResponseCache
}

export async function createServices(config: Config, opts: CreateServicesOptions = {}): Promise<Services> {
  const log = opts.log ?? pino({ level: config.logLevel })
  const db = opts.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }))
  await migrate(db)
  let embedder = opts.embedder
  let embedderReason = 'provided by the caller'
  if (!embedder) {
    const picked = await createEmbedder(config.embeddings, remoteEmbeddingHooks(config, db, log))
    embedder = picked.embedder
    embedderReason = picked.reason
  }
  const clock = opts.clock ?? (() => new Date())
  const llm = createLlmContext(config.llm, db, log, opts.llmCache)
  // The ask chain computes the weeks a theme question needs through the theme service, which is built
  // from the chains' describer just below: the call is only made once a question is asked.
  const themeWeeks = { ensureMembers: (workspaceId: string, weeks: string[], until: Date) => themes.ensureMembers(workspaceId, weeks, until) }
  const chains = createChains({ config, db, embedder, clock, llm, themeWeeks })
  const themes = createThemeService({ db, embedderId: embedder.id, describer: chains.themeDescriber, log, clock })
  const summaries = createSummaryService({ db, summarizer: chains.summarizer, log })

  const stages = enrichmentPipeline(
    {
      embed: embeddingStage(db, embedder),
      classify: classificationStage(db, chains.classifier, chains.localClassifier),
      themeWeeks: themeWeeksStage(db),
      summarize: summaryRefreshStage(db, summaries, llm ? LLM_SUMMARY_DEBOUNCE_MS : 0),
      notify: integrationsStage(db),
    },
    opts.stages,
  )
  const handlers: Record<string, JobHandler> = {
    [ENRICH_JOB]: enrichJobHandler(db, stages),
    [SUMMARIZE_JOB]: summarizeJobHandler(summaries),
    [KNOWLEDGE_EMBED_JOB]: knowledgeEmbedHandler(db, embedder),
    ...embeddingIndexHandlers(db),
    ...withThemeWebhooks(themeJobHandlers(themes), db, themes),
    ...integrationJobHandlers({ config, db, embedder, log, clock, replies: chains.replies }),
    ...opts.handlers,
  }
  const worker = createWorker(db, {
    batch: config.worker.batch,
    pollMs: config.worker.pollMs,
    leaseSeconds: config.worker.leaseSeconds,
    log,
    handlers,
    // A process that runs a worker keeps the weekly theme run scheduled (the run then schedules the next)
    // and the vector index fitting the vectors stored (a store migrated to it, a build a crash cut short).
    onStart: async () => {
      await themes.ensureSchedule()
      await fitModelIndex(db, embedder.id, ENRICH_JOB)
      // Redone locally for nothing; an LLM's summaries and labels cost a call each, and stay until asked for
      // (`parley summarize`; `PUT /v1/taxonomy?reclassify=true`).
      if (!llm) {
        await summaries.enqueueOutdated()
        await enqueueOutdatedClassifications(db, chains.localClassifier.version!, log)
      }
    },
  })
  return {
    config,
    db,
    embedder,
    embedderReason,
    log,
    clock,
    llm,
    chains,
    themes,
    summaries,
    worker,
    async close() {
      await worker.stop()
      await embedder.close?.()
      if (!opts.db) await db.close()
    },
  }
}

/** Text sent to a remote embedding endpoint is redacted first, and every call is audited. */
function remoteEmbeddingHooks(config: Config, db: Db, log: Logger): RemoteEmbedderHooks {
  let redactedSinceLastCall = 0
  return {
    redact: (text) => {
      const r = redact(text, { handles: config.redactHandles })
      redactedSinceLastCall += r.count
      return r.text
    },
    onCall: (info) => {
      observeLlmCall({ purpose: 'embed', outcome: info.ok ? 'ok' : 'error', inputTokens: info.tokens ?? 0, outputTokens: 0, latencyMs: info.latencyMs })
      const redactions = redactedSinceLastCall
      redactedSinceLastCall = 0
      recordLlmCall(db, {
        workspaceId: currentWorkspaceId() ?? '',
        purpose: 'embed',
        model: info.model,
        promptVersion: '',
        inputTokens: info.tokens ?? 0,
        outputTokens: 0,
        latencyMs: info.latencyMs,
        outcome: info.ok ? 'ok' : 'error',
        redactions,
        error: info.error?.slice(0, 200),
      }).catch((err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not record embedding call'))
    },
  }
}

export const DEFAULT_WORKSPACE_NAME = 'default'

/**
 * First start: create the default workspace and its admin key. The key comes from PARLEY_API_KEY or is
 * random; only its hash is stored, and a random one is returned so the caller can print it once.
 */
export async function bootstrapDefaultWorkspace(db: Db, adminKey?: string): Promise<{ created: boolean; workspaceId: string; printedKey?: string }> {
  return db.transaction(async (tx) => {
    const workspaces = workspacesRepo(tx)
    await workspaces.lockForBootstrap()
    const existing = await workspaces.byName(DEFAULT_WORKSPACE_NAME)
    if (existing) {
      if (adminKey && !(await apiKeysRepo(tx).authenticate(adminKey))) {
        await apiKeysRepo(tx).create(existing.id, 'admin', 'PARLEY_API_KEY', adminKey)
      }
      return { created: false, workspaceId: existing.id }
    }
    const ws = await workspaces.create(DEFAULT_WORKSPACE_NAME)
    const key = await apiKeysRepo(tx).create(ws.id, 'admin', adminKey ? 'PARLEY_API_KEY' : 'first start', adminKey)
    return { created: true, workspaceId: ws.id, printedKey: adminKey ? undefined : key.key }
  })
}
