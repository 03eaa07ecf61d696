// What the Chatwoot connector and outbound webhooks add to the worker: the job handlers. Their enrichment
// stage (integrationsStage, drafts.ts) is placed in the pipeline by services.ts; routes are registered in
// app.ts (api/integrations.ts, api/webhooks.ts).
import type { Config } from '../config.ts'
import type { Embedder } from '../embeddings/embedder.ts'
import type { JobHandler } from '../pipeline/worker.ts'
import type { Db } from '../store/db.ts'
import type { ReplySuggester } from '../chains/replies/types.ts'
import { webhookDeliveryHandler } from '../webhooks/deliver.ts'
import { WEBHOOK_DELIVER_JOB } from '../webhooks/events.ts'
import { chatwootJobHandlers } from './chatwoot/jobs.ts'
import { integrationSecurity } from './context.ts'
import { AUTODRAFT_JOB, autodraftHandler } from './drafts.ts'
import type { Logger } from 'pino'

export interface IntegrationDeps {
  config: Config
  db: Db
  embedder: Embedder
  log: Logger
  clock: () => Date
  replies: ReplySuggester
}

export function integrationJobHandlers(deps: IntegrationDeps): Record<string, JobHandler> {
  const { box, policy } = integrationSecurity(deps.config)
  const c = deps.config.integrations
  return {
    ...chatwootJobHandlers({ db: deps.db, box, policy, log: deps.log, syncIntervalMinutes: c.chatwootSyncIntervalMinutes, clock: deps.clock }),
    [AUTODRAFT_JOB]: autodraftHandler({ db: deps.db, embedder: deps.embedder, suggester: deps.replies, log: deps.log }),
    [WEBHOOK_DELIVER_JOB]: webhookDeliveryHandler({ db: deps.db, box, policy, retryBaseMs: c.webhookRetryBaseMs, retryWindowMs: c.webhookRetryWindowMs, log: deps.log, clock: deps.clock }),
  }
}
