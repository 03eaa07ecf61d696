import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signChatwoot } from '../../src/integrations/chatwoot/signature.ts'
import { NOTE_HEADER } from '../../src/integrations/chatwoot/note.ts'
import { resetBreakers } from '../../src/llm/resilience.ts'
import { startFakeHttp } from '../helpers/fake-http.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/chatwoot/${name}.json`, import.meta.url), 'utf8'))
/** Automatic drafts are for live conversations: the fixtures' messages are moved to just now. */
const live = (event: Record<string, any>, minutesAgo = 1) => ({ ...event, created_at: new Date(Date.now() - minutesAgo * 60_000).toISOString() })

const API_TOKEN = 'cw-agent-token-0123456789'
const WEBHOOK_SECRET = 'cw-webhook-secret-0123456789abcdef'

let t: Awaited<ReturnType<typeof createTestServices>>
let chatwoot: Awaited<ReturnType<typeof startFakeHttp>>
let noteIds = 70_000
beforeAll(async () => {
  resetBreakers()
  chatwoot = await startFakeHttp((req) => {
    if (req.method === 'POST' && /\/conversations\/\d+\/messages$/.test(req.path)) return { status: 200, body: { id: ++noteIds, private: true, message_type: 1 } }
    if (req.method === 'POST' && /\/labels$/.test(req.path)) return { status: 200, body: { payload: JSON.parse(req.body).labels } }
    if (req.method === 'GET' && req.path.includes('/conversations?')) return { status: 200, body: req.path.includes('page=1') ? fixture('rest-conversations') : { data: { payload: [] } } }
    if (req.method === 'GET' && /\/conversations\/\d+\/messages/.test(req.path)) return { status: 200, body: req.path.includes('before=') ? { payload: [] } : fixture('rest-messages') }
    return { status: 404, body: { error: 'not found' } }
  })
  // Chatwoot runs next to Parley here, on loopback: the private-target guard is lifted, as documented.
  t = await createTestServices({ env: { ALLOW_PRIVATE_TARGETS: 'true', CHATWOOT_SYNC_INTERVAL_MINUTES: '0' } })
})
afterAll(async () => {
  await t?.close()
  await chatwoot?.close()
})

type Ws = Awaited<ReturnType<typeof createWorkspace>>

async function connect(ws: Ws, extra: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST', url: '/v1/integrations/chatwoot', headers: ws.auth(),
    payload: { baseUrl: chatwoot.url, accountId: 1, apiAccessToken: API_TOKEN, webhookSecret: WEBHOOK_SECRET, ...extra },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; webhookUrl: string; dashboardAppUrl: string }
}

function deliver(conn: { id: string }, body: unknown, opts: { secret?: string; timestamp?: number; delivery?: string } = {}) {
  const raw = JSON.stringify(body)
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000))
  return t.app.inject({
    method: 'POST',
    url: `/v1/integrations/chatwoot/${conn.id}/webhook`,
    headers: {
      'content-type': 'application/json',
      'x-chatwoot-timestamp': ts,
      'x-chatwoot-signature': signChatwoot(opts.secret ?? WEBHOOK_SECRET, ts, raw),
      'x-chatwoot-delivery': opts.delivery ?? randomUUID(),
    },
    payload: raw,
  })
}

async function storedConversation(ws: Ws) {
  const list = (await t.app.inject({ method: 'GET', url: '/v1/conversations', headers: ws.auth() })).json().items as Array<{ id: string; externalId: string; status: string; metadata: any }>
  if (list.length === 0) return undefined
  return { ...list[0], detail: (await t.app.inject({ method: 'GET', url: `/v1/conversations/${list[0].id}`, headers: ws.auth() })).json() }
}

const notesTo = (conversationId: number) => chatwoot.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/accounts/1/conversations/${conversationId}/messages`)

describe('Chatwoot connections', () => {
  it('stores secrets encrypted, never returns them, and answers the URLs to paste into Chatwoot', async () => {
    const ws = await createWorkspace(t.services)
    const conn = await connect(ws)
    expect(conn.webhookUrl).toMatch(new RegExp(`/v1/integrations/chatwoot/${conn.id}/webhook$`))
    expect(conn.dashboardAppUrl).toMatch(new RegExp(`/v1/integrations/chatwoot/${conn.id}/app\\?token=`))
    const listed = await t.app.inject({ method: 'GET', url: '/v1/integrations/chatwoot', headers: ws.auth() })
    expect(listed.body).not.toContain(API_TOKEN)
    expect(listed.body).not.toContain(WEBHOOK_SECRET)
    const { rows } = await t.services.db.query<{ secrets: string }>(`SELECT secrets FROM integration_connections WHERE id = $1`, [conn.id])
    expect(rows[0].secrets).not.toContain(API_TOKEN)
    expect(rows[0].secrets.startsWith('v1:')).toBe(true)
    // Only admins manage connections; other workspaces do not see them.
    expect((await t.app.inject({ method: 'GET', url: '/v1/integrations/chatwoot', headers: ws.auth('agent') })).statusCode).toBe(403)
    const other = await createWorkspace(t.services)
    expect((await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}`, headers: other.auth() })).statusCode).toBe(404)
    const patched = await t.app.inject({ method: 'PATCH', url: `/v1/integrations/chatwoot/${conn.id}`, headers: ws.auth(), payload: { applyLabels: true } })
    expect(patched.json()).toMatchObject({ applyLabels: true, postNotes: true })
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/integrations/chatwoot/${conn.id}`, headers: ws.auth() })).statusCode).toBe(204)
    expect((await deliver(conn, live(fixture('incoming')))).statusCode).toBe(401)
  })
})

describe('Chatwoot webhook → enrichment → one private note', () => {
  it('posts exactly one private note with the drafts, even when the same event arrives twice', async () => {
    const ws = await createWorkspace(t.services)
    const conn = await connect(ws, { applyLabels: true })
    const event = live(fixture('incoming'))
    const first = await deliver(conn, event)
    expect(first.statusCode).toBe(202)
    expect(first.json()).toEqual({ status: 'queued' })
    // Chatwoot (or a catch-up) sending the same message again, under another delivery id.
    expect((await deliver(conn, event)).statusCode).toBe(202)
    await t.services.worker.drain()
    await t.services.worker.drain()

    const conv = await storedConversation(ws)
    expect(conv?.externalId).toBe(`chatwoot:${conn.id}:312`)
    expect(conv?.detail.messages).toHaveLength(1)
    expect(conv?.detail.messages[0]).toMatchObject({ externalId: 'chatwoot:9001', role: 'customer', author: 'Ana Ribeiro' })
    expect(conv?.detail.customer).toEqual({ handle: 'contact:57', name: 'Ana Ribeiro' })

    const notes = notesTo(312)
    expect(notes).toHaveLength(1)
    expect(notes[0].headers.api_access_token).toBe(API_TOKEN)
    const body = JSON.parse(notes[0].body)
    expect(body).toMatchObject({ message_type: 'outgoing', private: true })
    expect(Object.keys(body).sort()).toEqual(['content', 'message_type', 'private'])
    expect(body.content.startsWith(NOTE_HEADER)).toBe(true)
    expect(body.content).toMatch(/1\. .*confidence \d+%/)

    // Labels keep Chatwoot's own and add Parley's.
    const labels = chatwootRequests('/api/v1/accounts/1/conversations/312/labels')
    expect(labels).toHaveLength(1)
    const sent = JSON.parse(labels[0].body).labels as string[]
    expect(sent).toContain('billing')
    expect(sent.some((l) => l.startsWith('parley-'))).toBe(true)

    // Parley's note comes back as a webhook: private, never ingested; an edit of the customer message
    // re-enriches it but posts no second note.
    const echo = { ...fixture('private-note'), id: noteIds, content: body.content }
    expect((await deliver(conn, echo)).json()).toEqual({ status: 'ignored' })
    expect((await deliver(conn, live(fixture('edited')))).statusCode).toBe(202)
    await t.services.worker.drain()
    await t.services.worker.drain()
    const after = await storedConversation(ws)
    expect(after?.detail.messages).toHaveLength(1)
    expect(after?.detail.messages[0].text).toContain('INV-2026-0310')
    expect(notesTo(312)).toHaveLength(1)
  })

  it('refuses bad, stale and replayed signatures, audits them and stores nothing', async () => {
    const ws = await createWorkspace(t.services)
    const conn = await connect(ws)
    const event = live(fixture('incoming'))
    expect((await deliver(conn, event, { secret: 'not-the-secret-at-all-000' })).statusCode).toBe(401)
    expect((await deliver(conn, event, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).statusCode).toBe(401)
    // A tampered body under a valid signature of another body.
    const ts = String(Math.floor(Date.now() / 1000))
    const tampered = await t.app.inject({
      method: 'POST', url: `/v1/integrations/chatwoot/${conn.id}/webhook`,
      headers: { 'content-type': 'application/json', 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': signChatwoot(WEBHOOK_SECRET, ts, JSON.stringify(event)), 'x-chatwoot-delivery': randomUUID() },
      payload: JSON.stringify({ ...event, content: 'forged' }),
    })
    expect(tampered.statusCode).toBe(401)
    const delivery = randomUUID()
    expect((await deliver(conn, event, { delivery })).statusCode).toBe(202)
    expect((await deliver(conn, event, { delivery })).statusCode).toBe(409)
    const audit = (await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/audit`, headers: ws.auth() })).json().items.map((a: { event: string }) => a.event)
    expect(audit.filter((e: string) => e === 'signature_rejected')).toHaveLength(2)
    expect(audit).toContain('stale_timestamp')
    expect(audit).toContain('replayed_delivery')
    const { rows } = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = $1 AND kind = 'chatwoot.event'`, [ws.id])
    expect(rows[0].n).toBe(1)
  })

  it('maps outgoing to agent, stores attachment-only messages without text, keeps non-Latin text, ignores private notes and unknown events', async () => {
    const ws = await createWorkspace(t.services)
    const conn = await connect(ws, { postNotes: false })
    for (const name of ['incoming', 'attachment-only', 'non-latin', 'outgoing', 'private-note']) {
      expect((await deliver(conn, fixture(name))).statusCode).toBe(202)
    }
    expect((await deliver(conn, { event: 'contact_updated', id: 57 })).json()).toEqual({ status: 'ignored' })
    await t.services.worker.drain()
    const conv = await storedConversation(ws)
    const msgs = conv!.detail.messages as Array<{ externalId: string; role: string; text: string }>
    expect(msgs.map((m) => [m.externalId, m.role])).toEqual([
      ['chatwoot:9001', 'customer'], ['chatwoot:9005', 'customer'], ['chatwoot:9004', 'customer'], ['chatwoot:9002', 'agent'],
    ])
    expect(msgs.find((m) => m.externalId === 'chatwoot:9004')?.text).toBe('')
    expect(msgs.find((m) => m.externalId === 'chatwoot:9005')?.text).toContain('返金')
    expect(msgs.some((m) => m.text.includes('legacy plan'))).toBe(false)
    expect(conv!.metadata.chatwoot).toMatchObject({ connectionId: conn.id, accountId: 1, conversationId: 312, labels: ['billing'] })

    expect((await deliver(conn, fixture('status-change'))).statusCode).toBe(202)
    await t.services.worker.drain()
    const resolved = await storedConversation(ws)
    expect(resolved!.status).toBe('resolved')
    expect(resolved!.metadata.chatwoot.labels).toEqual(['billing', 'vip'])
    // postNotes: false, so no note was even planned for this connection.
    const planned = await t.services.db.query(`SELECT 1 FROM chatwoot_notes WHERE connection_id = $1`, [conn.id])
    expect(planned.rows).toHaveLength(0)
  })
})

function chatwootRequests(path: string) {
  return chatwoot.requests.filter((r) => r.path === path)
}

describe('Chatwoot catch-up', () => {
  it('pulls conversations and messages through the REST API, skipping private notes', async () => {
    const ws = await createWorkspace(t.services)
    const conn = await connect(ws, { postNotes: false })
    const res = await t.app.inject({ method: 'POST', url: `/v1/integrations/chatwoot/${conn.id}/sync`, headers: ws.auth(), payload: { since: '2026-03-01T00:00:00Z' } })
    expect(res.statusCode).toBe(202)
    await t.services.worker.drain()
    const conv = await storedConversation(ws)
    expect(conv!.detail.messages.map((m: { externalId: string }) => m.externalId)).toEqual(['chatwoot:9100', 'chatwoot:9101'])
    const list = chatwoot.requests.find((r) => r.path.startsWith('/api/v1/accounts/1/conversations?'))
    expect(list?.headers.api_access_token).toBe(API_TOKEN)
  })
})

describe('Chatwoot dashboard app', () => {
  it('says in the note and the dashboard app when no past reply or article answers the subject', async () => {
    const ws = await createWorkspace(t.services)
    const conn = await connect(ws)
    // The brand's only past reply answered wifi drops: a double charge is not offered it (it tells another
    // customer's case), and is told why no past reply is offered.
    const past = await t.app.inject({
      method: 'POST', url: '/v1/conversations', headers: ws.auth(),
      payload: { conversations: [{ externalId: 'past-wifi', channel: 'chat', customer: { handle: 'jo', name: 'Jo' }, messages: [
        { externalId: 'w1', role: 'customer', text: 'My wifi keeps dropping every evening, can you help?', sentAt: new Date(Date.now() - 86_400_000).toISOString() },
        { externalId: 'w2', role: 'agent', text: 'Sorry about that! Please restart the router and tell us if it drops again tonight.', sentAt: new Date(Date.now() - 86_000_000).toISOString() },
      ] }] },
    })
    expect(past.statusCode, past.body).toBe(200)
    await t.services.worker.drain()
    await deliver(conn, live(fixture('incoming')))
    await t.services.worker.drain()
    await t.services.worker.drain()
    const [note] = notesTo(312).slice(-1).map((n) => JSON.parse(n.body).content as string)
    expect(note.split('\n')).toContain("⚠ no past reply or article answers billing like this: the nearest past replies told other customers' cases and are left out; write the answer, and consider an article on it")
    expect(note).not.toContain('restart the router')
    const token = new URL(conn.dashboardAppUrl).searchParams.get('token')!
    const data = (await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/app/conversations/312?token=${token}` })).json()
    expect(data.note).toMatch(/^no past reply or article answers billing/)
  })

  it('serves the page framed only by the Chatwoot origin, with drafts and feedback behind the signed token', async () => {
    const ws = await createWorkspace(t.services)
    const conn = await connect(ws)
    await deliver(conn, live(fixture('incoming')))
    await t.services.worker.drain()
    await t.services.worker.drain()
    const appPath = new URL(conn.dashboardAppUrl).pathname + new URL(conn.dashboardAppUrl).search
    const token = new URL(conn.dashboardAppUrl).searchParams.get('token')!
    const page = await t.app.inject({ method: 'GET', url: appPath })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-security-policy']).toContain(`frame-ancestors ${chatwoot.url};`)
    expect(page.body).toContain(`const ALLOWED_ORIGIN = "${chatwoot.url}"`)
    expect((await t.app.inject({ method: 'GET', url: appPath.replace(token, token.slice(0, -2) + 'xx') })).statusCode).toBe(401)
    // Another connection's token does not open this one.
    const other = await connect(ws)
    const otherToken = new URL(other.dashboardAppUrl).searchParams.get('token')!
    expect((await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/app?token=${otherToken}` })).statusCode).toBe(401)

    const data = (await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/app/conversations/312?token=${token}` })).json()
    expect(data.drafts.length).toBeGreaterThan(0)
    expect(data.sentiment).not.toBeNull()
    const fb = await t.app.inject({
      method: 'POST', url: `/v1/integrations/chatwoot/${conn.id}/app/feedback?token=${token}`,
      payload: { suggestionId: data.drafts[0].id, action: 'copied', agentId: 3 },
    })
    expect(fb.statusCode).toBe(200)
    expect(fb.json().feedback).toBe('accepted')
    const audit = (await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/audit`, headers: ws.auth() })).json().items
    expect(audit.find((a: { event: string }) => a.event === 'dashboard_feedback').detail).toMatchObject({ action: 'copied', agentId: 3 })
  })
})
