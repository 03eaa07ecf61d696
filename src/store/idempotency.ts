// Stored responses of requests sent with an Idempotency-Key, so a retried request gets the same answer.
import type { Queryable } from './db.ts'

export interface StoredResponse {
  requestHash: string
  statusCode: number
  response: unknown
}

export function idempotencyRepo(db: Queryable) {
  return {
    async get(workspaceId: string, key: string): Promise<StoredResponse | undefined> {
      const { rows } = await db.query<StoredResponse>(
        `SELECT request_hash AS "requestHash", status_code AS "statusCode", response FROM idempotency_keys WHERE workspace_id = $1 AND key = $2`,
        [workspaceId, key],
      )
      return rows[0]
    },
    /** The first response stored under a key stays: a concurrent duplicate does not overwrite it. */
    async save(workspaceId: string, key: string, stored: StoredResponse): Promise<void> {
      await db.query(
        `INSERT INTO idempotency_keys (workspace_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [workspaceId, key, stored.requestHash, stored.statusCode, JSON.stringify(stored.response)],
      )
    },
  }
}
