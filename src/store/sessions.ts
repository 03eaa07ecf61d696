// Console sessions: a random token (cookie) → the API key it was opened with. The key's role and
// revocation are read on every lookup, so revoking a key also ends its browser sessions.
import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from './db.ts'
import type { ApiKeyPrincipal, Role } from './workspaces.ts'

export interface ConsoleSession extends ApiKeyPrincipal {
  csrfToken: string
  expiresAt: string
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function sessionsRepo(db: Queryable) {
  return {
    /** Returns the plain token once; only its hash is stored. */
    async open(principal: ApiKeyPrincipal, ttlSeconds: number): Promise<{ token: string; session: ConsoleSession }> {
      const token = randomBytes(32).toString('base64url')
      const csrfToken = randomBytes(24).toString('base64url')
      const { rows } = await db.query<{ expiresAt: Date }>(
        `INSERT INTO console_sessions (token_hash, workspace_id, key_id, csrf_token, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at AS "expiresAt"`,
        [hashToken(token), principal.workspaceId, principal.keyId, csrfToken, ttlSeconds],
      )
      return { token, session: { ...principal, csrfToken, expiresAt: new Date(rows[0].expiresAt).toISOString() } }
    },
    async lookup(token: string): Promise<ConsoleSession | undefined> {
      const { rows } = await db.query<{ keyId: string; workspaceId: string; role: Role; csrfToken: string; expiresAt: Date }>(
        `SELECT k.id AS "keyId", s.workspace_id AS "workspaceId", k.role, s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt"
         FROM console_sessions s JOIN api_keys k ON k.id = s.key_id AND k.workspace_id = s.workspace_id
         WHERE s.token_hash = $1 AND s.expires_at > now() AND k.revoked_at IS NULL`,
        [hashToken(token)],
      )
      const r = rows[0]
      return r ? { ...r, expiresAt: new Date(r.expiresAt).toISOString() } : undefined
    },
    async close(workspaceId: string, token: string): Promise<void> {
      await db.query(`DELETE FROM console_sessions WHERE workspace_id = $1 AND token_hash = $2`, [workspaceId, hashToken(token)])
    },
    /** Expired rows are useless; sign-in sweeps them so the table does not grow without bound. */
    async purgeExpired(workspaceId: string): Promise<void> {
      await db.query(`DELETE FROM console_sessions WHERE workspace_id = $1 AND expires_at <= now()`, [workspaceId])
    },
  }
}
