// Chatwoot's webhook signature: X-Chatwoot-Signature = "sha256=" + hex HMAC-SHA256(secret,
// "<X-Chatwoot-Timestamp>.<raw body>"). Compared in constant time over the raw bytes as received.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const MAX_WEBHOOK_AGE_SECONDS = 5 * 60

export function signChatwoot(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')
}

export function verifyChatwootSignature(secret: string, timestamp: string | undefined, rawBody: Buffer, header: string | undefined): boolean {
  if (!timestamp || !header) return false
  const given = Buffer.from(header.trim().replace(/^sha256=/i, ''), 'hex')
  const expected = Buffer.from(signChatwoot(secret, timestamp, rawBody).slice('sha256='.length), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function isStale(timestamp: string, nowMs: number): boolean {
  const ts = Number(timestamp)
  return !Number.isFinite(ts) || Math.abs(nowMs / 1000 - ts) > MAX_WEBHOOK_AGE_SECONDS
}
