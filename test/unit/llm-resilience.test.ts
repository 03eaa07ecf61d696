import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import {
  LlmBadOutputError,
  LlmClientError,
  LlmError,
  LlmRateLimitError,
  LlmServerError,
  retryAfterMs,
  toLlmError,
} from '../../src/llm/errors.ts'
import { CircuitBreaker, InMemoryTokenBudget, getBreaker, resetBreakers, withRetry } from '../../src/llm/resilience.ts'

const apiError = (status: number, headers: Record<string, string> = {}) =>
  APIError.generate(status, { error: { message: `status ${status}` } }, undefined, new Headers(headers))

describe('toLlmError', () => {
  it('classifies HTTP statuses: 408/409/429/5xx retryable, other 4xx not', () => {
    expect(toLlmError(apiError(429))).toMatchObject({ kind: 'rate_limit', retryable: true, status: 429 })
    expect(toLlmError(apiError(408))).toMatchObject({ kind: 'timeout', retryable: true })
    expect(toLlmError(apiError(409))).toMatchObject({ kind: 'server', retryable: true })
    expect(toLlmError(apiError(503))).toBeInstanceOf(LlmServerError)
    expect(toLlmError(apiError(400))).toMatchObject({ kind: 'client', retryable: false })
    expect(toLlmError(apiError(401))).toBeInstanceOf(LlmClientError)
  })

  it('classifies connection, timeout, abort and output errors', () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket'), { code: 'ECONNRESET' }) })
    expect(toLlmError(reset)).toMatchObject({ kind: 'connection', retryable: true })
    expect(toLlmError(new APIConnectionError({ message: 'down', cause: undefined }))).toMatchObject({ kind: 'connection' })
    expect(toLlmError(new APIConnectionTimeoutError())).toMatchObject({ kind: 'timeout', retryable: true })
    expect(toLlmError(new DOMException('t', 'TimeoutError'))).toMatchObject({ kind: 'timeout' })
    expect(toLlmError(new APIUserAbortError())).toMatchObject({ kind: 'aborted', retryable: false })
    expect(toLlmError(Object.assign(new Error('x'), { name: 'AbortError' }))).toMatchObject({ kind: 'aborted' })
    expect(toLlmError(new SyntaxError('bad json'))).toBeInstanceOf(LlmBadOutputError)
    const zodFailure = z.object({ a: z.string() }).safeParse({})
    expect(toLlmError(zodFailure.error)).toMatchObject({ kind: 'bad_output', retryable: false })
    expect(toLlmError('weird')).toMatchObject({ kind: 'client', retryable: false })
  })

  it('reads Retry-After in seconds, milliseconds and as an HTTP date', () => {
    expect(toLlmError(apiError(429, { 'retry-after': '7' })).retryAfterMs).toBe(7000)
    expect(retryAfterMs(apiError(429, { 'retry-after-ms': '250' }))).toBe(250)
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(retryAfterMs(apiError(503, { 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }), now)).toBe(30_000)
    expect(retryAfterMs(apiError(429))).toBeUndefined()
  })
})

describe('withRetry', () => {
  const fast = { baseDelayMs: 1, maxDelayMs: 2 }

  it('retries retryable errors up to the limit, then throws the last one', async () => {
    let calls = 0
    const err = await withRetry(async () => {
      calls++
      throw apiError(500)
    }, { retries: 2, ...fast }).catch((e: unknown) => e)
    expect(calls).toBe(3)
    expect(err).toBeInstanceOf(LlmServerError)
  })

  it('returns the first success and reports each retry', async () => {
    const retries: number[] = []
    const value = await withRetry(async (attempt) => {
      if (attempt < 2) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })
      return 'ok'
    }, { retries: 3, ...fast, onRetry: ({ attempt }) => retries.push(attempt) })
    expect(value).toBe('ok')
    expect(retries).toEqual([0, 1])
  })

  it('does not retry errors that are not retryable', async () => {
    let calls = 0
    await expect(withRetry(async () => {
      calls++
      throw apiError(400)
    }, { retries: 3, ...fast })).rejects.toMatchObject({ kind: 'client' })
    expect(calls).toBe(1)
  })

  it('never sleeps past the deadline, even when Retry-After asks for longer', async () => {
    let calls = 0
    const started = Date.now()
    await expect(withRetry(async () => {
      calls++
      throw apiError(429, { 'retry-after': '30' })
    }, { retries: 5, ...fast, deadline: Date.now() + 200 })).rejects.toBeInstanceOf(LlmRateLimitError)
    expect(calls).toBe(1)
    expect(Date.now() - started).toBeLessThan(100)
  })

  it('uses exponential back-off with jitter, capped', async () => {
    const delays: number[] = []
    await withRetry(async () => {
      throw apiError(503)
    }, { retries: 4, baseDelayMs: 1, maxDelayMs: 4, random: () => 1, onRetry: ({ delayMs }) => delays.push(delayMs) }).catch(() => {})
    expect(delays).toEqual([1, 2, 4, 4])
  })

  it('stops when the caller aborts during the back-off', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const started = Date.now()
    await expect(withRetry(async () => {
      throw apiError(503)
    }, { retries: 3, baseDelayMs: 5_000, maxDelayMs: 5_000, random: () => 1, signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' })
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})

describe('CircuitBreaker', () => {
  const clock = () => {
    let t = 1_000_000
    return { now: () => t, advance: (ms: number) => (t += ms) }
  }
  const failure = (status = 503) => toLlmError(apiError(status))

  it('opens after N consecutive failures, rejects while open, half-opens one trial, closes on success', () => {
    const c = clock()
    const breaker = new CircuitBreaker('e', { failureThreshold: 3, cooldownMs: { server: 1_000 }, now: c.now })
    for (let i = 0; i < 2; i++) breaker.recordFailure(failure())
    expect(breaker.state).toBe('closed')
    breaker.recordFailure(failure())
    expect(breaker.state).toBe('open')
    expect(() => breaker.acquire()).toThrow(expect.objectContaining({ kind: 'circuit_open', retryAfterMs: 1_000 }))

    c.advance(1_000)
    expect(breaker.state).toBe('half_open')
    breaker.acquire() // the one trial
    expect(() => breaker.acquire()).toThrow(LlmError)
    breaker.recordSuccess()
    expect(breaker.state).toBe('closed')
    breaker.acquire()
  })

  it('re-opens at once when the half-open trial fails', () => {
    const c = clock()
    const breaker = new CircuitBreaker('e', { failureThreshold: 2, cooldownMs: { server: 500 }, now: c.now })
    breaker.recordFailure(failure())
    breaker.recordFailure(failure())
    c.advance(500)
    breaker.acquire()
    breaker.recordFailure(failure())
    expect(breaker.state).toBe('open')
  })

  it('rests longer after rate limits, and honours Retry-After', () => {
    const c = clock()
    const limited = new CircuitBreaker('a', { failureThreshold: 1, now: c.now })
    limited.recordFailure(failure(429))
    const crashed = new CircuitBreaker('b', { failureThreshold: 1, now: c.now })
    crashed.recordFailure(failure(503))
    c.advance(20_000)
    expect(crashed.state).toBe('half_open')
    expect(limited.state).toBe('open')

    const told = new CircuitBreaker('c', { failureThreshold: 1, now: c.now })
    told.recordFailure(toLlmError(apiError(429, { 'retry-after': '2' })))
    c.advance(1_999)
    expect(told.state).toBe('open')
    c.advance(1)
    expect(told.state).toBe('half_open')
  })

  it('does not count answers that were unusable or requests the caller aborted', () => {
    const breaker = new CircuitBreaker('e', { failureThreshold: 2 })
    breaker.recordFailure(failure())
    breaker.recordFailure(new LlmBadOutputError()) // the endpoint answered: resets the streak
    breaker.recordFailure(failure())
    breaker.recordFailure(toLlmError(new APIUserAbortError()))
    expect(breaker.state).toBe('closed')
  })

  it('keeps one breaker per key in the registry', () => {
    resetBreakers()
    expect(getBreaker('http://x/v1')).toBe(getBreaker('http://x/v1'))
    expect(getBreaker('http://y/v1')).not.toBe(getBreaker('http://x/v1'))
    resetBreakers()
  })
})

describe('InMemoryTokenBudget', () => {
  it('tracks spending per workspace and resets the next UTC day', async () => {
    let now = Date.parse('2025-03-01T23:00:00Z')
    const budget = new InMemoryTokenBudget(100, () => now)
    await budget.consume('w1', 70)
    expect(await budget.remaining('w1')).toBe(30)
    expect(await budget.remaining('w2')).toBe(100)
    await budget.consume('w1', 50)
    expect(await budget.remaining('w1')).toBe(0)
    now += 2 * 3600_000
    expect(await budget.remaining('w1')).toBe(100)
  })
})
