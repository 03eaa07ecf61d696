// Workspace isolation, and hostile input, on every /v1 route. The route list is read from the app itself, so a route added
// later is swept too: with workspace B's key and A's ids in its path it must never answer 5xx or 2xx,
// never show A's text, and never change what A sees.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

// Texts only workspace A holds; a response to B containing one of them is a leak.
const A_MARKER = 'ALPHAONLY7731'
const A_HANDLE = '@alpha_handle_9931'
const LEAKS = [A_MARKER, A_HANDLE]
// Words both workspaces share, without the marker, so a search or a question finds something in B
// and would find A's messages if scoping failed. Echoing this text back is no leak.
const SHARED_WORDS = 'zebrafish quartz order never arrived'
const MAX_SWEEP_IDS = 40

let t: Awaited<ReturnType<typeof createTestServices>>
let A: Awaited<ReturnType<typeof createWorkspace>>
let B: Awaited<ReturnType<typeof createWorkspace>>
const aIds = { conversation: '', message: '', key: '', workspace: '' }

interface Route {
  method: string
  path: string
}

/** Every registered route, from the router's own printout (includes routes hidden from OpenAPI). */
function registeredRoutes(app: FastifyInstance): Route[] {
  const routes: Route[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!m) continue
    stack.length = m[1].length / 4
    stack.push(m[2])
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, path: stack.join('') })
    }
  }
  return routes
}

const v1Routes = () => registeredRoutes(t.app).filter((r) => r.path.startsWith('/v1/'))
const hasParams = (path: string) => /:\w+/.test(path)
const withId = (path: string, id: string) => path.replace(/:\w+/g, id)

/** A generic request: the shared words in the usual query and body fields, nothing of A's. */
function sweepRequest(method: string, url: string, headers: Record<string, string>) {
  const query = new URLSearchParams({ q: SHARED_WORDS, question: SHARED_WORDS, limit: '50' }).toString()
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH'
  return t.app.inject({
    method: method as 'GET',
    url: `${url}?${query}`,
    headers,
    ...(hasBody ? { payload: { question: SHARED_WORDS, query: SHARED_WORDS, text: SHARED_WORDS, name: 'sweep' } } : {}),
  })
}

/** Timestamps made while answering (generatedAt…) differ per request; anything B changed is older. */
function withoutFreshTimestamps(value: unknown, since: number): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) && Date.parse(v) >= since ? '(now)' : v,
  )
}

/** What A sees on every readable route: must be identical before and after B's sweep. */
async function snapshotOfA(): Promise<Record<string, unknown>> {
  const since = Date.now()
  const snap: Record<string, unknown> = {}
  for (const r of v1Routes().filter((r) => r.method === 'GET')) {
    const urls = hasParams(r.path) ? Object.values(aIds).map((id) => withId(r.path, id)) : [r.path]
    for (const url of urls) {
      const res = await sweepRequest('GET', url, A.auth())
      const body = res.body ? JSON.parse(res.body) : null
      if (body?.error) delete body.error.requestId
      snap[url] = { status: res.statusCode, body }
    }
  }
  return withoutFreshTimestamps(snap, since) as Record<string, unknown>
}

beforeAll(async () => {
  // The sweeps send hundreds of requests with one key.
  t = await createTestServices({ env: { RATE_LIMIT_PER_MINUTE: '100000' } })
  await t.app.ready()
  A = await createWorkspace(t.services)
  B = await createWorkspace(t.services)
  const ingestA = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: A.auth('ingest'),
    payload: {
      conversations: [
        conversation('same-external-id', [['customer', `${A_MARKER} my ${SHARED_WORDS}`], ['agent', `${A_MARKER} we will resend your quartz order`]], { customer: { handle: A_HANDLE } }),
        conversation('a-second', [['customer', `${A_MARKER} zebrafish quartz refund please`]], { customer: { handle: A_HANDLE } }),
      ],
    },
  })
  expect(ingestA.statusCode).toBe(200)
  const ingestB = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: B.auth('ingest'),
    // The same external id as A's: B gets a conversation of its own, A's is untouched.
    payload: { conversations: [conversation('same-external-id', [['customer', 'my zebrafish tank order never arrived either']])] },
  })
  expect(ingestB.json().totals.created).toBe(1)
  await t.services.worker.drain()

  aIds.conversation = ingestA.json().results[0].id
  aIds.message = (await t.app.inject({ url: `/v1/conversations/${aIds.conversation}`, headers: A.auth() })).json().messages[0].id
  aIds.key = (await t.app.inject({ url: '/v1/keys', headers: A.auth() })).json().items[0].id
  aIds.workspace = A.id
})
afterAll(async () => t?.close())

describe('workspace isolation', () => {
  it('enumerates the routes the app registered', () => {
    const found = v1Routes().map((r) => `${r.method} ${r.path}`)
    for (const known of ['GET /v1/conversations', 'POST /v1/conversations', 'GET /v1/conversations/:id', 'GET /v1/search', 'GET /v1/keys', 'POST /v1/keys', 'DELETE /v1/keys/:id', 'GET /v1/workspace']) {
      expect(found).toContain(known)
    }
    // Every documented route was found by the parser (hidden ones may only be in the router).
    const documented = Object.entries((t.app as unknown as { swagger(): { paths: Record<string, object> } }).swagger().paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    expect(found).toEqual(expect.arrayContaining(documented))
  })

  it('does not let B read A’s conversation, list it, or find its messages', async () => {
    const one = await t.app.inject({ url: `/v1/conversations/${aIds.conversation}`, headers: B.auth() })
    expect(one.statusCode).toBe(404)
    expect(one.json().error.code).toBe('NOT_FOUND')

    const list = await t.app.inject({ url: '/v1/conversations?limit=200', headers: B.auth() })
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((c: { externalId: string }) => c.externalId)).toEqual(['same-external-id'])
    expect(list.json().items[0].id).not.toBe(aIds.conversation)

    const search = await t.app.inject({ url: `/v1/search?q=${encodeURIComponent(SHARED_WORDS)}&k=100`, headers: B.auth() })
    expect(search.statusCode).toBe(200)
    expect(search.json().items.length).toBeGreaterThan(0)
    for (const leak of LEAKS) expect(search.body).not.toContain(leak)
    // The same search with A's key does find A's messages: the check above can fail.
    const own = await t.app.inject({ url: `/v1/search?q=${encodeURIComponent(SHARED_WORDS)}&k=100`, headers: A.auth() })
    expect(own.body).toContain(A_MARKER)
  })

  it('does not let B list, revoke or use A’s keys, and names B’s own workspace', async () => {
    const keys = await t.app.inject({ url: '/v1/keys', headers: B.auth() })
    expect(keys.json().items.map((k: { id: string }) => k.id)).not.toContain(aIds.key)
    const revoke = await t.app.inject({ method: 'DELETE', url: `/v1/keys/${aIds.key}`, headers: B.auth() })
    expect(revoke.statusCode).toBe(404)
    expect((await t.app.inject({ url: '/v1/workspace', headers: A.auth() })).statusCode).toBe(200)
    const ws = await t.app.inject({ url: '/v1/workspace', headers: B.auth() })
    expect(ws.json().id).toBe(B.id)
  })

  it('keeps ingestion per workspace: the same external id in B leaves A’s conversation as it was', async () => {
    const before = (await t.app.inject({ url: `/v1/conversations/${aIds.conversation}`, headers: A.auth() })).json()
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: B.auth(),
      payload: { conversations: [conversation('same-external-id', [['customer', 'B rewrites its own message']])] },
    })
    expect(res.json().results[0]).toMatchObject({ status: 'updated' })
    expect(res.json().results[0].id).not.toBe(aIds.conversation)
    const after = (await t.app.inject({ url: `/v1/conversations/${aIds.conversation}`, headers: A.auth() })).json()
    expect(after).toEqual(before)
  })

  it('sweeps every /v1 route with B’s key: no 5xx, no A data, A’s ids never resolve, A’s view unchanged', async () => {
    await snapshotOfA() // A's own first reads may fill caches (themes); that is not B's doing
    const before = await snapshotOfA()
    expect(JSON.stringify(before)).toContain(A_MARKER) // the snapshot does see A's data
    // Every id A can see (themes, articles, suggestions… of routes added later too) is tried in B's paths.
    const harvested = JSON.stringify(before).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []
    const idsOfA = [...new Set([...Object.values(aIds), ...harvested])].slice(0, MAX_SWEEP_IDS)
    expect(idsOfA.length).toBeGreaterThan(Object.keys(aIds).length)
    const checked: string[] = []
    for (const r of v1Routes()) {
      const urls = hasParams(r.path) ? idsOfA.map((id) => withId(r.path, id)) : [r.path]
      for (const url of urls) {
        const res = await sweepRequest(r.method, url, B.auth())
        const what = `${r.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`
        expect(res.statusCode, what).toBeLessThan(500)
        for (const leak of LEAKS) expect(res.body, what).not.toContain(leak)
        // An id of A's in the path must not address anything for B.
        if (hasParams(r.path)) expect(res.statusCode, what).toBeGreaterThanOrEqual(400)
        checked.push(`${r.method} ${r.path}`)
      }
    }
    expect(new Set(checked).size).toBe(v1Routes().length)
    expect(await snapshotOfA()).toEqual(before)
    // A's keys all still work.
    for (const role of ['admin', 'agent', 'analyst'] as const) {
      expect((await t.app.inject({ url: '/v1/workspace', headers: A.auth(role) })).statusCode).toBe(200)
    }
  })
})

// Hostile input on every /v1 route: whatever is sent, the answer is a 4xx (or a 2xx when it is harmless),
// never a 5xx. Query parameters come from the OpenAPI description plus the usual names.
/** Tried on routes missing from the OpenAPI description, whose parameters are unknown. */
const GENERIC_QUERY_PARAMS = ['q', 'k', 'limit', 'cursor', 'channel', 'status', 'from', 'to', 'week', 'format']
const HOSTILE_VALUES = ['\u0000', "' OR 1=1; --", 'x'.repeat(3000), '-1', '2026-02-30T10:00:00Z', '{"$gt":""}']
const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const HOSTILE_CURSORS = [cursorOf(['not a date', 'not-a-uuid']), cursorOf(['2026-01-01T00:00:00Z', "'; --"]), cursorOf([null, '\u0000']), cursorOf([1, 2]), 'not base64 at all!']
const HOSTILE_IDS = ['not-a-uuid', "1' OR '1'='1", '\u0000', 'x'.repeat(2000), '00000000-0000-0000-0000-000000000000', '..%2F..%2Fetc%2Fpasswd']
const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)
const NUL_FIELDS = { name: '\u0000', role: 'admin', question: '\u0000', q: '\u0000', text: '\u0000', field: 'intent', label: '\u0000', feedback: '\u0000', intents: [{ name: '\u0000', description: '\u0000', examples: ['\u0000'] }] }
const HOSTILE_BODIES: Array<{ payload: string; type?: string }> = [
  { payload: '{' },
  { payload: 'null' },
  { payload: '[]' },
  { payload: '"just a string"' },
  { payload: '12345' },
  { payload: deep(5000) },
  { payload: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}' },
  { payload: JSON.stringify(NUL_FIELDS) },
  { payload: JSON.stringify({ conversations: [{ channel: 'x', externalId: '\u0000', customer: '\u0000', messages: [{ externalId: '\u0000', role: 'customer', text: '\u0000a', sentAt: '2026-01-01T00:00:00Z' }] }] }) },
  { payload: JSON.stringify({ name: 'x'.repeat(100_000), text: 'y'.repeat(1_000_000) }) },
  { payload: '<xml/>', type: 'application/xml' },
  { payload: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
]

function documentedQueryParams(): Map<string, string[]> {
  const spec = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> } }).swagger()
  const out = new Map<string, string[]>()
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name))
    }
  }
  return out
}

describe('hostile input on every /v1 route', () => {
  const failures: string[] = []
  async function send(method: string, url: string, payload?: string, type = 'application/json') {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...B.auth(), ...(payload !== undefined ? { 'content-type': type } : {}) },
      ...(payload !== undefined ? { payload } : {}),
    })
    if (res.statusCode >= 500) failures.push(`${method} ${url.slice(0, 120)} ${payload?.slice(0, 80) ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)}`)
    expect(Object.keys(Object.prototype)).toEqual([]) // nothing polluted the prototype
    return res
  }

  it('answers hostile ids, query strings and bodies with a 4xx, never a 5xx', async () => {
    const documented = documentedQueryParams()
    let sent = 0
    for (const r of v1Routes()) {
      const path = withId(r.path, '00000000-0000-4000-8000-000000000000')
      for (const id of hasParams(r.path) ? HOSTILE_IDS : []) {
        await send(r.method, withId(r.path, encodeURIComponent(id)))
        sent++
      }
      const params = documented.get(`${r.method} ${r.path}`) ?? GENERIC_QUERY_PARAMS
      for (const param of params) {
        for (const value of param === 'cursor' ? [...HOSTILE_VALUES, ...HOSTILE_CURSORS] : HOSTILE_VALUES) {
          // Required parameters keep a harmless value, so the hostile one reaches the handler.
          const query = new URLSearchParams({ q: 'refund', question: 'refund', week: '2026-W10', [param]: value })
          await send(r.method, `${path}?${query}`, r.method === 'GET' || r.method === 'DELETE' ? undefined : '{}')
          sent++
        }
      }
      if (r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH') {
        for (const body of HOSTILE_BODIES) {
          await send(r.method, path, body.payload, body.type)
          sent++
        }
      }
    }
    expect(failures).toEqual([])
    expect(sent).toBeGreaterThan(100)
  })
})
