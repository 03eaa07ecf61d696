import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyWebhook } from '../../src/webhooks/signing.ts'
import { startFakeHttp, type FakeHandler } from '../helpers/fake-http.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

type T = Awaited<ReturnType<typeof createTestServices>>
let t: T
const receivers: Array<Awaited<ReturnType<typeof startFakeHttp>>> = []
beforeAll(async () => {
  // Receivers run on loopback, so this instance allows private targets; retries are milliseconds apart
  // and the retry window is short, so a whole schedule runs within the test.
  t = await createTestServices({ env: { ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '5', WEBHOOK_RETRY_WINDOW_MS: '1500' } })
})
afterAll(async () => {
  await t?.close()
  for (const r of receivers) await r.close()
})

async function receiver(handler: FakeHandler) {
  const r = await startFakeHttp(handler)
  receivers.push(r)
  return r
}

async function subscribe(ws: Awaited<ReturnType<typeof createWorkspace>>, url: string, events: string[]) {
  const res = await t.app.inject({ method: 'POST', url: '/v1/webhooks', headers: ws.auth(), payload: { url, events } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; secret: string }
}

/** Runs the worker until `done` holds: retries are scheduled a few milliseconds ahead. */
async function settle(done: () => Promise<boolean> | boolean, rounds = 100) {
  for (let i = 0; i < rounds; i++) {
    await t.services.worker.drain()
    if (await done()) return
    await sleep(30)
  }
  throw new Error('did not settle')
}

const recent = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

async function ingestCustomerQuestion(ws: Awaited<ReturnType<typeof createWorkspace>>) {
  const res = await t.app.inject({
    method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'),
    payload: { conversations: [{ channel: 'chat', externalId: 'c-1', customer: { handle: 'cust-1' }, messages: [
      { externalId: 'm1', role: 'customer', text: 'My order #A123 never arrived. Can you send a replacement please?', sentAt: recent(2) },
    ] }] },
  })
  expect(res.statusCode).toBe(200)
}

describe('outbound webhooks', () => {
  it('delivers conversation.enriched and suggestions.ready signed per Standard Webhooks', async () => {
    const ws = await createWorkspace(t.services)
    const r = await receiver(() => ({ status: 204 }))
    const sub = await subscribe(ws, `${r.url}/hook`, ['conversation.enriched', 'suggestions.ready'])
    expect(sub.secret).toMatch(/^whsec_/)
    await ingestCustomerQuestion(ws)
    await settle(() => r.requests.length >= 2)
    const types = r.requests.map((q) => JSON.parse(q.body).type).sort()
    expect(types).toEqual(['conversation.enriched', 'suggestions.ready'])
    for (const q of r.requests) {
      expect(q.headers['webhook-signature']).toMatch(/^v1,/)
      expect(verifyWebhook(sub.secret, q.headers as Record<string, string>, q.body)).toBe(true)
      expect(verifyWebhook(sub.secret, q.headers as Record<string, string>, q.body.replace('}', ',"x":1}'))).toBe(false)
    }
    const enriched = JSON.parse(r.requests.find((q) => q.body.includes('conversation.enriched'))!.body)
    expect(enriched.data.messages[0]).toMatchObject({ externalId: 'm1', role: 'customer' })
    const ready = JSON.parse(r.requests.find((q) => q.body.includes('suggestions.ready'))!.body)
    expect(ready.data.suggestions.length).toBeGreaterThan(0)
    // What to check before sending travels with each draft, as the API gives it.
    for (const d of ready.data.suggestions) expect(Object.keys(d).sort()).toEqual(['approach', 'claims', 'confidence', 'id', 'placeholders', 'repeats', 'text'])
    // The secret is shown once, at creation.
    expect((await t.app.inject({ method: 'GET', url: '/v1/webhooks', headers: ws.auth() })).body).not.toContain(sub.secret)
  })

  it('tells conversation.enriched subscribers only labels they were not told: relabelling with the same result sends nothing', async () => {
    const ws = await createWorkspace(t.services)
    const r = await receiver(() => ({ status: 204 }))
    await subscribe(ws, r.url, ['conversation.enriched'])
    await ingestCustomerQuestion(ws)
    await settle(() => r.requests.length >= 1)
    const first = JSON.parse(r.requests[0].body)
    expect(first.data.messages).toHaveLength(1)
    // The same taxonomy again, relabelled: the labels do not change, so nothing is sent.
    const taxonomy = (await t.app.inject({ method: 'GET', url: '/v1/taxonomy', headers: ws.auth() })).json().intents
    const put = await t.app.inject({ method: 'PUT', url: '/v1/taxonomy?reclassify=true', headers: ws.auth(), payload: { intents: taxonomy } })
    expect(put.statusCode, put.body).toBe(200)
    await t.services.worker.drain()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(r.requests).toHaveLength(1)
    // A taxonomy without the message's intent changes its label: that is sent.
    const without = taxonomy.filter((i: { name: string }) => i.name !== first.data.messages[0].intent)
    await t.app.inject({ method: 'PUT', url: '/v1/taxonomy?reclassify=true', headers: ws.auth(), payload: { intents: without } })
    await settle(() => r.requests.length >= 2)
    const second = JSON.parse(r.requests[1].body)
    expect(second.data.messages[0].intent).not.toBe(first.data.messages[0].intent)
  })

  it('retries with backoff: a receiver failing twice gets the event on the third try, same webhook-id', async () => {
    const ws = await createWorkspace(t.services)
    const r = await receiver((_req, i) => ({ status: i < 2 ? 503 : 200 }))
    const sub = await subscribe(ws, r.url, ['conversation.enriched'])
    await ingestCustomerQuestion(ws)
    const log = async () => (await t.app.inject({ method: 'GET', url: `/v1/webhooks/${sub.id}/deliveries`, headers: ws.auth() })).json().items
    await settle(async () => (await log())[0]?.status === 'delivered')
    expect(r.requests).toHaveLength(3)
    expect(new Set(r.requests.map((q) => q.headers['webhook-id'])).size).toBe(1)
    const [delivery] = await log()
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 })

    // Manual redelivery sends the same id and body again.
    const again = await t.app.inject({ method: 'POST', url: `/v1/webhooks/${sub.id}/deliveries/${delivery.id}/redeliver`, headers: ws.auth() })
    expect(again.statusCode).toBe(202)
    await settle(() => r.requests.length === 4)
    expect(r.requests[3].headers['webhook-id']).toBe(delivery.id)
    expect(r.requests[3].body).toBe(r.requests[2].body)
  })

  it('gives up after the retry window and disables a subscription that never succeeds', async () => {
    const ws = await createWorkspace(t.services)
    const r = await receiver(() => ({ status: 500 }))
    const sub = await subscribe(ws, r.url, ['conversation.enriched'])
    await ingestCustomerQuestion(ws)
    const get = async () => (await t.app.inject({ method: 'GET', url: '/v1/webhooks', headers: ws.auth() })).json().items.find((s: { id: string }) => s.id === sub.id)
    await settle(async () => (await get()).enabled === false, 200)
    expect((await get()).disabledReason).toMatch(/failed/)
    const [delivery] = (await t.app.inject({ method: 'GET', url: `/v1/webhooks/${sub.id}/deliveries`, headers: ws.auth() })).json().items
    expect(delivery.status).toBe('failed')
    expect(delivery.attempts).toBeGreaterThan(2)
  })
})

describe('SSRF guard', () => {
  let strict: T
  beforeAll(async () => {
    strict = await createTestServices()
  })
  afterAll(async () => strict?.close())

  it('refuses private, loopback and link-local targets unless ALLOW_PRIVATE_TARGETS is set', async () => {
    const ws = await createWorkspace(strict.services)
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x']) {
      const res = await strict.app.inject({ method: 'POST', url: '/v1/webhooks', headers: ws.auth(), payload: { url, events: ['theme.spike'] } })
      expect(res.statusCode, url).toBe(400)
    }
    const chatwoot = await strict.app.inject({
      method: 'POST', url: '/v1/integrations/chatwoot', headers: ws.auth(),
      payload: { baseUrl: 'http://192.168.1.20:3000', accountId: 1, apiAccessToken: 'token-123456789', webhookSecret: 'secret-0123456789abcdef' },
    })
    expect(chatwoot.statusCode).toBe(400)
  })
})
