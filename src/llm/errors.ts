// One error type for everything that can go wrong around an LLM call, so callers branch on
// `kind` / `instanceof` instead of parsing messages. What is retryable is decided here only.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/error'

export type LlmErrorKind =
  | 'timeout'
  | 'rate_limit'
  | 'server'
  | 'connection'
  | 'bad_output'
  | 'circuit_open'
  | 'budget'
  | 'aborted'
  | 'client'

/** Transient failures of the endpoint: worth another attempt, and they count against its circuit. */
export const RETRYABLE_KINDS: ReadonlySet<LlmErrorKind> = new Set(['timeout', 'rate_limit', 'server', 'connection'])

export interface LlmErrorOptions {
  status?: number
  /** How long the server asked us to wait (Retry-After / retry-after-ms), when it said so. */
  retryAfterMs?: number
  cause?: unknown
}

export class LlmError extends Error {
  readonly kind: LlmErrorKind
  readonly retryable: boolean
  readonly status?: number
  readonly retryAfterMs?: number

  constructor(kind: LlmErrorKind, message: string, options: LlmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'LlmError'
    this.kind = kind
    this.retryable = RETRYABLE_KINDS.has(kind)
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }
}

export class LlmTimeoutError extends LlmError {
  constructor(message = 'LLM call timed out', o?: LlmErrorOptions) { super('timeout', message, o) }
}
export class LlmRateLimitError extends LlmError {
  constructor(message = 'LLM endpoint rate limit', o?: LlmErrorOptions) { super('rate_limit', message, o) }
}
export class LlmServerError extends LlmError {
  constructor(message = 'LLM endpoint server error', o?: LlmErrorOptions) { super('server', message, o) }
}
export class LlmConnectionError extends LlmError {
  constructor(message = 'LLM endpoint unreachable', o?: LlmErrorOptions) { super('connection', message, o) }
}
export class LlmBadOutputError extends LlmError {
  constructor(message = 'LLM output did not match the schema', o?: LlmErrorOptions) { super('bad_output', message, o) }
}
export class LlmCircuitOpenError extends LlmError {
  constructor(message = 'LLM endpoint circuit is open', o?: LlmErrorOptions) { super('circuit_open', message, o) }
}
export class LlmBudgetError extends LlmError {
  constructor(message = 'LLM token budget exhausted', o?: LlmErrorOptions) { super('budget', message, o) }
}
export class LlmAbortedError extends LlmError {
  constructor(message = 'LLM call aborted by the caller', o?: LlmErrorOptions) { super('aborted', message, o) }
}
export class LlmClientError extends LlmError {
  constructor(message = 'LLM request rejected', o?: LlmErrorOptions) { super('client', message, o) }
}

/** 408 request timeout, 409 conflict (lock contention), 429 and every 5xx are worth retrying. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500
}

const CONNECTION_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN',
  'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED',
])

/** Classifies anything thrown by the openai client, LangChain, fetch or zod into an LlmError. */
export function toLlmError(err: unknown): LlmError {
  if (err instanceof LlmError) return err
  const message = err instanceof Error ? err.message : String(err)
  const name = err instanceof Error ? err.name : ''

  // Order matters: the openai timeout and abort errors are subclasses of APIError without a status.
  if (err instanceof APIConnectionTimeoutError || name === 'TimeoutError') {
    return new LlmTimeoutError(message, { cause: err })
  }
  if (err instanceof APIUserAbortError || name === 'AbortError') return new LlmAbortedError(message, { cause: err })
  const status = statusOf(err)
  if (status !== undefined) return fromStatus(status, message, err)
  if (err instanceof APIConnectionError || hasConnectionCode(err)) return new LlmConnectionError(message, { cause: err })
  if (
    err instanceof SyntaxError ||
    err instanceof LengthFinishReasonError ||
    err instanceof ContentFilterFinishReasonError ||
    name === 'ZodError' ||
    name === '$ZodError'
  ) {
    return new LlmBadOutputError(message, { cause: err })
  }
  return new LlmClientError(message, { cause: err })
}

function fromStatus(status: number, message: string, err: unknown): LlmError {
  const options = { status, cause: err, retryAfterMs: retryAfterMs(err) }
  if (status === 429) return new LlmRateLimitError(message, options)
  if (status === 408) return new LlmTimeoutError(message, options)
  if (isRetryableStatus(status)) return new LlmServerError(message, options)
  return new LlmClientError(message, options)
}

function statusOf(err: unknown): number | undefined {
  if (err instanceof APIError && typeof err.status === 'number') return err.status
  const status = (err as { status?: unknown } | null)?.status
  return typeof status === 'number' && status >= 400 ? status : undefined
}

function hasConnectionCode(err: unknown): boolean {
  // fetch wraps socket errors: TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }).
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true
  }
  return false
}

/** Reads `retry-after-ms` or `retry-after` (seconds or an HTTP date) from an API error's headers. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { headers?: unknown } | null)?.headers
  const get = (h: string): string | null | undefined => {
    if (!headers || typeof headers !== 'object') return undefined
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(h)
    const value = (headers as Record<string, unknown>)[h]
    return typeof value === 'string' ? value : undefined
  }
  const ms = Number(get('retry-after-ms'))
  if (get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms
  const raw = get('retry-after')
  if (!raw) return undefined
  const seconds = Number(raw)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(raw)
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined
}
