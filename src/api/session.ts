// Console sign-in: an API key is exchanged for an HttpOnly, SameSite=Strict session cookie. The key is
// read from the JSON body only (never a URL, never stored), and an ingest key gets no console.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import type { Db } from '../store/db.ts'
import { sessionsRepo } from '../store/sessions.ts'
import { apiKeysRepo, workspacesRepo, type Role } from '../store/workspaces.ts'
import { principalOf, READ_ROLES } from './auth.ts'
import { assertSameOrigin, clearSessionCookie, readCookie, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionOf, setSessionCookie } from './session-cookie.ts'

/** Roles that may use the console: everyone but ingestion keys. */
export const CONSOLE_ROLES: Role[] = READ_ROLES

export const sessionResponse = z.object({
  role: z.enum(['admin', 'agent', 'analyst', 'ingest']),
  workspace: z.object({ id: z.string(), name: z.string() }),
  csrfToken: z.string().nullable().describe('send it as X-CSRF-Token on every state-changing request made with the cookie'),
  expiresAt: z.string().nullable(),
})
export type SessionInfo = z.infer<typeof sessionResponse>

export async function sessionRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const sessions = sessionsRepo(db)

  r.post(
    '/v1/session',
    {
      // Guessing keys is pointless (256 bits), but a tight limit keeps sign-in from being a free oracle.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Sign in to the console: exchange an API key for a session cookie (HttpOnly, SameSite=Strict)',
        security: [],
        body: z.object({ apiKey: z.string().trim().min(10).max(200) }),
        response: { 201: sessionResponse },
      },
    },
    async (request, reply) => {
      assertSameOrigin(request)
      const principal = await apiKeysRepo(db).authenticate(request.body.apiKey)
      if (!principal) throw new AppError('UNAUTHORIZED', 'unknown or revoked API key')
      if (!CONSOLE_ROLES.includes(principal.role)) throw new AppError('FORBIDDEN', 'an ingest key cannot sign in to the console')
      await sessions.purgeExpired(principal.workspaceId)
      const { token, session } = await sessions.open(principal, SESSION_TTL_SECONDS)
      const ws = await workspacesRepo(db).get(principal.workspaceId)
      setSessionCookie(request, reply, token, SESSION_TTL_SECONDS)
      reply.header('cache-control', 'no-store')
      return reply.status(201).send({
        role: session.role,
        workspace: { id: principal.workspaceId, name: ws?.name ?? '' },
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      })
    },
  )

  r.get(
    '/v1/session',
    { config: { roles: CONSOLE_ROLES }, schema: { tags: ['session'], summary: 'Who is signed in (cookie or key), with the CSRF token of a cookie session', response: { 200: sessionResponse } } },
    async (request, reply) => {
      const principal = principalOf(request)
      const session = request.headers.authorization ? undefined : await sessionOf(request, db)
      const ws = await workspacesRepo(db).get(principal.workspaceId)
      reply.header('cache-control', 'no-store')
      return { role: principal.role, workspace: { id: principal.workspaceId, name: ws?.name ?? '' }, csrfToken: session?.csrfToken ?? null, expiresAt: session?.expiresAt ?? null }
    },
  )

  r.delete(
    '/v1/session',
    { config: { roles: CONSOLE_ROLES }, schema: { tags: ['session'], summary: 'Sign out: end the cookie session' } },
    async (request, reply) => {
      const token = readCookie(request, SESSION_COOKIE)
      if (token) await sessions.close(principalOf(request).workspaceId, token)
      clearSessionCookie(request, reply)
      return reply.status(204).send()
    },
  )
}
