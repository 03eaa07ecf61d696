// Outbound webhook subscriptions and their delivery log.
import type { Queryable } from './db.ts'

export interface SubscriptionRow {
  id: string
  workspaceId: string
  url: string
  events: string[]
  /** Sealed whsec_ secret; opened only to sign. */
  secret: string
  enabled: boolean
  disabledReason: string | null
  failingSince: string | null
  createdAt: string
}

const SUBSCRIPTION_COLUMNS = `id, workspace_id AS "workspaceId", url, events, secret, enabled, disabled_reason AS "disabledReason",
  failing_since AS "failingSince", created_at AS "createdAt"`

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface DeliveryRow {
  id: string
  subscriptionId: string
  eventType: string
  payload: Record<string, unknown>
  status: DeliveryStatus
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
  createdAt: string
  lastAttemptAt: string | null
  deliveredAt: string | null
  /** Milliseconds since the retry window of this delivery opened. */
  windowAgeMs: number
}

const DELIVERY_COLUMNS = `id, subscription_id AS "subscriptionId", event_type AS "eventType", payload, status, attempts,
  last_status_code AS "lastStatusCode", last_error AS "lastError", created_at AS "createdAt", last_attempt_at AS "lastAttemptAt",
  delivered_at AS "deliveredAt", (extract(epoch FROM now() - window_from) * 1000)::float8 AS "windowAgeMs"`

export function webhookSubscriptionsRepo(db: Queryable) {
  return {
    async create(workspaceId: string, s: { url: string; events: string[]; secret: string }): Promise<SubscriptionRow> {
      const { rows } = await db.query<SubscriptionRow>(
        `INSERT INTO webhook_subscriptions (workspace_id, url, events, secret) VALUES ($1, $2, $3, $4) RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [workspaceId, s.url, s.events, s.secret],
      )
      return rows[0]
    },

    async list(workspaceId: string): Promise<SubscriptionRow[]> {
      const { rows } = await db.query<SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE workspace_id = $1 ORDER BY created_at`, [workspaceId])
      return rows
    },

    async get(workspaceId: string, id: string): Promise<SubscriptionRow | undefined> {
      const { rows } = await db.query<SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
      return rows[0]
    },

    async subscribedTo(workspaceId: string, eventType: string): Promise<SubscriptionRow[]> {
      const { rows } = await db.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE workspace_id = $1 AND enabled AND $2 = ANY(events)`,
        [workspaceId, eventType],
      )
      return rows
    },

    async update(workspaceId: string, id: string, patch: { url?: string; events?: string[]; enabled?: boolean }) {
      const { rows } = await db.query<SubscriptionRow>(
        `UPDATE webhook_subscriptions SET url = coalesce($3, url), events = coalesce($4, events), enabled = coalesce($5, enabled),
           disabled_reason = CASE WHEN $5::boolean THEN NULL ELSE disabled_reason END,
           failing_since = CASE WHEN $5::boolean THEN NULL ELSE failing_since END, updated_at = now()
         WHERE workspace_id = $1 AND id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [workspaceId, id, patch.url ?? null, patch.events ?? null, patch.enabled ?? null],
      )
      return rows[0]
    },

    async remove(workspaceId: string, id: string): Promise<boolean> {
      return (await db.query(`DELETE FROM webhook_subscriptions WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])).rowCount > 0
    },

    async recordSuccess(workspaceId: string, id: string) {
      await db.query(`UPDATE webhook_subscriptions SET failing_since = NULL WHERE workspace_id = $1 AND id = $2 AND failing_since IS NOT NULL`, [workspaceId, id])
    },

    /** True when the subscription has not had one success since this delivery's first attempt. */
    async recordFailure(workspaceId: string, id: string, deliveryId: string): Promise<boolean> {
      const { rows } = await db.query<{ throughout: boolean }>(
        `UPDATE webhook_subscriptions s SET failing_since = coalesce(s.failing_since, d.last_attempt_at, now())
         FROM webhook_deliveries d
         WHERE s.workspace_id = $1 AND s.id = $2 AND d.workspace_id = $1 AND d.id = $3
         RETURNING s.failing_since <= d.first_attempt_at AS throughout`,
        [workspaceId, id, deliveryId],
      )
      return rows[0]?.throughout ?? false
    },

    async disable(workspaceId: string, id: string, reason: string) {
      await db.query(`UPDATE webhook_subscriptions SET enabled = false, disabled_reason = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, reason])
    },
  }
}

export function webhookDeliveriesRepo(db: Queryable) {
  return {
    async create(workspaceId: string, d: { id: string; subscriptionId: string; eventType: string; payload: Record<string, unknown> }) {
      await db.query(
        `INSERT INTO webhook_deliveries (id, workspace_id, subscription_id, event_type, payload) VALUES ($1, $2, $3, $4, $5)`,
        [d.id, workspaceId, d.subscriptionId, d.eventType, JSON.stringify(d.payload)],
      )
    },

    async get(workspaceId: string, id: string): Promise<DeliveryRow | undefined> {
      const { rows } = await db.query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
      return rows[0]
    },

    async list(workspaceId: string, subscriptionId: string, limit: number): Promise<DeliveryRow[]> {
      const { rows } = await db.query<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE workspace_id = $1 AND subscription_id = $2 ORDER BY created_at DESC, id LIMIT $3`,
        [workspaceId, subscriptionId, limit],
      )
      return rows
    },

    async recordAttempt(workspaceId: string, id: string, outcome: { status: DeliveryStatus; statusCode: number | null; error: string | null }) {
      await db.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, status = $3, last_status_code = $4, last_error = left($5, 500),
           first_attempt_at = coalesce(first_attempt_at, now()), last_attempt_at = now(), delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id, outcome.status, outcome.statusCode, outcome.error],
      )
    },

    /** Manual redelivery: the same id and body, a fresh schedule. */
    async reopen(workspaceId: string, id: string) {
      await db.query(`UPDATE webhook_deliveries SET status = 'pending', window_from = now(), first_attempt_at = NULL WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])
    },
  }
}
