import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>

beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

async function countRows(workspaceId: string) {
  const { rows } = await t.services.db.query<{ c: number; m: number }>(
    `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS c,
            (SELECT count(*)::int FROM messages WHERE workspace_id = $1) AS m`,
    [workspaceId],
  )
  return rows[0]
}

describe('POST /v1/conversations', () => {
  it('creates, then re-sending the same batch changes nothing, then an edit is an update', async () => {
    const ws = await createWorkspace(t.services)
    const batch = {
      conversations: [
        conversation('c1', [['customer', 'My router keeps dropping wifi'], ['agent', 'Sorry! Please restart it ^AB']]),
        conversation('c2', [['customer', 'Was charged twice this month']]),
      ],
    }
    const first = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'), payload: batch })
    expect(first.statusCode).toBe(200)
    expect(first.json().totals).toMatchObject({ created: 2, messages: { created: 3 } })

    const again = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'), payload: batch })
    expect(again.json().totals).toMatchObject({ created: 0, updated: 0, unchanged: 2, messages: { created: 0, updated: 0, unchanged: 3 } })
    expect(await countRows(ws.id)).toEqual({ c: 2, m: 3 })

    batch.conversations[1].messages[0].text = 'Was charged twice this month, please refund'
    const edited = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'), payload: batch })
    expect(edited.json().results.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'updated'])
    expect(await countRows(ws.id)).toEqual({ c: 2, m: 3 })
  })

  it('rejects only the invalid items, with field paths, and keeps the valid ones', async () => {
    const ws = await createWorkspace(t.services)
    const bad = conversation('bad', [['customer', 'hello']]) as any
    bad.messages[0].sentAt = 'yesterday'
    bad.messages[0].role = 'bot'
    const { customer: _, ...anonymous } = conversation('anonymous', [['customer', 'hello']]) as any
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: ws.auth(),
      payload: { conversations: [conversation('good', [['customer', 'hi there']]), bad, anonymous] },
    })
    expect(res.statusCode).toBe(200)
    const [good, rejected, unnamed] = res.json().results
    // A missing customer says what goes there (a union's own message was "Invalid input").
    expect(unnamed.errors).toEqual([{ path: 'conversations.2.customer', message: expect.stringMatching(/^required: the customer’s handle/) }])
    expect(good.status).toBe('created')
    expect(rejected.status).toBe('rejected')
    const paths = rejected.errors.map((e: { path: string }) => e.path)
    expect(paths).toContain('conversations.1.messages.0.sentAt')
    expect(paths).toContain('conversations.1.messages.0.role')
    expect(await countRows(ws.id)).toEqual({ c: 1, m: 1 })
  })

  it('answers malformed, oversized and hostile payloads with a 4xx and a stable code', async () => {
    const ws = await createWorkspace(t.services)
    const cases = [
      { payload: '{"conversations": [', type: 'application/json', code: 'INVALID_JSON', status: 400 },
      { payload: { conversations: 'nope' }, code: 'VALIDATION_FAILED', status: 400 },
      { payload: { conversations: [] }, code: 'VALIDATION_FAILED', status: 400 },
      { payload: 'just text', type: 'text/plain', code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
      { payload: JSON.stringify({ conversations: [conversation('big', [['customer', 'x'.repeat(6_000_000)]])] }), type: 'application/json', code: 'PAYLOAD_TOO_LARGE', status: 413 },
      { payload: '{"__proto__": {"polluted": true}, "conversations": 1}', type: 'application/json', code: 'INVALID_JSON', status: 400 },
    ]
    for (const c of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/conversations',
        headers: { ...ws.auth(), ...(c.type ? { 'content-type': c.type } : {}) },
        payload: c.payload as any,
      })
      expect(res.statusCode, JSON.stringify(c).slice(0, 80)).toBe(c.status)
      expect(res.json().error.code).toBe(c.code)
    }
    expect(({} as any).polluted).toBeUndefined()
    const allBad = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: ws.auth(),
      payload: { conversations: [{ channel: 'X!', externalId: '', messages: [] }] },
    })
    expect(allBad.statusCode).toBe(422)
    expect(await countRows(ws.id)).toEqual({ c: 0, m: 0 })
  })

  it('normalises text: NFC, no control characters, capped length', async () => {
    const ws = await createWorkspace(t.services)
    const decomposed = 'Cafe\u0301 \u0007ouvert\u202E?'
    await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [conversation('n1', [['customer', decomposed], ['customer', 'y'.repeat(20_000)]])] } })
    const { rows } = await t.services.db.query<{ text: string }>(`SELECT text FROM messages WHERE workspace_id = $1 ORDER BY sent_at`, [ws.id])
    expect(rows[0].text).toBe('Café ouvert?')
    expect(rows[1].text.length).toBe(10_000)
  })

  it('replays a response for the same Idempotency-Key and refuses a different body under it', async () => {
    const ws = await createWorkspace(t.services)
    const payload = { conversations: [conversation('idem', [['customer', 'hello']])] }
    const headers = { ...ws.auth(), 'idempotency-key': 'abc-1' }
    const a = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload })
    const b = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload })
    expect(b.json()).toEqual(a.json())
    expect(b.headers['idempotent-replayed']).toBe('true')
    const c = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: { conversations: [conversation('other', [['customer', 'x']])] } })
    expect(c.statusCode).toBe(409)
  })
})

describe('search', () => {
  it('finds similar messages after the worker embeds them, scoped to the workspace', async () => {
    const ws = await createWorkspace(t.services)
    const other = await createWorkspace(t.services)
    const convs = [
      conversation('s1', [['customer', 'My parcel delivery is late again, where is my package?']]),
      conversation('s2', [['customer', 'I was charged twice on my credit card bill']]),
      conversation('s3', [['customer', 'Le colis n’est toujours pas livré, livraison en retard']]),
    ]
    await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: convs } })
    await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: other.auth(), payload: { conversations: [conversation('x1', [['customer', 'package delivery late late late']])] } })
    await t.services.worker.drain()

    const res = await t.app.inject({ method: 'GET', url: '/v1/search?q=late%20package%20delivery&k=2', headers: ws.auth('analyst') })
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(items[0].conversationExternalId).toBe('s1')
    expect(items.every((i: { conversationExternalId: string }) => i.conversationExternalId !== 'x1')).toBe(true)
    expect(items[0].score).toBeGreaterThan(items[1].score)

    const filtered = await t.app.inject({ method: 'GET', url: '/v1/search?q=late&role=agent', headers: ws.auth('analyst') })
    expect(filtered.json().items).toEqual([])
  })

  it('needs a valid key with a role allowed on the route', async () => {
    const ws = await createWorkspace(t.services)
    expect((await t.app.inject({ method: 'GET', url: '/v1/search?q=x' })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'GET', url: '/v1/search?q=x', headers: { authorization: 'Bearer pk_nope' } })).statusCode).toBe(401)
    const forbidden = await t.app.inject({ method: 'GET', url: '/v1/search?q=x', headers: ws.auth('ingest') })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json().error.code).toBe('FORBIDDEN')
  })
})
