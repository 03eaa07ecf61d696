// Bearer API keys → workspace + role. Every /v1 route declares which roles may call it.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors.ts'
import type { Db } from '../store/db.ts'
import { apiKeysRepo, type ApiKeyPrincipal, type Role } from '../store/workspaces.ts'
import { assertSameSiteWrite, sessionOf } from './session-cookie.ts'

declare module 'fastify' {
  interface FastifyRequest {
    principal?: ApiKeyPrincipal
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; absent = public (health, docs). */
    roles?: Role[]
  }
}

const AUTH_CACHE_MS = 5_000
const AUTH_CACHE_MAX = 10_000

export function principalOf(request: FastifyRequest): ApiKeyPrincipal {
  if (!request.principal) throw new AppError('UNAUTHORIZED', 'missing API key')
  return request.principal
}

export function registerAuth(app: FastifyInstance, db: Db): void {
  const keys = apiKeysRepo(db)
  // A short cache keeps a hot key from costing a query per request; revocation applies within seconds.
  const cache = new Map<string, { principal: ApiKeyPrincipal | undefined; until: number }>()

  app.addHook('onRequest', async (request) => {
    const roles = request.routeOptions.config?.roles
    if (!roles) return
    const header = request.headers.authorization ?? ''
    // The console: no Authorization header, a session cookie instead (writes also need the CSRF token).
    if (!header) {
      const session = await sessionOf(request, db)
      if (session) {
        assertSameSiteWrite(request, session)
        if (!roles.includes(session.role)) throw new AppError('FORBIDDEN', `this route needs one of the roles: ${roles.join(', ')}`)
        request.principal = { keyId: session.keyId, workspaceId: session.workspaceId, role: session.role }
        return
      }
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match) throw new AppError('UNAUTHORIZED', 'send the API key as "Authorization: Bearer <key>"')
    const key = match[1]
    const now = Date.now()
    let hit = cache.get(key)
    if (!hit || hit.until < now) {
      hit = { principal: await keys.authenticate(key), until: now + AUTH_CACHE_MS }
      if (cache.size >= AUTH_CACHE_MAX) cache.clear()
      cache.set(key, hit)
    }
    if (!hit.principal) throw new AppError('UNAUTHORIZED', 'unknown or revoked API key')
    if (!roles.includes(hit.principal.role)) {
      throw new AppError('FORBIDDEN', `this route needs one of the roles: ${roles.join(', ')}`)
    }
    request.principal = hit.principal
  })
}

export const READ_ROLES: Role[] = ['admin', 'agent', 'analyst']
export const WRITE_ROLES: Role[] = ['admin', 'ingest']
export const AGENT_ROLES: Role[] = ['admin', 'agent']
export const ADMIN_ROLES: Role[] = ['admin']
