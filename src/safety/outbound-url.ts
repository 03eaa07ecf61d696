// SSRF guard for every request Parley sends to an address someone configured (webhook subscribers,
// Chatwoot base URLs). The check runs on the addresses DNS returned, inside the connection's own lookup,
// so a name that resolves to a public address when saved and to 127.0.0.1 later is still refused.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { promises as dns } from 'node:dns'
import { request as httpRequest, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { BlockList, isIP } from 'node:net'
import { AppError } from '../errors.ts'

const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) blocked.addSubnet(net, prefix, 'ipv6')

/** IPv4 hidden in IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as IPv4. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase()
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (dotted) return dotted[1]
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower)
  const m = hex ?? sixToFour
  if (!m) return undefined
  const a = Number.parseInt(m[1], 16)
  const b = Number.parseInt(m[2], 16)
  return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return blocked.check(address, 'ipv4')
  if (family === 6) {
    const v4 = embeddedIpv4(address)
    return v4 ? blocked.check(v4, 'ipv4') : blocked.check(address, 'ipv6')
  }
  return true
}

export interface OutboundPolicy {
  allowPrivateTargets: boolean
}

function parseTarget(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('VALIDATION_FAILED', 'not a URL', { issues: [{ path: 'url', message: 'not a URL' }] })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('VALIDATION_FAILED', 'only http and https targets are allowed', { issues: [{ path: 'url', message: 'http or https only' }] })
  }
  if (url.username || url.password) {
    throw new AppError('VALIDATION_FAILED', 'credentials in the URL are not allowed', { issues: [{ path: 'url', message: 'no user:password@ in the URL' }] })
  }
  return url
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '')

/** At save time: refuses a target whose name resolves (now) to a private address. 400 with the reason. */
export async function assertOutboundUrl(raw: string, policy: OutboundPolicy): Promise<URL> {
  const url = parseTarget(raw)
  if (policy.allowPrivateTargets) return url
  const host = hostOf(url)
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address)
  } catch {
    throw new AppError('VALIDATION_FAILED', `cannot resolve ${host}`, { issues: [{ path: 'url', message: 'host does not resolve' }] })
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new AppError('VALIDATION_FAILED', `${host} resolves to a private, loopback or link-local address; set ALLOW_PRIVATE_TARGETS=true to allow it`, {
      issues: [{ path: 'url', message: 'private network target refused' }],
    })
  }
  return url
}

export class OutboundRefusedError extends Error {}

export interface OutboundResponse {
  status: number
  body: string
}

/**
 * One HTTP request to a configured target, with the address check inside DNS resolution, a hard
 * timeout and no redirects (a 3xx is an answer, never followed to wherever it points).
 */
export async function sendOutbound(
  raw: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number },
  policy: OutboundPolicy,
): Promise<OutboundResponse> {
  const url = parseTarget(raw)
  const host = hostOf(url)
  if (!policy.allowPrivateTargets && isIP(host) && isPrivateAddress(host)) {
    throw new OutboundRefusedError(`${host} is a private, loopback or link-local address`)
  }
  const guardedLookup: RequestOptions['lookup'] = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return (callback as (e: Error | null, a: string | LookupAddress[], f?: number) => void)(err, [])
      const list = addresses as unknown as LookupAddress[]
      const allowed = policy.allowPrivateTargets ? list : list.filter((a) => !isPrivateAddress(a.address))
      const cb = callback as (e: Error | null, a: string | LookupAddress[], f?: number) => void
      if (allowed.length === 0) return cb(new OutboundRefusedError(`${hostname} resolves only to private addresses`), [])
      if ((options as { all?: boolean }).all) return cb(null, allowed)
      cb(null, allowed[0].address, allowed[0].family)
    })
  }
  const requester = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = requester(url, { method: init.method, headers: init.headers, lookup: guardedLookup, timeout: init.timeoutMs, signal: AbortSignal.timeout(init.timeoutMs) }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (c: Buffer) => {
        size += c.length
        // Only the start of an answer matters (status, an id); a huge body is not read into memory.
        if (size <= 1_000_000) chunks.push(c)
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${init.timeoutMs} ms`)))
    req.on('error', (err) => reject(err))
    if (init.body !== undefined) req.write(init.body)
    req.end()
  })
}
