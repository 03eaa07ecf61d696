// Standard Webhooks signatures (https://www.standardwebhooks.com): the secret is "whsec_" + base64 key
// bytes; the signature is base64 HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>", sent as
// "v1,<signature>" (space-separated when several secrets are valid during a rotation).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const SECRET_PREFIX = 'whsec_'
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64')
}

export function isWebhookSecret(secret: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64')
  return key.length >= 24 && key.length <= 64
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64')
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')
  return `v1,${mac}`
}

export interface WebhookHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

export function webhookHeaders(secret: string, id: string, timestampSeconds: number, body: string): WebhookHeaders {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signWebhook(secret, id, timestampSeconds, body) }
}

/** What a receiver runs (the README's "Webhooks" section shows the same for receivers): constant-time, with a timestamp tolerance. */
export function verifyWebhook(secret: string, headers: Record<string, string | undefined>, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const id = headers['webhook-id']
  const ts = Number(headers['webhook-timestamp'])
  const sigs = headers['webhook-signature']
  if (!id || !Number.isFinite(ts) || !sigs) return false
  if (Math.abs(nowSeconds - ts) > SIGNATURE_TOLERANCE_SECONDS) return false
  const expected = Buffer.from(signWebhook(secret, id, ts, body).slice(3), 'base64')
  return sigs.split(' ').some((s) => {
    const [version, value] = s.split(',')
    if (version !== 'v1' || !value) return false
    const given = Buffer.from(value, 'base64')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}
