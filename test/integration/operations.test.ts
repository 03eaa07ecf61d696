// End to end through the API, on the embedded store and on a real PostgreSQL server (when
// PARLEY_TEST_DATABASE_URL is set): a bulk ingest shows a backlog and an index being rebuilt, the worker
// empties it, search answers before and after the rebuild, /v1/status and /metrics tell operators how
// it went, and nothing in the metrics names a customer, a text or a key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANN_INDEX_INLINE_BUILD_MAX_VECTORS } from '../../src/store/vector-index.ts'
import { MAX_MESSAGE_CHARS } from '../../src/pipeline/ingest-schema.ts'
import { createPgServerDatabase, PG_SERVER_SKIP_REASON } from '../helpers/pg-socket.ts'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

const METRICS_TOKEN = 'metrics-token-0123456789'
const HANDLE = '@very-private-handle'

type Setup = () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>
const backends: Array<[string, Setup]> = [['pglite', async () => ({ env: {}, cleanup: async () => undefined })]]
if (!PG_SERVER_SKIP_REASON) {
  backends.push(['PostgreSQL server', async () => {
    const { databaseUrl, cleanup } = await createPgServerDatabase()
    return { env: { DATABASE_URL: databaseUrl }, cleanup }
  }])
} else {
  describe.skip(`operations on a PostgreSQL server (skipped: ${PG_SERVER_SKIP_REASON})`, () => {
    it('bulk ingest, backlog, status and metrics end to end', () => undefined)
  })
}

describe.each(backends)('operations on %s', (_name, setup) => {
  let t: Awaited<ReturnType<typeof createTestServices>>
  let cleanupDb: () => Promise<void> = async () => undefined

  beforeAll(async () => {
    const { env, cleanup } = await setup()
    cleanupDb = cleanup
    t = await createTestServices({ env: { ...env, METRICS_TOKEN } })
  })
  afterAll(async () => {
    await t?.close()
    await cleanupDb()
  })

  const ready = async () => (await t.app.inject({ method: 'GET', url: '/ready' })).json().checks

  it('reports a bulk import as backlog, empties it, builds the index once and searches correctly meanwhile', async () => {
    // A new store has nothing to index: /ready must not claim a build is going on.
    expect((await ready()).search).toMatchObject({ index: 'none', exact: true })
    const ws = await createWorkspace(t.services)
    const perConversation = 3
    const count = Math.ceil(ANN_INDEX_INLINE_BUILD_MAX_VECTORS / perConversation) + 10
    const conversations = Array.from({ length: count }, (_, i) =>
      conversation(`bulk-${i}`, [
        ['customer', i === 0 ? 'my parcel never arrived and tracking is stuck' : `question number ${i} about invoice ${i % 17}`],
        ['agent', `we are looking at it (${i})`],
        ['customer', `thanks, ticket ${i}`],
      ], { customer: HANDLE }),
    )
    for (let i = 0; i < conversations.length; i += 200) {
      const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'), payload: { conversations: conversations.slice(i, i + 200) } })
      expect(res.statusCode, res.body).toBe(200)
    }
    const messages = count * perConversation
    expect((await ready()).enrichment.backlog).toBeGreaterThanOrEqual(messages)
    const before = (await t.app.inject({ method: 'GET', url: '/v1/status', headers: ws.auth('admin') })).json()
    expect(before.enrichment.backlog).toBe(messages)
    expect(before.jobs).toContainEqual(expect.objectContaining({ kind: 'enrich', status: 'queued' }))
    expect((await t.app.inject({ method: 'GET', url: '/v1/status', headers: ws.auth('agent') })).statusCode).toBe(403)

    // One worker batch holds every job: the vectors go into the bare table and one index build is queued.
    const { batch } = t.services.config.worker
    expect(batch * 256).toBeGreaterThanOrEqual(messages)
    const jobsBefore = await t.services.db.query(`SELECT id FROM jobs WHERE kind = 'embedding-index'`)
    await t.services.worker.drain()
    expect((await ready()).enrichment.backlog).toBe(0)
    const after = (await t.app.inject({ method: 'GET', url: '/v1/status', headers: ws.auth('admin') })).json()
    expect(after.enrichment.backlog).toBe(0)
    expect(after.jobs.filter((j: { status: string }) => j.status === 'queued' || j.status === 'running')).toEqual([])
    expect(jobsBefore.rows).toEqual([])
    const built = await t.services.db.query<{ status: string }>(`SELECT status FROM jobs WHERE kind = 'embedding-index'`)
    expect(built.rows.map((r) => r.status)).toContain('done')
    expect((await ready()).search).toMatchObject({ index: 'ready', exact: false })

    const search = await t.app.inject({ method: 'GET', url: '/v1/search?q=parcel%20never%20arrived%20tracking&k=3', headers: ws.auth('agent') })
    expect(search.statusCode, search.body).toBe(200)
    expect(search.json().items[0].text).toBe('my parcel never arrived and tracking is stuck')
  })

  it('counts a changed message into the backlog again, and a failed job\'s messages until they are enriched', async () => {
    const ws = await createWorkspace(t.services)
    const send = async (text: string) =>
      (await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'), payload: { conversations: [conversation('again', [['customer', text], ['agent', 'on it']])] } })).json()
    const status = async () => (await t.app.inject({ method: 'GET', url: '/v1/status', headers: ws.auth('admin') })).json().enrichment.backlog
    await send('my card was declined')
    expect(await status()).toBe(2)
    await t.services.worker.drain()
    expect(await status()).toBe(0)
    await send('my card was declined twice now')
    expect(await status()).toBe(1)
    // The job gives up: its message stays in the backlog, which never claims to be empty while it is not.
    await t.services.db.query(`UPDATE jobs SET status = 'failed' WHERE workspace_id = $1 AND kind = 'enrich' AND status = 'queued'`, [ws.id])
    expect(await status()).toBe(1)
    expect((await ready()).enrichment.backlog).toBeGreaterThanOrEqual(1)
    await send('my card was declined twice now, and again')
    await t.services.worker.drain()
    expect(await status()).toBe(0)
  })

  it('flags messages cut at the maximum length in the ingest response', async () => {
    const ws = await createWorkspace(t.services)
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: ws.auth('ingest'),
      payload: { conversations: [conversation('long', [['customer', 'x'.repeat(MAX_MESSAGE_CHARS + 5)], ['agent', 'short']]), conversation('short', [['customer', 'fine']])] },
    })
    expect(res.statusCode, res.body).toBe(200)
    const [long, short] = res.json().results
    expect(long.truncated).toEqual(['long-m0'])
    expect(short.truncated).toBeUndefined()
  })

  it('serves Prometheus metrics behind its token, with route patterns and no customer data in labels', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401)
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/plain/)
    const body = res.body
    expect(body).toMatch(/parley_http_request_duration_seconds_bucket\{[^}]*route="\/v1\/conversations"[^}]*status="200"/)
    expect(body).toMatch(/parley_enrichment_stage_duration_seconds_count\{stage="embed"\} [1-9]/)
    expect(body).toMatch(/parley_job_duration_seconds_count\{kind="enrich",outcome="done"\} [1-9]/)
    expect(body).toContain(`parley_enrichment_backlog_messages ${(await ready()).enrichment.backlog}`)
    expect(body).toMatch(/parley_ingested_messages_total\{outcome="created"\} [1-9]/)
    expect(body).toMatch(/parley_search_duration_seconds_count [1-9]/)
    expect(body).not.toContain(HANDLE)
    expect(body).not.toContain('parcel')
    expect(body).not.toContain('pk_')
  })
})
