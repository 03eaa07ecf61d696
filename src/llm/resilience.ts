// The one retry layer, the circuit breakers and the token budgets for LLM calls. The openai client
// and LangChain are configured with zero retries so attempts are never multiplied.
import { setTimeout as sleep } from 'node:timers/promises'
import {
  LlmAbortedError,
  LlmCircuitOpenError,
  LlmTimeoutError,
  toLlmError,
  type LlmError,
  type LlmErrorKind,
} from './errors.ts'

export const DEFAULT_BREAKER_FAILURE_THRESHOLD = 5
/** A rate-limited endpoint needs longer to recover than one that dropped a connection. */
export const DEFAULT_BREAKER_COOLDOWN_MS: Readonly<Record<BreakerFailureKind, number>> = {
  rate_limit: 60_000,
  timeout: 30_000,
  server: 20_000,
  connection: 10_000,
}
/** A Retry-After longer than this is treated as this: we would rather probe again than go dark. */
export const MAX_BREAKER_COOLDOWN_MS = 10 * 60_000
export const DEFAULT_RETRY_BASE_DELAY_MS = 250
export const DEFAULT_RETRY_MAX_DELAY_MS = 4_000

export type BreakerFailureKind = 'rate_limit' | 'timeout' | 'server' | 'connection'
export type BreakerState = 'closed' | 'open' | 'half_open'

export interface CircuitBreakerOptions {
  failureThreshold?: number
  cooldownMs?: Partial<Record<BreakerFailureKind, number>>
  now?: () => number
}

const COUNTED: ReadonlySet<LlmErrorKind> = new Set<BreakerFailureKind>(['rate_limit', 'timeout', 'server', 'connection'])
/** The endpoint answered, so it is healthy even if the answer was unusable. */
const ENDPOINT_ANSWERED: ReadonlySet<LlmErrorKind> = new Set<LlmErrorKind>(['bad_output', 'client'])

/**
 * Opens after `failureThreshold` consecutive endpoint failures and rejects calls for a cool-down
 * that depends on the last failure's kind (or its Retry-After). After the cool-down one trial call
 * is let through (half-open); its success closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  readonly key: string
  private readonly threshold: number
  private readonly cooldowns: Record<BreakerFailureKind, number>
  private readonly now: () => number
  private consecutiveFailures = 0
  private openUntil = 0
  private isOpen = false
  private trialStartedAt: number | undefined

  constructor(key: string, options: CircuitBreakerOptions = {}) {
    this.key = key
    this.threshold = options.failureThreshold ?? DEFAULT_BREAKER_FAILURE_THRESHOLD
    this.cooldowns = { ...DEFAULT_BREAKER_COOLDOWN_MS, ...options.cooldownMs }
    this.now = options.now ?? Date.now
  }

  get state(): BreakerState {
    if (!this.isOpen) return 'closed'
    return this.now() >= this.openUntil ? 'half_open' : 'open'
  }

  /** Call before each attempt; throws `circuit_open` when the endpoint is resting. */
  acquire(): void {
    if (!this.isOpen) return
    const now = this.now()
    if (now < this.openUntil) {
      throw new LlmCircuitOpenError(`circuit open for ${this.key}`, { retryAfterMs: this.openUntil - now })
    }
    // A trial whose caller never reported back (crash, lost promise) must not block forever.
    const trialStuck = this.trialStartedAt !== undefined && now - this.trialStartedAt > this.cooldowns.timeout
    if (this.trialStartedAt !== undefined && !trialStuck) {
      throw new LlmCircuitOpenError(`circuit half-open for ${this.key}: trial call in flight`, { retryAfterMs: 0 })
    }
    this.trialStartedAt = now
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0
    this.isOpen = false
    this.trialStartedAt = undefined
  }

  recordFailure(error: LlmError): void {
    if (ENDPOINT_ANSWERED.has(error.kind)) return this.recordSuccess()
    if (!COUNTED.has(error.kind)) {
      this.trialStartedAt = undefined // aborted by the caller or refused locally: says nothing about the endpoint
      return
    }
    // The streak only resets on success, so a failed half-open trial re-opens the circuit too.
    this.consecutiveFailures++
    this.trialStartedAt = undefined
    if (this.consecutiveFailures >= this.threshold) {
      const cooldown = error.retryAfterMs ?? this.cooldowns[error.kind as BreakerFailureKind]
      this.isOpen = true
      this.openUntil = this.now() + Math.min(cooldown, MAX_BREAKER_COOLDOWN_MS)
    }
  }
}

const breakers = new Map<string, CircuitBreaker>()

/** One breaker per endpoint (the base URL) for the whole process; options apply on first use. */
export function getBreaker(key: string, options?: CircuitBreakerOptions): CircuitBreaker {
  let breaker = breakers.get(key)
  if (!breaker) {
    breaker = new CircuitBreaker(key, options)
    breakers.set(key, breaker)
  }
  return breaker
}

/** Breakers currently refusing calls (open), for the metrics endpoint. */
export function openBreakerCount(): number {
  return [...breakers.values()].filter((b) => b.state === 'open').length
}

/** For tests: forget every breaker. */
export function resetBreakers(): void {
  breakers.clear()
}

export interface RetryOptions {
  /** Extra attempts after the first. */
  retries: number
  baseDelayMs?: number
  maxDelayMs?: number
  signal?: AbortSignal
  /** Epoch ms: no attempt starts and no back-off sleeps past it. */
  deadline?: number
  onRetry?: (info: { attempt: number; delayMs: number; error: LlmError }) => void
  now?: () => number
  random?: () => number
}

/**
 * Runs `fn` (given the 0-based attempt number) and retries only retryable LlmErrors, with
 * exponential back-off and full jitter, at least the server's Retry-After, never past the deadline.
 * Always rejects with an LlmError.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const base = options.baseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS
  const max = options.maxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS

  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw new LlmAbortedError(undefined, { cause: options.signal.reason })
    if (options.deadline !== undefined && now() >= options.deadline) throw new LlmTimeoutError('LLM time budget spent')
    let error: LlmError
    try {
      return await fn(attempt)
    } catch (err) {
      error = toLlmError(err)
    }
    if (!error.retryable || attempt >= options.retries) throw error
    const backoff = Math.min(max, base * 2 ** attempt) * random()
    const delayMs = Math.max(backoff, error.retryAfterMs ?? 0)
    if (options.deadline !== undefined && now() + delayMs >= options.deadline) throw error
    options.onRetry?.({ attempt, delayMs, error })
    try {
      await sleep(delayMs, undefined, { signal: options.signal })
    } catch {
      throw new LlmAbortedError(undefined, { cause: options.signal?.reason })
    }
  }
}

/** Tokens a workspace may still spend today. A store-backed implementation can derive it from the audit rows. */
export interface TokenBudget {
  remaining(workspaceId: string): Promise<number>
  /** Optional: implementations that do not derive spending from the audit log are told about it here. */
  consume?(workspaceId: string, tokens: number): Promise<void>
}

/** Per-workspace daily budget kept in memory (tests, single-process demos). Resets at UTC midnight. */
export class InMemoryTokenBudget implements TokenBudget {
  private readonly spent = new Map<string, number>()

  constructor(
    private readonly tokensPerDay: number,
    private readonly now: () => number = Date.now,
  ) {}

  async remaining(workspaceId: string): Promise<number> {
    return Math.max(0, this.tokensPerDay - (this.spent.get(this.key(workspaceId)) ?? 0))
  }

  async consume(workspaceId: string, tokens: number): Promise<void> {
    const key = this.key(workspaceId)
    this.spent.set(key, (this.spent.get(key) ?? 0) + tokens)
  }

  private key(workspaceId: string): string {
    return `${workspaceId}|${new Date(this.now()).toISOString().slice(0, 10)}`
  }
}
