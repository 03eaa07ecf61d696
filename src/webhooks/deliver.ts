// At-least-once delivery: one attempt per job; a failed attempt schedules the next with exponential
// backoff (and jitter) until the retry window (24 h by default) is spent. A subscription with no
// success during a delivery's whole window is disabled, with the reason kept for its owner.
import type { Logger } from 'pino'
import type { JobHandler } from '../pipeline/worker.ts'
import { OutboundRefusedError, sendOutbound, type OutboundPolicy } from '../safety/outbound-url.ts'
import type { SecretBox } from '../safety/secret-box.ts'
import type { Db } from '../store/db.ts'
import { enqueueJobAt } from '../store/integrations.ts'
import { webhookDeliveriesRepo, webhookSubscriptionsRepo } from '../store/webhooks.ts'
import { WEBHOOK_DELIVER_JOB } from './events.ts'
import { webhookHeaders } from './signing.ts'

export const DELIVERY_TIMEOUT_MS = 10_000
/** No single wait longer than this, so a recovered endpoint hears from us within hours. */
const MAX_RETRY_DELAY_MS = 6 * 60 * 60_000

export interface DeliveryOptions {
  db: Db
  box: SecretBox
  policy: OutboundPolicy
  retryBaseMs: number
  retryWindowMs: number
  log: Logger
  clock?: () => Date
}

/** Delay before attempt n+1 after n failed attempts. */
export function retryDelayMs(failedAttempts: number, baseMs: number, random = Math.random): number {
  const exp = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, failedAttempts - 1))
  return Math.round(exp * (1 + 0.1 * random()))
}

export function webhookDeliveryHandler(o: DeliveryOptions): JobHandler {
  const deliveries = webhookDeliveriesRepo(o.db)
  const subscriptions = webhookSubscriptionsRepo(o.db)
  const clock = o.clock ?? (() => new Date())
  return async (jobs) => {
    for (const job of jobs) {
      const workspaceId = job.workspaceId
      const deliveryId = job.payload.deliveryId
      if (!workspaceId || typeof deliveryId !== 'string') continue
      const delivery = await deliveries.get(workspaceId, deliveryId)
      if (!delivery || delivery.status !== 'pending') continue
      const sub = await subscriptions.get(workspaceId, delivery.subscriptionId)
      if (!sub || !sub.enabled) {
        await deliveries.recordAttempt(workspaceId, deliveryId, { status: 'failed', statusCode: null, error: 'subscription disabled' })
        continue
      }
      const body = JSON.stringify(delivery.payload)
      const ts = Math.floor(clock().getTime() / 1000)
      let statusCode: number | null = null
      let error: string | null = null
      try {
        const res = await sendOutbound(
          sub.url,
          { method: 'POST', timeoutMs: DELIVERY_TIMEOUT_MS, body, headers: { 'content-type': 'application/json', 'user-agent': 'Parley-Webhooks/1', ...webhookHeaders(o.box.open(sub.secret), deliveryId, ts, body) } },
          o.policy,
        )
        statusCode = res.status
        if (res.status < 200 || res.status >= 300) error = `answered ${res.status}`
      } catch (err) {
        error = err instanceof OutboundRefusedError ? `refused: ${err.message}` : err instanceof Error ? err.message : String(err)
      }
      if (!error) {
        await deliveries.recordAttempt(workspaceId, deliveryId, { status: 'delivered', statusCode, error: null })
        await subscriptions.recordSuccess(workspaceId, sub.id)
        continue
      }
      const attempts = delivery.attempts + 1
      const delay = retryDelayMs(attempts, o.retryBaseMs)
      const exhausted = delivery.windowAgeMs + delay > o.retryWindowMs
      await deliveries.recordAttempt(workspaceId, deliveryId, { status: exhausted ? 'failed' : 'pending', statusCode, error })
      const failedThroughout = await subscriptions.recordFailure(workspaceId, sub.id, deliveryId)
      o.log.warn({ subscription: sub.id, delivery: deliveryId, attempts, statusCode, exhausted }, 'webhook delivery failed')
      if (!exhausted) {
        await enqueueJobAt(o.db, workspaceId, WEBHOOK_DELIVER_JOB, { deliveryId }, new Date(Date.now() + delay))
      } else if (failedThroughout) {
        // Not one success during this delivery's whole retry window: the endpoint is gone, not flaky.
        await subscriptions.disable(workspaceId, sub.id, `every attempt failed for ${Math.round(o.retryWindowMs / 60_000)} min; last error: ${error}`.slice(0, 300))
      }
    }
  }
}
