// Wires config → store, embedder, chains and worker. The server, the CLI and the eval harness all build
// their services here, so they run the same code.
import type { FastifyInstance } from 'fastify'
import pino, { type Logger } from 'pino'
import type { Config } from './config.ts'
import type { Embedder } from './embeddings/embedder.ts'
import { createEmbedder, type RemoteEmbedderHooks } from './embeddings/index.ts'
import { currentWorkspaceId } from './llm/audit-context.ts'
import { redact } from './safety/redact.ts'
import { recordLlmCall } from './store/audit.ts'
import { embeddingStage, type EnrichmentStage } from './pipeline/stages.ts'
import { createWorker, type JobHandler, type Worker } from './pipeline/worker.ts'
import type { Db } from './store/db.ts'
import { openDb } from './store/open-db.ts'
import { migrate } from './store/migrate.ts'
import { apiKeysRepo, workspacesRepo } from './store/workspaces.ts'
import { createChains, createFeatures, type Chains, type Feature } from './features.ts'
import { createLlmContext, type LlmContext } from './llm/context.ts'
import type { ResponseCache } from './llm/structured.ts'

export interface Services {
  config: Config
  db: Db
  embedder: Embedder
  embedderReason: string
  worker: Worker
  log: Logger
  clock: () => Date
  features: Feature[]
  chains: Chains
  llm?: LlmContext
  /** Routes of the feature modules (classify, themes, replies, ask). */
  extraRoutes?: Array<(app: FastifyInstance) => void>
  close(): Promise<void>
}

export interface CreateServicesOptions {
  db?: Db
  embedder?: Embedder
  log?: Logger
  clock?: () => Date
  /** Extra enrichment stages after embedding (tests inject failing ones). */
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
  const featureContext = { config, db, embedder, log, clock, llm }
  const chains = createChains(featureContext)
  const features = await createFeatures(featureContext, chains)
  const stages: EnrichmentStage[] = [embeddingStage(db, embedder), ...features.flatMap((f) => f.stages ?? []), ...(opts.stages ?? [])]
  const handlers = Object.assign({}, ...features.map((f) => f.handlers ?? {}), opts.handlers)
  const worker = createWorker(db, stages, { batch: config.worker.batch, pollMs: config.worker.pollMs, log, handlers })
  return {
    config,
    db,
    embedder,
    embedderReason,
    worker,
    log,
    clock,
    features,
    chains,
    llm,
    extraRoutes: features.flatMap((f) => (f.routes ? [f.routes] : [])),
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
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('parley:bootstrap'))`)
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
