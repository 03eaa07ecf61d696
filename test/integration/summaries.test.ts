import nock from 'nock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetBreakers } from '../../src/llm/resilience.ts'
import pino from 'pino'
import { createSummaryService, dialogHash, LOCAL_SUMMARY_VERSION } from '../../src/chains/summarize/service.ts'
import { summariesRepo } from '../../src/store/summaries.ts'
import { completion, fakeLlm, useLlmTestServices, userText } from '../helpers/llm.ts'
import { rowToConversation } from '../../src/pipeline/dataset-import.ts'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

const DIALOG: Array<['customer' | 'agent', string]> = [
  ['customer', 'I was charged twice for my October bill, please refund the duplicate. My email is jane.doe@example.com'],
  ['agent', 'Sorry about that! We have refunded the duplicate charge, it will reach your card in 3-5 working days.'],
]

describe('conversation summaries (local)', () => {
  let t: Awaited<ReturnType<typeof createTestServices>>
  beforeAll(async () => {
    t = await createTestServices()
  })
  afterAll(async () => t?.close())

  it('are stored after enrichment, shown with the conversation, and refreshed when it changes', async () => {
    const ws = await createWorkspace(t.services)
    const conv = conversation('sum1', DIALOG)
    const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [conv] } })
    const id = res.json().results[0].id
    await t.services.worker.drain()
    const first = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}/summary`, headers: ws.auth('analyst') })).json()
    expect(first.summary).toMatch(/charged twice/)
    expect(first.wanted).toMatch(/charged twice/)
    expect(first.done).toMatch(/refunded/)
    expect(first.version).toBe(LOCAL_SUMMARY_VERSION)
    expect(first.degraded).toBe(false)
    const full = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: ws.auth('analyst') })).json()
    expect(full.summary.summary).toBe(first.summary)

    // The customer writes again: the summary follows without anyone asking.
    const more = { ...conv, messages: [...conv.messages, { externalId: 'sum1-m9', role: 'customer', author: '@cust_sum1', text: 'It is still not there after a week, I am still waiting for the refund.', sentAt: '2026-10-09T10:00:00Z' }] }
    await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [more] } })
    await t.services.worker.drain()
    const second = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}/summary`, headers: ws.auth('analyst') })).json()
    expect(second.open).toMatch(/still/)
    expect(second.updatedAt >= first.updatedAt).toBe(true)

    // Unchanged conversation: re-sending it queues no work and keeps the summary.
    await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [more] } })
    const jobs = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = $1 AND kind = 'summarize' AND status = 'queued'`, [ws.id])
    expect(jobs.rows[0].n).toBe(0)

    const refreshed = await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/summary`, headers: ws.auth('analyst') })
    expect(refreshed.statusCode).toBe(200)
    const other = await createWorkspace(t.services)
    expect((await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}/summary`, headers: other.auth() })).statusCode).toBe(404)
    // A customer's handle is never a speaker name in the summary.
    expect(second.summary).not.toMatch(/cust_sum1/)
  })

  it('redoes, once, the summaries an earlier version of the local summariser wrote (a store upgraded kept them until its conversations changed)', async () => {
    const ws = await createWorkspace(t.services)
    const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [conversation('old1', DIALOG), conversation('old2', DIALOG)] } })
    const [oldId, currentId] = res.json().results.map((r: { id: string }) => r.id)
    await t.services.worker.drain()
    await t.services.db.query(`UPDATE conversation_summaries SET version = 'summarize-local@1', summary = 'OLD' WHERE conversation_id = $1`, [oldId])
    // Another summariser's summary is not the local one's to redo.
    await t.services.db.query(`UPDATE conversation_summaries SET version = 'summarize-llm@abc', summary = 'FROM AN LLM' WHERE conversation_id = $1`, [currentId])
    expect(await t.services.summaries.enqueueOutdated()).toBe(1)
    expect(await t.services.summaries.enqueueOutdated()).toBe(0)
    await t.services.worker.drain()
    const redone = await t.services.summaries.get(ws.id, oldId)
    expect(redone).toMatchObject({ version: LOCAL_SUMMARY_VERSION })
    expect(redone!.summary).toMatch(/charged twice/)
    expect((await t.services.summaries.get(ws.id, currentId))!.summary).toBe('FROM AN LLM')
  })

  it('tells an imported transcript of named people by their names, as its reference summaries do', async () => {
    const ws = await createWorkspace(t.services)
    const { conversation: imported } = rowToConversation({
      id: 'dlg1',
      dialog: [
        { speaker: '#Person1#', text: 'Good morning, how can I help you today?' },
        { speaker: '#Person2#', text: 'I would like to open a savings account for my daughter.' },
        { speaker: '#Person1#', text: 'Certainly. You will need her birth certificate and your passport.' },
      ],
      summary: '#Person2# wants to open a savings account for the daughter.',
    }, 0)
    const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [imported] } })
    const id = res.json().results[0].id
    await t.services.worker.drain()
    const summary = (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}/summary`, headers: ws.auth('analyst') })).json()
    expect(summary.summary).toMatch(/#Person2#/)
    expect(summary.summary).not.toMatch(/\bCustomer\b/)
  })
})

describe('conversation summaries in batches', () => {
  let t: Awaited<ReturnType<typeof createTestServices>>
  beforeAll(async () => {
    t = await createTestServices()
  })
  afterAll(async () => t?.close())

  it('refreshes many conversations of one workspace at once and never writes another workspace\'s', async () => {
    const ws = await createWorkspace(t.services)
    const other = await createWorkspace(t.services)
    const ingest = async (w: typeof ws, externalId: string) =>
      (await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: w.auth(), payload: { conversations: [conversation(externalId, DIALOG)] } })).json().results[0].id as string
    const [a, b, foreign] = [await ingest(ws, 'batch-a'), await ingest(ws, 'batch-b'), await ingest(other, 'batch-foreign')]
    // No worker ran: nothing is summarised yet.
    expect(await t.services.summaries.get(ws.id, a)).toBeUndefined()

    expect(await t.services.summaries.refreshMany(ws.id, [a, b, foreign])).toBe(2)
    expect((await t.services.summaries.get(ws.id, a))?.summary).toMatch(/charged twice/)
    expect((await t.services.summaries.get(ws.id, b))?.summary).toMatch(/charged twice/)
    expect(await t.services.summaries.get(ws.id, foreign)).toBeUndefined()
    expect(await t.services.summaries.get(other.id, foreign)).toBeUndefined()

    // Unchanged conversations are not written again.
    const before = (await t.services.summaries.get(ws.id, a))!.updatedAt
    await t.services.summaries.refreshMany(ws.id, [a, b])
    expect((await t.services.summaries.get(ws.id, a))!.updatedAt).toBe(before)
  })
  it('never puts the summary of older messages over a newer one (a slow refresh finishing after a newer message\'s)', async () => {
    const ws = await createWorkspace(t.services)
    const conv = conversation('race', DIALOG)
    const post = async (c: unknown) => (await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [c] } })).json().results[0].id as string
    const id = await post(conv)
    await t.services.worker.drain()
    // A second worker's refresh: it read the two messages, and while it summarises them the customer
    // writes again and that message's own enrichment (this worker) summarises all three.
    const slow = createSummaryService({
      db: t.services.db,
      log: pino({ level: 'silent' }),
      summarizer: {
        mode: 'local',
        version: LOCAL_SUMMARY_VERSION,
        async summarize() {
          const more = { ...conv, messages: [...conv.messages, { externalId: 'race-m9', role: 'customer', author: '@cust_race', text: 'Still no refund after a week, where is it?', sentAt: '2026-10-09T10:00:00Z' }] }
          await post(more)
          await t.services.worker.drain()
          return { summary: 'OLDER', wanted: null, done: null, open: null, version: LOCAL_SUMMARY_VERSION, degraded: false }
        },
      },
    })
    await slow.refreshMany(ws.id, [id], { force: true })
    const stored = (await t.services.summaries.get(ws.id, id))!
    expect(stored.summary).not.toBe('OLDER')
    expect(stored.summary).toMatch(/still/i)
    expect(stored.contentHash).toBe(dialogHash((await summariesRepo(t.services.db).dialog(ws.id, id))!))
  })
  it('summarises a conversation left without messages as empty, and checks the hash of each conversation of the batch', async () => {
    const ws = await createWorkspace(t.services)
    const post = async (externalId: string) =>
      (await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [conversation(externalId, DIALOG)] } })).json().results[0].id as string
    const [emptied, kept] = [await post('emptied'), await post('kept')]
    await t.services.db.query(`DELETE FROM messages WHERE workspace_id = $1 AND conversation_id = $2`, [ws.id, emptied])
    expect(await t.services.summaries.refreshMany(ws.id, [emptied, kept])).toBe(2)
    const empty = (await t.services.summaries.get(ws.id, emptied))!
    expect(empty.summary).toBe('No messages yet.')
    expect(empty.contentHash).toBe(dialogHash([]))
    expect((await t.services.summaries.get(ws.id, kept))?.summary).toMatch(/charged twice/)
    // A summary whose hash matches no conversation's messages is not written, next to one that is.
    await summariesRepo(t.services.db).upsertMany(ws.id, [
      { conversationId: kept, summary: 'STALE', wanted: null, done: null, open: null, version: LOCAL_SUMMARY_VERSION, degraded: false, contentHash: dialogHash([]) },
      { conversationId: emptied, summary: 'STILL EMPTY', wanted: null, done: null, open: null, version: LOCAL_SUMMARY_VERSION, degraded: false, contentHash: dialogHash([]) },
    ])
    expect((await t.services.summaries.get(ws.id, kept))?.summary).toMatch(/charged twice/)
    expect((await t.services.summaries.get(ws.id, emptied))?.summary).toBe('STILL EMPTY')
  })
})

describe('conversation summaries (LLM)', () => {
  const t = useLlmTestServices()

  async function ingest(ws: Awaited<ReturnType<typeof createWorkspace>>, externalId: string) {
    // Classification calls get a failing answer (they fall back locally); only summaries are asserted.
    const res = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth(), payload: { conversations: [conversation(externalId, DIALOG)] } })
    return res.json().results[0].id as string
  }

  it('debounces the refresh job, sends redacted fenced turns, and stores the validated answer', async () => {
    const ws = await createWorkspace(t.services)
    const id = await ingest(ws, 'llm1')
    nock('http://llm.test/v1').post('/chat/completions').times(10).reply(500, { error: { message: 'classifier off' } })
    await t.services.worker.drain()
    const queued = await t.services.db.query<{ delay: number }>(
      `SELECT extract(epoch FROM run_after - now())::float AS delay FROM jobs WHERE workspace_id = $1 AND kind = 'summarize' AND status = 'queued'`,
      [ws.id],
    )
    expect(queued.rows).toHaveLength(1)
    expect(queued.rows[0].delay).toBeGreaterThan(30)
    nock.cleanAll()
    resetBreakers()

    const llm = fakeLlm(() => ({
      status: 200,
      json: completion(JSON.stringify({ summary: 'Customer was double charged; the agent refunded the duplicate.', wanted: 'A refund of a duplicate charge.', done: 'Refunded the duplicate, 3-5 working days.', open: null })),
    }))
    const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/summary`, headers: ws.auth('analyst') })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ summary: 'Customer was double charged; the agent refunded the duplicate.', open: null, degraded: false })
    expect(res.json().version).toMatch(/^summarize@[0-9a-f]{12}\/test-model$/)
    const sent = userText(llm.bodies[0])
    expect(sent).not.toContain('jane.doe@example.com')
    expect(sent).toContain('[EMAIL_1]')
    expect(sent).toMatch(/<untrusted_conversation_turn nonce="[0-9a-f]+" n="1" speaker="customer">/)
    expect(llm.bodies[0].response_format?.type).toBe('json_schema')
  })

  it('falls back to the local summary, marked degraded, when the LLM fails', async () => {
    const ws = await createWorkspace(t.services)
    const id = await ingest(ws, 'llm2')
    fakeLlm(() => ({ status: 500, json: { error: { message: 'down' } } }))
    const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/summary`, headers: ws.auth('analyst') })
    expect(res.json()).toMatchObject({ degraded: true, version: LOCAL_SUMMARY_VERSION })
    expect(res.json().summary).toMatch(/charged twice/)
  })
})
