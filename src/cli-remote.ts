// A small HTTP client of a running Parley, for the CLI and npm run demo:load: it finds the service,
// sends the API key, and turns every failure into one line that says what to do (no stack traces).
import type { Config } from './config.ts'
import { localServiceUrl, readServiceState } from './service-state.ts'

/** A failure a person can act on; printed as one line. */
export class ServiceClientError extends Error {}

export interface ServiceClient {
  url: string
  /** JSON in, JSON out (or text when `text` is set); throws ServiceClientError on a network error or a non-2xx status. */
  request<T = unknown>(method: string, path: string, opts?: RequestOptions): Promise<T>
  /** The same, with the status code (e.g. 201 created vs 200 updated). */
  call<T = unknown>(method: string, path: string, opts?: RequestOptions): Promise<{ status: number; body: T }>
}

/** `accept`: statuses besides 2xx whose body is the answer (e.g. 422 from an ingest batch whose every item was rejected). */
type RequestOptions = { body?: unknown; text?: boolean; accept?: number[] }

export type ServiceTarget = { url: string; source: string }

/**
 * The running service a command should use instead of opening the store itself: `--url`, PARLEY_URL,
 * or the URL an embedded-store service on this machine recorded (it holds the store, so the CLI cannot
 * open it). Undefined when none is running: the CLI opens the store directly.
 */
export function runningService(config: Config, urlFlag?: string): ServiceTarget | undefined {
  if (urlFlag) return { url: urlFlag.replace(/\/+$/, ''), source: '--url' }
  if (config.client.serviceUrl) return { url: config.client.serviceUrl, source: 'PARLEY_URL' }
  if (config.databaseUrl) return undefined
  const state = readServiceState(config.dataDir)
  return state ? { url: state.url, source: `the service running as process ${state.pid}` } : undefined
}

/** Where a client that must talk to a service sends its requests: a running one, else the service's own PORT/HOST defaults. */
export function serviceTarget(config: Config, urlFlag?: string): ServiceTarget {
  return runningService(config, urlFlag) ?? { url: localServiceUrl(config), source: 'PORT/HOST' }
}

export function createServiceClient(target: ServiceTarget, apiKey: string, fetchImpl: typeof fetch = fetch): ServiceClient {
  async function call<T>(method: string, path: string, opts: RequestOptions = {}): Promise<{ status: number; body: T }> {
    let res: Response
    try {
      res = await fetchImpl(`${target.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      })
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err instanceof Error ? err.message : String(err))
      throw new ServiceClientError(`cannot reach Parley at ${target.url} (${cause}; from ${target.source}): start it with npm start, or point PARLEY_URL or --url at it`)
    }
    const raw = await res.text()
    if (!res.ok && !opts.accept?.includes(res.status)) {
      let detail = raw.slice(0, 200)
      try {
        const { error } = JSON.parse(raw) as { error?: { code?: string; message?: string } }
        if (error) detail = `${error.code}: ${error.message}`
      } catch {
        // not JSON: the start of the body says enough
      }
      const hint = res.status === 401 ? ' (is PARLEY_KEY a key of this service?)' : res.status === 403 ? ' (this needs a key with another role, e.g. admin)' : ''
      throw new ServiceClientError(`${method} ${path} at ${target.url}: HTTP ${res.status} ${detail}${hint}`)
    }
    return { status: res.status, body: (opts.text ? raw : raw ? JSON.parse(raw) : undefined) as T }
  }
  return {
    url: target.url,
    call,
    request: async <T>(method: string, path: string, opts?: RequestOptions) => (await call<T>(method, path, opts)).body,
  }
}
