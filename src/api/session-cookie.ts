// The console's browser session: reading the cookie, and the CSRF rule for requests that carry it.
// Kept apart from the routes so auth.ts can use it without importing route code.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../errors.ts'
import type { Queryable } from '../store/db.ts'
import { sessionsRepo, type ConsoleSession } from '../store/sessions.ts'

export const SESSION_COOKIE = 'parley_session'
export const CSRF_HEADER = 'x-csrf-token'
/** A working day: long enough for a shift, short enough that a forgotten browser does not stay open. */
export const SESSION_TTL_SECONDS = 8 * 60 * 60
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

export async function sessionOf(request: FastifyRequest, db: Queryable): Promise<ConsoleSession | undefined> {
  const token = readCookie(request, SESSION_COOKIE)
  // Tokens are 43 base64url characters; anything else is not worth a query.
  if (!token || !/^[\w-]{20,100}$/.test(token)) return undefined
  return sessionsRepo(db).lookup(token)
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * A cookie rides along on any request the browser makes, including a form another site submits.
 * State-changing requests must therefore prove they come from the console: the per-session token in
 * a header (a cross-site form cannot set headers), and no foreign Origin.
 */
export function assertSameSiteWrite(request: FastifyRequest, session: ConsoleSession): void {
  if (SAFE_METHODS.has(request.method)) return
  assertSameOrigin(request)
  const sent = request.headers[CSRF_HEADER]
  if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
    throw new AppError('FORBIDDEN', 'missing or wrong CSRF token for a cookie-authenticated request')
  }
}

/** Refuses a request a browser marked as coming from another site (sign-in too: no login CSRF). */
export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') throw new AppError('FORBIDDEN', 'cross-site request refused')
  const origin = request.headers.origin
  if (origin && origin !== 'null') {
    let host: string | undefined
    try {
      host = new URL(origin).host
    } catch {
      host = undefined
    }
    if (host !== request.host) throw new AppError('FORBIDDEN', 'cross-origin request refused')
  } else if (origin === 'null') {
    throw new AppError('FORBIDDEN', 'opaque-origin request refused')
  }
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const secure = request.protocol === 'https' ? '; Secure' : ''
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`)
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.protocol === 'https' ? '; Secure' : ''
  reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`)
}
