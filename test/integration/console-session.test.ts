// The console's session over HTTP (no browser): cookie attributes, CSRF on writes, role-gated pages,
// expiry, sign-out, revocation, and the security headers of every console page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
let ws: Awaited<ReturnType<typeof createWorkspace>>

beforeAll(async () => {
  t = await createTestServices()
  ws = await createWorkspace(t.services)
  const res = await t.app.inject({
    method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'),
    payload: { conversations: [conversation('a1', [['customer', 'My router is dead, help?']]), conversation('a2', [['customer', 'Hi'], ['agent', 'Hello! How can we help?']])] },
  })
  expect(res.statusCode).toBe(200)
})
afterAll(async () => t?.close())

async function signIn(role: 'admin' | 'agent' | 'analyst' | 'ingest') {
  const res = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { apiKey: ws.keys[role] } })
  const cookie = String(res.headers['set-cookie'] ?? '')
  return { res, cookie, token: cookie.split(';')[0], csrf: res.statusCode === 201 ? (res.json().csrfToken as string) : '' }
}

describe('console session', () => {
  it('exchanges a key for an HttpOnly, SameSite=Strict cookie that never contains the key', async () => {
    const { res, cookie } = await signIn('agent')
    expect(res.statusCode).toBe(201)
    expect(cookie).toMatch(/^parley_session=[\w-]{40,};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toMatch(/Max-Age=\d+/)
    expect(cookie).not.toContain(ws.keys.agent)
    expect(res.json()).toMatchObject({ role: 'agent', csrfToken: expect.any(String) })
  })

  it('refuses unknown keys and gives an ingest key no console', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { apiKey: 'pk_not_a_real_key_at_all' } })
    expect(bad.statusCode).toBe(401)
    const ingest = await signIn('ingest')
    expect(ingest.res.statusCode).toBe(403)
    expect(ingest.cookie).toBe('')
  })

  it('refuses a sign-in posted from another site', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/session', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, payload: { apiKey: ws.keys.agent } })
    expect(res.statusCode).toBe(403)
  })

  it('reads with the cookie, but writes only with the CSRF token and no foreign origin', async () => {
    const { token, csrf } = await signIn('agent')
    const read = await t.app.inject({ method: 'GET', url: '/v1/inbox', headers: { cookie: token } })
    expect(read.statusCode).toBe(200)
    const conv = read.json().items.find((c: { externalId: string }) => c.externalId === 'a1')
    expect(conv.awaiting).toBe(true)
    const detail = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${conv.id}`, headers: { cookie: token } })).json()
    const messageId = detail.messages[0].id
    const correction = { field: 'sentiment', label: 'negative' }
    const noToken = await t.app.inject({ method: 'POST', url: `/v1/messages/${messageId}/corrections`, headers: { cookie: token }, payload: correction })
    expect(noToken.statusCode).toBe(403)
    const wrongToken = await t.app.inject({ method: 'POST', url: `/v1/messages/${messageId}/corrections`, headers: { cookie: token, 'x-csrf-token': csrf.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }, payload: correction })
    expect(wrongToken.statusCode).toBe(403)
    const foreign = await t.app.inject({ method: 'POST', url: `/v1/messages/${messageId}/corrections`, headers: { cookie: token, 'x-csrf-token': csrf, origin: 'https://evil.example' }, payload: correction })
    expect(foreign.statusCode).toBe(403)
    const { rows: before } = await t.services.db.query(`SELECT 1 FROM corrections WHERE workspace_id = $1`, [ws.id])
    expect(before).toHaveLength(0)
    const ok = await t.app.inject({ method: 'POST', url: `/v1/messages/${messageId}/corrections`, headers: { cookie: token, 'x-csrf-token': csrf }, payload: correction })
    expect(ok.statusCode).toBe(201)
  })

  it('lists awaiting conversations before answered ones', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/inbox', headers: ws.auth('agent') })
    const items = res.json().items as Array<{ externalId: string; awaiting: boolean }>
    expect(items.map((i) => [i.externalId, i.awaiting])).toEqual([['a1', true], ['a2', false]])
    const awaitingOnly = await t.app.inject({ method: 'GET', url: '/v1/inbox?awaiting=true', headers: ws.auth('agent') })
    expect(awaitingOnly.json().items.map((i: { externalId: string }) => i.externalId)).toEqual(['a1'])
  })

  it('serves pages by role and enforces it on the server', async () => {
    const analyst = await signIn('analyst')
    const inbox = await t.app.inject({ method: 'GET', url: '/inbox', headers: { cookie: analyst.token } })
    expect(inbox.statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/v1/inbox', headers: { cookie: analyst.token } })).statusCode).toBe(403)
    const themes = await t.app.inject({ method: 'GET', url: '/themes', headers: { cookie: analyst.token } })
    expect(themes.statusCode).toBe(200)
    expect(themes.body).not.toContain('href="/inbox"')
    expect(themes.body).not.toContain('href="/settings"')
    const agent = await signIn('agent')
    expect((await t.app.inject({ method: 'GET', url: '/settings', headers: { cookie: agent.token } })).statusCode).toBe(403)
    const admin = await signIn('admin')
    const settings = await t.app.inject({ method: 'GET', url: '/settings', headers: { cookie: admin.token } })
    expect(settings.statusCode).toBe(200)
    expect(settings.body).toContain('href="/settings"')
  })

  it('sends a strict CSP without inline script and forbids framing', async () => {
    const { token } = await signIn('agent')
    for (const url of ['/sign-in', '/inbox']) {
      const res = await t.app.inject({ method: 'GET', url, headers: url === '/sign-in' ? {} : { cookie: token } })
      const csp = String(res.headers['content-security-policy'])
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i)
      expect(res.body).not.toMatch(/\son\w+=/i)
    }
    const js = await t.app.inject({ method: 'GET', url: '/console/app.js' })
    expect(js.statusCode).toBe(200)
    expect(js.headers['content-type']).toContain('javascript')
  })

  it('sends people without a session, or with an expired one, to sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/' })).headers.location).toBe('/sign-in')
    const { token } = await signIn('agent')
    await t.services.db.query(`UPDATE console_sessions SET expires_at = now() - interval '1 second' WHERE workspace_id = $1`, [ws.id])
    const page = await t.app.inject({ method: 'GET', url: '/inbox', headers: { cookie: token } })
    expect(page.statusCode).toBe(303)
    expect(page.headers.location).toBe('/sign-in?expired=1')
    expect((await t.app.inject({ method: 'GET', url: '/v1/inbox', headers: { cookie: token } })).statusCode).toBe(401)
  })

  it('ends the session on sign-out and when its key is revoked', async () => {
    const a = await signIn('agent')
    const out = await t.app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie: a.token, 'x-csrf-token': a.csrf } })
    expect(out.statusCode).toBe(204)
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0')
    expect((await t.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: a.token } })).statusCode).toBe(401)
    const b = await signIn('analyst')
    expect((await t.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: b.token } })).statusCode).toBe(200)
    const { rows } = await t.services.db.query<{ id: string }>(`SELECT id FROM api_keys WHERE workspace_id = $1 AND role = 'analyst'`, [ws.id])
    await t.app.inject({ method: 'DELETE', url: `/v1/keys/${rows[0].id}`, headers: ws.auth('admin') })
    expect((await t.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: b.token } })).statusCode).toBe(401)
  })
})
