// The dashboard app's credential: Chatwoot passes none to its iframe, so the app URL carries a token
// signed with a key derived from the connection's webhook secret. It names one connection, expires, and
// rotating the webhook secret revokes every URL handed out before.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const DASHBOARD_TOKEN_DAYS = 180

const keyOf = (webhookSecret: string) => createHash('sha256').update(`parley-dashboard-app:${webhookSecret}`).digest()

export function issueDashboardToken(connectionId: string, webhookSecret: string, now: Date, days = DASHBOARD_TOKEN_DAYS): string {
  const payload = Buffer.from(JSON.stringify({ c: connectionId, exp: Math.floor(now.getTime() / 1000) + days * 86_400 })).toString('base64url')
  const mac = createHmac('sha256', keyOf(webhookSecret)).update(payload).digest('base64url')
  return `${payload}.${mac}`
}

export function checkDashboardToken(token: string, connectionId: string, webhookSecret: string, now: Date): boolean {
  const [payload, mac] = token.split('.')
  if (!payload || !mac) return false
  const expected = createHmac('sha256', keyOf(webhookSecret)).update(payload).digest()
  const given = Buffer.from(mac, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { c?: string; exp?: number }
    return claims.c === connectionId && typeof claims.exp === 'number' && claims.exp * 1000 > now.getTime()
  } catch {
    return false
  }
}
