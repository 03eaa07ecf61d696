// The Chatwoot dashboard app in a real Chromium, framed the way Chatwoot frames it: a host page on the
// connection's Chatwoot origin (a loopback server standing in for Chatwoot) holds the app in an iframe and
// answers its `chatwoot-dashboard-app:fetch-info` with an `appContext` JSON string posted to '*'. A sibling
// frame on another origin posts a forged appContext, which the app must ignore.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signChatwoot } from '../../src/integrations/chatwoot/signature.ts'
import { resetBreakers } from '../../src/llm/resilience.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'
import { HAS_CHROMIUM, launch, SKIP_REASON } from './harness.ts'

const WEBHOOK_SECRET = 'cw-webhook-secret-0123456789abcdef'
const CHATWOOT_CONVERSATION = 312
const AGENT = { id: 42, name: 'Rui Costa', email: 'rui@acme.test' }
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/chatwoot/${name}.json`, import.meta.url), 'utf8'))

/** The page Chatwoot's conversation view would be: the app in an iframe, and the appContext it posts. */
const hostPage = (appUrl: string, otherOrigin: string) => `<!doctype html><html><head><title>Chatwoot</title></head><body>
<iframe name="app" src="${appUrl}" width="420" height="640"></iframe>
<iframe name="other" src="${otherOrigin}/forger" width="10" height="10"></iframe>
<script>
window.fetchInfoFrom = [];
window.addEventListener('message', (event) => {
  if (event.data !== 'chatwoot-dashboard-app:fetch-info') return;
  window.fetchInfoFrom.push(event.source === frames[0] ? 'app' : 'someone else');
});
window.sendContext = (context) => frames[0].postMessage(JSON.stringify({ event: 'appContext', data: context }), '*');
</script></body></html>`

/** A frame on another origin, in the same Chatwoot tab (an embedded widget, an ad…), that tries its luck. */
const forgerPage = `<!doctype html><html><body><script>
window.forge = (context) => parent.frames[0].postMessage(JSON.stringify({ event: 'appContext', data: context }), '*');
</script></body></html>`
const framerPage = (appUrl: string) => `<!doctype html><html><body><iframe name="app" src="${appUrl}"></iframe></body></html>`

async function serve(route: (path: string) => string | undefined): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const html = route(req.url ?? '/')
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      return res.end(html)
    }
    // Chatwoot's REST API as far as write-back needs it: notes and labels are accepted.
    req.resume()
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ id: 1, payload: [] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe.skipIf(!HAS_CHROMIUM)(`Chatwoot dashboard app in a browser${SKIP_REASON}`, () => {
  let t: Awaited<ReturnType<typeof createTestServices>>
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let browser: Browser
  let chatwoot: Awaited<ReturnType<typeof serve>>
  let other: Awaited<ReturnType<typeof serve>>
  let conn: { id: string; dashboardAppUrl: string }
  let appUrl = ''

  beforeAll(async () => {
    resetBreakers()
    let appUrlForHost = ''
    chatwoot = await serve((path) => (path === '/host' ? hostPage(appUrlForHost, other.origin) : undefined))
    other = await serve((path) => (path === '/forger' ? forgerPage : path === '/framer' ? framerPage(appUrlForHost) : undefined))
    // Chatwoot runs next to Parley on loopback here: the private-target guard is lifted, as documented.
    t = await createTestServices({ env: { ALLOW_PRIVATE_TARGETS: 'true', CHATWOOT_SYNC_INTERVAL_MINUTES: '0' } })
    ws = await createWorkspace(t.services)
    const created = await t.app.inject({
      method: 'POST', url: '/v1/integrations/chatwoot', headers: ws.auth(),
      payload: { baseUrl: chatwoot.origin, accountId: 1, apiAccessToken: 'cw-agent-token-0123456789', webhookSecret: WEBHOOK_SECRET },
    })
    expect(created.statusCode, created.body).toBe(201)
    conn = created.json()
    // A customer message arrives through the signed webhook and is enriched and drafted.
    const raw = JSON.stringify({ ...fixture('incoming'), created_at: new Date(Date.now() - 60_000).toISOString() })
    const ts = String(Math.floor(Date.now() / 1000))
    const delivered = await t.app.inject({
      method: 'POST', url: `/v1/integrations/chatwoot/${conn.id}/webhook`, payload: raw,
      headers: { 'content-type': 'application/json', 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': signChatwoot(WEBHOOK_SECRET, ts, raw), 'x-chatwoot-delivery': randomUUID() },
    })
    expect(delivered.statusCode, delivered.body).toBe(202)
    await t.services.worker.drain()
    await t.services.worker.drain()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const parley = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    const issued = new URL(conn.dashboardAppUrl)
    appUrl = appUrlForHost = `${parley}${issued.pathname}${issued.search}`
    browser = await launch()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await t?.close()
    await new Promise((r) => chatwoot?.server.close(r))
    await new Promise((r) => other?.server.close(r))
  })

  async function openInChatwoot(): Promise<{ page: Page; app: Frame; forger: Frame; errors: string[]; appCalls: string[] }> {
    const page = await browser.newPage()
    const errors: string[] = []
    const appCalls: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('request', (r) => { if (r.url().includes('/app/')) appCalls.push(r.url()) })
    await page.goto(`${chatwoot.origin}/host`)
    const app = page.frame({ name: 'app' })!
    const forger = page.frame({ name: 'other' })!
    await app.waitForSelector('#status')
    await forger.waitForFunction(() => typeof (window as unknown as { forge?: unknown }).forge === 'function')
    return { page, app, forger, errors, appCalls }
  }

  const context = { conversation: { id: CHATWOOT_CONVERSATION, inbox_id: 4, status: 'open' }, contact: { id: 57, name: 'Ana Ribeiro' }, currentAgent: AGENT }

  it('asks Chatwoot for its context, shows the enrichment and drafts, and records a copy with the Chatwoot agent id', async () => {
    const { page, app, errors } = await openInChatwoot()
    // The handshake: the app asks its parent, which is how Chatwoot learns to (re)send appContext.
    await expect.poll(() => page.evaluate(() => (window as unknown as { fetchInfoFrom: string[] }).fetchInfoFrom)).toContain('app')
    expect(await app.getByRole('status').first().textContent()).toContain('Waiting for the conversation')

    await page.evaluate((c) => (window as unknown as { sendContext: (c: unknown) => void }).sendContext(c), context)
    const drafts = app.getByRole('region', { name: 'Suggested replies' })
    await drafts.getByRole('listitem').first().waitFor()
    const facts = await app.locator('#facts').innerText()
    expect(facts).toMatch(/Sentiment: (negative|neutral|positive)/)
    expect(facts).toMatch(/Intent: [a-z_]+/)
    const api = await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/app/conversations/${CHATWOOT_CONVERSATION}${new URL(appUrl).search}` })
    const data = api.json() as { sentiment: string; intent: string; summary: string | null; drafts: Array<{ id: string; text: string }> }
    expect(facts).toContain(`Sentiment: ${data.sentiment}`)
    expect(facts).toContain(`Intent: ${data.intent}`)
    if (data.summary) expect(facts).toContain(data.summary)
    expect(await drafts.getByRole('listitem').count()).toBe(data.drafts.length)
    // Drafts are text: what the API answered, shown literally.
    expect(await drafts.getByRole('listitem').first().locator('.draft-text').textContent()).toBe(data.drafts[0].text)

    await drafts.getByRole('listitem').first().getByRole('button', { name: 'Copy', exact: true }).click()
    await expect.poll(() => drafts.getByRole('listitem').first().getByRole('status').textContent()).toMatch(/^(Copied|Selected: press Ctrl\+C)/)
    const audit = async () => ((await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/audit`, headers: ws.auth() })).json().items as Array<{ event: string; detail: Record<string, unknown> }>)
      .filter((a) => a.event === 'dashboard_feedback')
    await expect.poll(async () => (await audit()).length).toBe(1)
    expect((await audit())[0].detail).toMatchObject({ suggestionId: data.drafts[0].id, action: 'copied', agentId: AGENT.id })
    const { rows } = await t.services.db.query<{ feedback: string }>('SELECT feedback FROM suggestions WHERE workspace_id = $1 AND id = $2', [ws.id, data.drafts[0].id])
    expect(rows[0].feedback).toBe('accepted')
    // Accessible inside Chatwoot too: no serious or critical axe-core violation in the framed page.
    await app.evaluate(AXE_SOURCE)
    const violations = await app.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
    })
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('says what to check in a draft, as the console does, and marks every placeholder to fill', async () => {
    const api = await t.app.inject({ method: 'GET', url: `/v1/integrations/chatwoot/${conn.id}/app/conversations/${CHATWOOT_CONVERSATION}${new URL(appUrl).search}` })
    const [first] = (api.json() as { drafts: Array<{ id: string }> }).drafts
    // A draft as the suggester flags one: a refund it states as done, a step the customer took, two slots.
    await t.services.db.query(
      `UPDATE suggestions SET text = $3, claims = '["refund"]', repeats = '["restart"]', confidence = 0.99 WHERE workspace_id = $1 AND id = $2`,
      [ws.id, first.id, 'I have refunded order [order number]. Please restart the router, ref [ORDER_1].'],
    )
    const { page, app } = await openInChatwoot()
    await page.evaluate((c) => (window as unknown as { sendContext: (c: unknown) => void }).sendContext(c), context)
    const draft = app.getByRole('region', { name: 'Suggested replies' }).getByRole('listitem').first()
    await draft.waitFor()
    expect(await draft.locator('.warn').allTextContents()).toEqual([
      '⚠ Claims an action was taken (refund): check it really was before sending.',
      '⚠ Tells the customer to restart, which they say they already did.',
    ])
    // Slots written lower case by the local path were not marked before ([ORDER_1] neither: the pattern lost its backslashes).
    expect(await draft.locator('mark').allTextContents()).toEqual(['[order number]', '[ORDER_1]'])
    await page.close()
  })

  it('ignores an appContext posted from any origin but Chatwoot’s', async () => {
    const { page, app, forger, appCalls } = await openInChatwoot()
    await forger.evaluate((c) => (window as unknown as { forge: (c: unknown) => void }).forge(c), context)
    // Give a believed message time to fetch: nothing may be asked of Parley, nothing may change.
    await page.waitForTimeout(700)
    expect(appCalls.filter((u) => u.includes('/app/conversations/'))).toEqual([])
    expect(await app.getByRole('status').first().textContent()).toContain('Waiting for the conversation')
    expect(await app.getByRole('region', { name: 'Suggested replies' }).getByRole('listitem').count()).toBe(0)
    // The same message from the Chatwoot origin is believed.
    await page.evaluate((c) => (window as unknown as { sendContext: (c: unknown) => void }).sendContext(c), context)
    await app.getByRole('region', { name: 'Suggested replies' }).getByRole('listitem').first().waitFor()
    await page.close()
  })

  it('says it is still reading a conversation Parley has not stored yet, instead of showing nothing', async () => {
    const { page, app } = await openInChatwoot()
    await page.evaluate((c) => (window as unknown as { sendContext: (c: unknown) => void }).sendContext(c), { ...context, conversation: { id: 999_999 } })
    await expect.poll(() => app.getByRole('status').first().textContent()).toBe('Parley is still reading this conversation…')
    expect(await app.getByRole('region', { name: 'Suggested replies' }).getByRole('listitem').count()).toBe(0)
    await page.close()
  })

  it('cannot be framed by another origin (frame-ancestors)', async () => {
    const page = await browser.newPage()
    await page.goto(`${other.origin}/framer`)
    await page.waitForTimeout(500)
    const frame = page.frame({ name: 'app' })
    // Chromium refuses to render it: the frame never gets the app's document.
    expect(frame ? await frame.locator('#status').count().catch(() => 0) : 0).toBe(0)
    await page.close()
  })
})
