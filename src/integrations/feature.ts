// Wires the Chatwoot connector and outbound webhooks into the worker: the post-enrichment stage and the
// job handlers. Routes are registered in app.ts (api/integrations.ts, api/webhooks.ts).
import type { Chains, Feature, FeatureContext } from '../features.ts'
import { webhookDeliveryHandler } from '../webhooks/deliver.ts'
import { WEBHOOK_DELIVER_JOB } from '../webhooks/events.ts'
import { chatwootJobHandlers } from './chatwoot/jobs.ts'
import { integrationSecurity } from './context.ts'
import { AUTODRAFT_JOB, autodraftHandler, integrationsStage } from './drafts.ts'

export function integrationsFeature(ctx: FeatureContext, chains: Chains): Feature {
  const { box, policy } = integrationSecurity(ctx.config)
  const c = ctx.config.integrations
  return {
    name: 'integrations',
    stages: [integrationsStage(ctx.db)],
    handlers: {
      ...chatwootJobHandlers({ db: ctx.db, box, policy, log: ctx.log, syncIntervalMinutes: c.chatwootSyncIntervalMinutes, clock: ctx.clock }),
      [AUTODRAFT_JOB]: autodraftHandler({ db: ctx.db, embedder: ctx.embedder, suggester: chains.replies, log: ctx.log }),
      [WEBHOOK_DELIVER_JOB]: webhookDeliveryHandler({ db: ctx.db, box, policy, retryBaseMs: c.webhookRetryBaseMs, retryWindowMs: c.webhookRetryWindowMs, log: ctx.log, clock: ctx.clock }),
    },
  }
}
