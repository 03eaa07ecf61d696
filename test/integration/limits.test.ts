import { afterEach, describe, expect, it } from 'vitest'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>> | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('protection under load', () => {
  it('rate-limits per API key with 429, a stable code and Retry-After', async () => {
    t = await createTestServices({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
    const a = await createWorkspace(t.services)
    const b = await createWorkspace(t.services)
    const codes = []
    for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ method: 'GET', url: '/v1/conversations', headers: a.auth() })).statusCode)
    expect(codes).toEqual([200, 200, 200, 429])
    const limited = await t.app.inject({ method: 'GET', url: '/v1/conversations', headers: a.auth() })
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // Another key has its own allowance.
    expect((await t.app.inject({ method: 'GET', url: '/v1/conversations', headers: b.auth() })).statusCode).toBe(200)
  })

  it('sheds load with 503 + Retry-After when the event loop is blocked, instead of hanging', async () => {
    t = await createTestServices({ env: { MAX_EVENT_LOOP_DELAY_MS: '50' }, app: { pressureSampleIntervalMs: 5 } })
    const ws = await createWorkspace(t.services)
    await t.app.ready()
    const until = Date.now() + 400
    while (Date.now() < until) {
      /* a blocked event loop, as a runaway computation would cause */
    }
    // The overdue sampling timer runs before this one and sees the delay.
    await new Promise((r) => setTimeout(r, 0))
    const res = await t.app.inject({ method: 'GET', url: '/v1/conversations', headers: ws.auth() })
    expect(res.statusCode).toBe(503)
    expect(res.json().error.code).toBe('OVERLOADED')
    expect(res.headers['retry-after']).toBe('5')
  })
})
