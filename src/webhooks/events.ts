// The outbound event types and how one is queued: a delivery row per subscribed endpoint, each with its
// own job, so a slow subscriber never holds up another.
import { randomBytes } from 'node:crypto'
import type { Queryable } from '../store/db.ts'
import { jobsRepo } from '../store/jobs.ts'
import { webhookDeliveriesRepo, webhookSubscriptionsRepo } from '../store/webhooks.ts'

export const WEBHOOK_EVENTS = ['conversation.enriched', 'suggestions.ready', 'theme.spike', 'themes.week_ready'] as const
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]
export const WEBHOOK_DELIVER_JOB = 'webhook.deliver'

export interface WebhookEnvelope {
  type: WebhookEventType
  timestamp: string
  data: Record<string, unknown>
}

export const newMessageId = () => `msg_${randomBytes(16).toString('base64url')}`

/** Queues the event for every enabled subscription to it; a no-op (one query) when nobody listens. */
export async function emitWebhookEvent(db: Queryable, workspaceId: string, type: WebhookEventType, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const subs = await webhookSubscriptionsRepo(db).subscribedTo(workspaceId, type)
  for (const sub of subs) {
    const id = newMessageId()
    const envelope: WebhookEnvelope = { type, timestamp: now.toISOString(), data }
    await webhookDeliveriesRepo(db).create(workspaceId, { id, subscriptionId: sub.id, eventType: type, payload: envelope as unknown as Record<string, unknown> })
    await jobsRepo(db).enqueue(workspaceId, WEBHOOK_DELIVER_JOB, { deliveryId: id })
  }
  return subs.length
}

export async function hasSubscribers(db: Queryable, workspaceId: string, type: WebhookEventType): Promise<boolean> {
  return (await webhookSubscriptionsRepo(db).subscribedTo(workspaceId, type)).length > 0
}
