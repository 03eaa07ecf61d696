import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from './db.ts'

export type Role = 'admin' | 'agent' | 'analyst' | 'ingest'
export const ROLES: Role[] = ['admin', 'agent', 'analyst', 'ingest']

export interface Workspace {
  id: string
  name: string
  settings: WorkspaceSettings
}

/** Free-form per-workspace settings; each feature reads its own key (taxonomy, voice, channels). */
export type WorkspaceSettings = Record<string, unknown>

export interface ApiKeyPrincipal {
  keyId: string
  workspaceId: string
  role: Role
}

const KEY_PREFIX = 'pk_'

/** API keys are 256-bit random, so a fast hash is enough: there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url')
}

export function workspacesRepo(db: Queryable) {
  return {
    async create(name: string, settings: WorkspaceSettings = {}): Promise<Workspace> {
      const { rows } = await db.query<Workspace>(
        `INSERT INTO workspaces (name, settings) VALUES ($1, $2) RETURNING id, name, settings`,
        [name, JSON.stringify(settings)],
      )
      return rows[0]
    },
    async get(id: string): Promise<Workspace | undefined> {
      const { rows } = await db.query<Workspace>(`SELECT id, name, settings FROM workspaces WHERE id = $1`, [id])
      return rows[0]
    },
    async byName(name: string): Promise<Workspace | undefined> {
      const { rows } = await db.query<Workspace>(`SELECT id, name, settings FROM workspaces WHERE name = $1`, [name])
      return rows[0]
    },
    async list(): Promise<Workspace[]> {
      const { rows } = await db.query<Workspace>(`SELECT id, name, settings FROM workspaces ORDER BY created_at`)
      return rows
    },
    async count(): Promise<number> {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM workspaces`)
      return rows[0].n
    },
    /** Serialises first-start bootstrap across processes sharing the database (held until the transaction ends). */
    async lockForBootstrap(): Promise<void> {
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('parley:bootstrap'))`)
    },
    /** Merges one settings key (shallow), so features do not overwrite each other's settings. */
    async setSetting(id: string, key: string, value: unknown): Promise<WorkspaceSettings> {
      const { rows } = await db.query<{ settings: WorkspaceSettings }>(
        `UPDATE workspaces SET settings = settings || jsonb_build_object($2::text, $3::jsonb) WHERE id = $1 RETURNING settings`,
        [id, key, JSON.stringify(value)],
      )
      return rows[0]?.settings ?? {}
    },
  }
}

export function apiKeysRepo(db: Queryable) {
  return {
    /** Returns the plain key exactly once; only its hash is stored. */
    async create(workspaceId: string, role: Role, name: string, plainKey = generateApiKey()): Promise<{ id: string; key: string }> {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [workspaceId, name, plainKey.slice(0, 10), hashApiKey(plainKey), role],
      )
      return { id: rows[0].id, key: plainKey }
    },
    async authenticate(plainKey: string): Promise<ApiKeyPrincipal | undefined> {
      // last_used_at is refreshed at most once a minute so a busy key does not write on every request.
      const { rows } = await db.query<ApiKeyPrincipal>(
        `WITH k AS (SELECT id, workspace_id, role, last_used_at FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL),
         touched AS (UPDATE api_keys SET last_used_at = now()
           WHERE id IN (SELECT id FROM k WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
         SELECT id AS "keyId", workspace_id AS "workspaceId", role FROM k`,
        [hashApiKey(plainKey)],
      )
      return rows[0]
    },
    async list(workspaceId: string) {
      const { rows } = await db.query(
        `SELECT id, name, prefix, role, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
         FROM api_keys WHERE workspace_id = $1 ORDER BY created_at`,
        [workspaceId],
      )
      return rows
    },
    async revoke(workspaceId: string, id: string): Promise<boolean> {
      const res = await db.query(
        `UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL`,
        [workspaceId, id],
      )
      return res.rowCount > 0
    },
  }
}
