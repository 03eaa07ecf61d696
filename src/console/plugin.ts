// The web console, served by Parley itself: page shells at /, static assets under /console/, and the
// API routes the console needed (session, inbox, weeks). Pages are enforced here by role; the data
// behind them is enforced again by each /v1 route.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { sessionOf } from '../api/session-cookie.ts'
import { CONSOLE_ROLES } from '../api/session.ts'
import type { Db } from '../store/db.ts'
import { workspacesRepo } from '../store/workspaces.ts'
import { buildConsoleAssets } from './bundle.ts'
import { homeOf, PAGES, renderForbidden, renderShell, renderSignIn, type PageName, type ShellContext } from './pages.ts'

/**
 * No inline script or style, nothing from elsewhere, no framing. `data:` images only for the empty
 * favicon; connect-src 'self' is all the console's fetches need.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const idParam = z.object({ id: z.uuid() })

export async function consolePlugin(app: FastifyInstance, opts: { db: Db }): Promise<void> {
  const { db } = opts
  const assets = await buildConsoleAssets()

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/v1/') || request.url.startsWith('/docs')) return
    reply.header('content-security-policy', CONSOLE_CSP)
    reply.header('x-frame-options', 'DENY')
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    reply.header('cross-origin-opener-policy', 'same-origin')
  })

  app.get('/console/:file', { schema: { hide: true } }, async (request, reply) => {
    const asset = assets[(request.params as { file: string }).file]
    if (!asset) return reply.status(404).type('text/plain').send('not found')
    reply.header('etag', asset.etag).header('cache-control', 'no-cache')
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send()
    return reply.type(asset.type).send(asset.body)
  })

  async function shellContext(request: FastifyRequest): Promise<ShellContext | undefined> {
    const session = await sessionOf(request, db)
    if (!session || !CONSOLE_ROLES.includes(session.role)) return undefined
    const ws = await workspacesRepo(db).get(session.workspaceId)
    return { role: session.role, workspace: ws?.name ?? '', csrfToken: session.csrfToken }
  }

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body)

  async function page(request: FastifyRequest, reply: FastifyReply, name: PageName, params: Record<string, string> = {}) {
    const ctx = await shellContext(request)
    if (!ctx) {
      const expired = Boolean(request.headers.cookie?.includes('parley_session='))
      return reply.redirect(expired ? '/sign-in?expired=1' : '/sign-in', 303)
    }
    if (!PAGES[name].roles.includes(ctx.role)) return html(reply, 403, renderForbidden(ctx, name))
    return html(reply, 200, renderShell(name, ctx, params))
  }

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await shellContext(request)
    return reply.redirect(ctx ? homeOf(ctx.role) : '/sign-in', 303)
  })
  app.get('/sign-in', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await shellContext(request)
    if (ctx) return reply.redirect(homeOf(ctx.role), 303)
    const expired = (request.query as { expired?: string }).expired === '1'
    return html(reply, 200, renderSignIn(expired ? 'Your session has ended. Sign in again.' : undefined))
  })
  for (const name of ['inbox', 'themes', 'ask', 'search', 'settings'] as const) {
    app.get(`/${name}`, { schema: { hide: true } }, (request, reply) => page(request, reply, name))
  }
  app.get('/inbox/:id', { schema: { hide: true } }, (request, reply) => {
    const parsed = idParam.safeParse(request.params)
    if (!parsed.success) return reply.status(404).type('text/plain').send('not found')
    return page(request, reply, 'inbox', { id: parsed.data.id })
  })
  app.get('/conversations/:id', { schema: { hide: true } }, (request, reply) => {
    const parsed = idParam.safeParse(request.params)
    if (!parsed.success) return reply.status(404).type('text/plain').send('not found')
    return page(request, reply, 'conversation', { id: parsed.data.id })
  })
}
