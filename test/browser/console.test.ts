// The web console in a real Chromium on the demo corpus: one server and one browser for the file.
// Agents, product managers and leaders each do their job; roles, sessions, CSRF, XSS and axe-core too.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAS_CHROMIUM, launch, signIn, SKIP_REASON, startConsole } from './harness.ts'

/** New messages stay inside the demo's weeks, so the themes page still opens on the demo's last week. */
const LAST_DEMO_DAY = '2026-11-08T18:00:00Z'
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

describe.skipIf(!HAS_CHROMIUM)(`web console in a browser${SKIP_REASON}`, () => {
  let c: Awaited<ReturnType<typeof startConsole>>
  let browser: Browser
  const timings: Record<string, number> = {}

  beforeAll(async () => {
    c = await startConsole()
    browser = await launch()
  }, 600_000)
  afterAll(async () => {
    if (Object.keys(timings).length) console.log('page usable after navigation (ms):', timings)
    await browser?.close()
    await c?.close()
  })

  async function session(role: 'admin' | 'agent' | 'analyst'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: c.base })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
    await signIn(page, c.base, c.ws.keys[role])
    return { context, page, errors }
  }

  /** A one-message conversation from a new customer, ingested and enriched: its id. */
  async function newConversation(externalId: string, channel: string, text: string): Promise<string> {
    const res = await c.app.inject({
      method: 'POST', url: '/v1/conversations', headers: c.ws.auth('ingest'),
      payload: { conversations: [{ externalId, channel, customer: `@${externalId}`, messages: [{ externalId: `${externalId}-1`, role: 'customer', text, sentAt: LAST_DEMO_DAY }] }] },
    })
    await c.services.worker.drain()
    return res.json().results[0].id
  }

  /** Navigation start → the page's data is on screen. */
  async function timed(name: string, page: Page, url: string, ready: string): Promise<void> {
    const started = Date.now()
    await page.goto(`${c.base}${url}`)
    await page.waitForSelector(ready)
    timings[name] = Date.now() - started
  }

  it('an agent signs in, opens the first awaiting conversation by keyboard, copies a draft, edits and uses another, corrects a label, signs out', async () => {
    const { context, page, errors } = await session('agent')
    expect(new URL(page.url()).pathname).toBe('/inbox')
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const name of ['Inbox', 'Themes', 'Ask', 'Search']) await expect(nav.getByRole('link', { name, exact: true }).count()).resolves.toBe(1)
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0)
    await timed('inbox', page, '/inbox', 'ul[aria-label="Conversations"] a')
    const list = page.getByRole('list', { name: 'Conversations' })
    const first = list.getByRole('link').first()
    const firstHref = await first.getAttribute('href')
    expect(await list.locator('li').first().getAttribute('class')).toContain('awaiting')
    // Keyboard only: j focuses the first entry, j/k move, Enter opens.
    await page.locator('body').press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(firstHref)
    await page.keyboard.press('Enter')
    await page.waitForURL((u) => u.pathname === firstHref!.split('?')[0])
    const panel = page.getByRole('region', { name: 'Suggested replies' })
    await panel.locator('li.draft').first().waitFor({ timeout: 30_000 })
    const drafts = panel.locator('li.draft')
    expect(await drafts.count()).toBeGreaterThanOrEqual(2)

    await drafts.nth(0).getByRole('button', { name: 'Copy' }).click()
    await expect.poll(() => drafts.nth(0).getByRole('status').textContent()).toBe('Feedback recorded: accepted')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied.length).toBeGreaterThan(0)

    await drafts.nth(1).getByRole('button', { name: 'Edit' }).click()
    const editor = drafts.nth(1).getByRole('textbox', { name: 'Edit draft 2' })
    await editor.fill('Thanks for waiting, we are on it and will update you today.')
    await drafts.nth(1).getByRole('button', { name: 'Use edited' }).click()
    await expect.poll(() => drafts.nth(1).getByRole('status').textContent()).toBe('Feedback recorded: edited')
    const { rows } = await c.services.db.query<{ feedback: string; final_text: string | null }>(
      `SELECT feedback, final_text FROM suggestions WHERE workspace_id = $1 AND feedback IS NOT NULL ORDER BY feedback`, [c.ws.id])
    expect(rows.map((r) => r.feedback)).toEqual(['accepted', 'edited'])
    expect(rows[1].final_text).toBe('Thanks for waiting, we are on it and will update you today.')

    // One click corrects a label: the sentiment of the first customer message.
    const correct = page.getByRole('combobox', { name: 'Correct sentiment' }).first()
    const options = await correct.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
    await correct.selectOption(options[0])
    await expect.poll(async () => (await c.services.db.query(`SELECT label FROM corrections WHERE workspace_id = $1`, [c.ws.id])).rows.length).toBe(1)
    // Intents read as words ("bug outage"), and the value corrected stays the taxonomy's name ("bug_outage").
    const intentOptions = await page.getByRole('combobox', { name: 'Correct intent' }).first().locator('option')
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']).filter(([value]) => value))
    expect(intentOptions).toContainEqual(['bug_outage', 'bug outage'])
    for (const chip of await page.locator('.chip.intent').allTextContents()) expect(chip).not.toContain('_')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((u) => u.pathname === '/sign-in')
    await page.goto(`${c.base}/inbox`)
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    expect(errors).toEqual([])
    await context.close()
  })

  it('marks every slot a draft leaves to the agent, as the API lists them', async () => {
    const { context, page, errors } = await session('agent')
    const { rows } = await c.services.db.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 AND external_id = 'bw-email-0419'`, [c.ws.id])
    await page.goto(`${c.base}/conversations/${rows[0].id}`)
    const drafts = page.getByRole('region', { name: 'Suggested replies' }).locator('li.draft')
    await drafts.first().waitFor({ timeout: 30_000 })
    const res = await c.app.inject({ method: 'POST', url: `/v1/conversations/${rows[0].id}/suggestions`, headers: c.ws.auth('agent'), payload: { n: 3, tone: 'friendly' } })
    const listed = (res.json().suggestions as Array<{ placeholders: string[] }>).map((s) => s.placeholders)
    // The outage reply of another town leaves its place and date to fill in ("[place]", "[date]"); its time,
    // 06:40, is the one the outage article states (retrieved by its words as well as by meaning), so it stays.
    expect(listed.flat()).toEqual(expect.arrayContaining(['[place]', '[date]']))
    for (let i = 0; i < listed.length; i++) expect(await drafts.nth(i).locator('mark.placeholder').allTextContents()).toEqual(listed[i])
    // What still waits is not repeated under a summary that already says it: this conversation is one message.
    const stored = (await c.app.inject({ method: 'GET', url: `/v1/conversations/${rows[0].id}/summary`, headers: c.ws.auth('agent') })).json() as { summary: string; open: string | null }
    expect(stored.summary.toLowerCase()).toContain(stored.open!.toLowerCase().replace(/\.$/, ''))
    await page.getByRole('region', { name: 'Summary' }).waitFor()
    expect(await page.getByRole('region', { name: 'Summary' }).locator('.summary-open').count()).toBe(0)
    // …nor when the summary reports it in other persons ("Now they want…" for "Now I want…").
    const id = await newConversation('console-reported', 'chat', 'Got locked out of my account last month and your chat sorted it. Now I want to move up to the 500 Mb plan, how much would that be a month?')
    const reported = (await c.app.inject({ method: 'GET', url: `/v1/conversations/${id}/summary`, headers: c.ws.auth('agent') })).json() as { summary: string; open: string | null }
    expect(reported.open).toBeTruthy()
    expect(reported.summary).not.toContain(reported.open!)
    await page.goto(`${c.base}/conversations/${id}`)
    await page.getByRole('region', { name: 'Summary' }).waitFor()
    expect(await page.getByRole('region', { name: 'Summary' }).locator('.summary-open').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows under the summary what still waits when the summary leaves it out, as the API gives it', async () => {
    const { context, page, errors } = await session('agent')
    const { rows } = await c.services.db.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 AND external_id = 'bw-email-0528'`, [c.ws.id])
    await page.goto(`${c.base}/conversations/${rows[0].id}`)
    const stored = (await c.app.inject({ method: 'GET', url: `/v1/conversations/${rows[0].id}/summary`, headers: c.ws.auth('agent') })).json() as { summary: string; open: string | null }
    expect(stored.open).toBeTruthy()
    expect(stored.summary).not.toContain(stored.open!)
    const open = page.getByRole('region', { name: 'Summary' }).locator('.summary-open')
    await open.waitFor()
    expect(await open.textContent()).toBe(`Still open: ${stored.open}`)
    expect(errors).toEqual([])
    await context.close()
  })

  it('warns, on the draft, that it tells the customer to do again what they did', async () => {
    const { context, page, errors } = await session('agent')
    const id = await newConversation('console-restarted', 'x', 'my wifi keeps dropping every evening around 8pm, already restarted the router twice')
    await page.goto(`${c.base}/conversations/${id}`)
    const drafts = page.getByRole('region', { name: 'Suggested replies' }).locator('li.draft')
    await drafts.first().waitFor({ timeout: 30_000 })
    const api = await c.app.inject({ method: 'POST', url: `/v1/conversations/${id}/suggestions`, headers: c.ws.auth('agent'), payload: { n: 3, tone: 'friendly' } })
    const repeats = (api.json().suggestions as Array<{ repeats: string[] }>).map((s) => s.repeats)
    // The demo's wifi replies all start with a restart.
    expect(repeats.flat()).toContain('restart')
    for (let i = 0; i < repeats.length; i++) {
      const warned = await drafts.nth(i).locator('.warn', { hasText: 'which they say they already did' }).count()
      expect(warned).toBe(repeats[i].length > 0 ? 1 : 0)
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('cautions, above the drafts, that no past reply or article answers the subject', async () => {
    const { context, page, errors } = await session('agent')
    const id = await newConversation('console-faulty', 'email', 'The HDMI port on my Brightbox is loose and the casing is cracked, it came like that')
    const api = await c.app.inject({ method: 'POST', url: `/v1/conversations/${id}/suggestions`, headers: c.ws.auth('agent'), payload: {} })
    // The demo brand never answered a faulty device.
    expect(api.json().note).toMatch(/^no past reply or article answers product fault/)
    await page.goto(`${c.base}/conversations/${id}`)
    const region = page.getByRole('region', { name: 'Suggested replies' })
    await region.locator('li.draft').first().waitFor({ timeout: 30_000 })
    await expect(region.locator('p.warn', { hasText: 'No past reply or article answers product fault' }).count()).resolves.toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows a new message in the open conversation without a reload', async () => {
    const { context, page } = await session('agent')
    await page.goto(`${c.base}/inbox`)
    const href = await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().getAttribute('href')
    await page.goto(`${c.base}${href}`)
    const messages = page.getByRole('list', { name: 'Messages' }).locator('li.msg')
    await messages.first().waitFor()
    const before = await messages.count()
    const id = href!.split('/')[2].split('?')[0]
    const { rows } = await c.services.db.query<{ channel: string; external_id: string }>(`SELECT channel, external_id FROM conversations WHERE workspace_id = $1 AND id = $2`, [c.ws.id, id])
    const res = await c.app.inject({
      method: 'POST', url: '/v1/conversations', headers: c.ws.auth('ingest'),
      payload: { conversations: [{ channel: rows[0].channel, externalId: rows[0].external_id, customer: { handle: '@someone' }, messages: [{ externalId: 'live-1', role: 'customer', text: 'Still waiting, any news?', sentAt: LAST_DEMO_DAY }] }] },
    })
    expect(res.statusCode).toBe(200)
    await expect.poll(() => messages.count(), { timeout: 25_000 }).toBe(before + 1)
    await context.close()
  }, 60_000)

  it('an analyst sees no inbox and the server refuses it too', async () => {
    const { context, page } = await session('analyst')
    expect(new URL(page.url()).pathname).toBe('/themes')
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).count()).toBe(0)
    const res = await page.goto(`${c.base}/inbox`)
    expect(res?.status()).toBe(403)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed')
    const api = await page.evaluate(async () => (await fetch('/v1/inbox')).status)
    expect(api).toBe(403)
    await context.close()
  })

  it('a product manager opens W44, sees the outage spike, renames a theme and follows a quote', async () => {
    const { context, page } = await session('analyst')
    await timed('themes', page, '/themes', 'section[aria-label="Themes"] article h2')
    expect(await page.getByLabel('Week', { exact: true }).inputValue()).toBe('2026-W45')
    await page.getByLabel('Week', { exact: true }).selectOption('2026-W44')
    await page.waitForURL(/week=2026-W44/)
    const region = page.getByRole('region', { name: 'Themes' })
    await region.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 60_000 })
    expect(await region.textContent()).toContain('unusual volume this week')
    expect(await region.locator('strong.spike').count()).toBeGreaterThan(1)
    // A theme seen before shows the numbers its trend word comes from: "steady" beside a doubled volume
    // is the share of the week that did not move.
    const seenBefore = region.locator('article.theme', { has: page.locator('.trend-steady, .trend-rising, .trend-falling') }).first()
    expect(await seenBefore.locator('.trend-evidence').textContent()).toMatch(/^: \d+ → \d+ a week( \([+-]?\d+%\))? vs the \d+ weeks? before, share [\d.]+% → [\d.]+%$/)
    expect(await seenBefore.locator('.trend-evidence').getAttribute('title')).toMatch(/^share of the week: two-proportion z-test, p /)
    const firstTheme = region.locator('article.theme').first()
    await firstTheme.getByRole('textbox').fill('West Yorkshire outage')
    await firstTheme.getByRole('button', { name: 'Rename' }).click()
    await expect.poll(() => firstTheme.getByRole('heading', { level: 2 }).textContent()).toBe('West Yorkshire outage')
    await page.reload()
    await region.getByRole('heading', { name: 'West Yorkshire outage' }).waitFor()
    const quote = region.locator('article.theme').first().locator('ul.quotes a').first()
    // Quotes are masked for personal data ([HANDLE_1], [ORDER_1]…): compare the longest unmasked stretch.
    const quoteText = (await quote.textContent())!.replace(/^“|”$/g, '').split(/\[[^\]]+\]/).map((part) => part.trim()).sort((a, b) => b.length - a.length)[0]
    await quote.click()
    await page.waitForURL(/\/conversations\//)
    await page.getByRole('list', { name: 'Messages' }).locator('li.msg').first().waitFor()
    expect(await page.getByRole('list', { name: 'Messages' }).textContent()).toContain(quoteText.slice(0, 12))
    await context.close()
  })

  it('a leader asks three questions and follows a citation', async () => {
    const { context, page } = await session('analyst')
    await timed('ask', page, '/ask', 'ul[aria-label="Examples"] button')
    const answer = page.getByRole('region', { name: 'Answer' })
    for (const q of ['How many negative messages were there last month?', 'How did app crash complaints change week by week over the last 8 weeks?', 'Why are customers unhappy about the outage?']) {
      await page.getByLabel('Question').fill(q)
      await page.getByRole('button', { name: 'Ask', exact: true }).click()
      await answer.locator('.answer-text').waitFor({ timeout: 60_000 })
      expect((await answer.locator('.answer-text').textContent())!.length).toBeGreaterThan(10)
      expect(await answer.getByText('How I read your question').count()).toBe(1)
      // A count of negative messages depends on the sentiment labels: it is shown as an estimate with its interval.
      if (q.startsWith('How many negative')) expect(await answer.locator('table.figures-table').textContent()).toMatch(/≈ [\d.]+ \([\d.]+–[\d.]+, estimated\)/)
    }
    const citation = answer.locator('ol.citations a').first()
    await citation.waitFor()
    await citation.click()
    await page.waitForURL(/\/conversations\//)
    await page.getByRole('list', { name: 'Messages' }).locator('li.msg').first().waitFor()
    await context.close()
  }, 120_000)

  it('a French question gets its answer, figures and reading in French', async () => {
    const { context, page } = await session('analyst')
    await timed('ask', page, '/ask', 'ul[aria-label="Examples"] button')
    const answer = page.getByRole('region', { name: 'Answer' })
    await page.getByLabel('Question').fill('Combien de messages négatifs y a-t-il eu le mois dernier ?')
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    await answer.locator('.answer-text').waitFor({ timeout: 60_000 })
    expect(await answer.getByText("Comment j'ai compris votre question").count()).toBe(1)
    const table = (await answer.locator('table.figures-table').textContent())!
    expect(table).toContain('Chiffres')
    expect(table).toContain('messages négatifs de clients')
    // Estimates in French: "≈ 12,3 (8,1–20, estimé)", a decimal comma, not "(…, estimated)".
    expect(table).toMatch(/≈ [\d,]+ \([\d,]+–[\d,]+, estimé\)/)
    expect(table).not.toMatch(/customer messages|estimated|counted/)
    await context.close()
  }, 120_000)

  it('an answer that quotes no message has no empty citations, and all time starts at no epoch', async () => {
    const { context, page } = await session('analyst')
    await page.goto(`${c.base}/ask`)
    const answer = page.getByRole('region', { name: 'Answer' })
    await page.getByLabel('Question').fill('How many conversations are still waiting for a reply?')
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    await answer.locator('.answer-text').waitFor({ timeout: 60_000 })
    // Before: a "Citations" heading over an empty list, and "1970-01-01 – …" on every row.
    expect(await answer.getByRole('heading', { name: 'Citations' }).count()).toBe(0)
    expect(await answer.textContent()).not.toContain('1970')
    expect(await answer.locator('table.figures-table').textContent()).toMatch(/… – \d{4}-\d{2}-\d{2}/)
    await context.close()
  }, 120_000)

  it('an agent filters the inbox by theme: only the theme\'s conversations are listed', async () => {
    const { context, page, errors } = await session('agent')
    await page.goto(`${c.base}/inbox`)
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor()
    const select = page.getByRole('combobox', { name: /^Theme/ })
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
    expect(options.length).toBeGreaterThan(0)
    await select.selectOption(options[0]!)
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForURL((u) => u.searchParams.get('theme') === options[0])
    const links = page.getByRole('list', { name: 'Conversations' }).getByRole('link')
    await links.first().waitFor()
    const ids = await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-id')))
    const { rows } = await c.services.db.query<{ id: string }>(
      `SELECT DISTINCT tm.conversation_id AS id FROM theme_members tm JOIN themes t ON t.id = tm.theme_id
       WHERE tm.workspace_id = $1 AND (t.id = $2 OR t.merged_into = $2)`, [c.ws.id, options[0]])
    const members = new Set(rows.map((r) => r.id))
    expect(ids.length).toBe(Math.min(50, members.size))
    for (const id of ids) expect(members.has(id!)).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('a leader edits how the question was read and re-runs it', async () => {
    const { context, page, errors } = await session('analyst')
    await page.goto(`${c.base}/ask`)
    const answer = page.getByRole('region', { name: 'Answer' })
    await page.getByLabel('Question').fill('How many messages about wifi?')
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    await answer.locator('.answer-text').waitFor({ timeout: 60_000 })
    const reading = page.getByRole('form', { name: 'Edit the reading' })
    expect(await reading.getByLabel('Theme').inputValue()).toBe('wifi')
    await reading.getByLabel('From').fill('2026-10-01')
    await reading.getByLabel('To').fill('2026-10-31')
    await reading.getByLabel('Channel').selectOption('x')
    await reading.getByRole('button', { name: 'Re-run' }).click()
    await expect.poll(() => answer.locator('dl').textContent(), { timeout: 60_000 }).toContain('edited by you')
    const plan = await answer.locator('dl').textContent()
    expect(plan).toContain('Channel: x')
    expect(plan).toContain('2026-10-01 – 2026-10-31')
    // The page shows what the API answers for the same reading.
    const api = (await c.app.inject({
      method: 'POST', url: '/v1/ask', headers: c.ws.auth('analyst'),
      payload: { question: 'How many messages about wifi?', timeRange: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' }, filters: { channel: 'x', theme: 'wifi' } },
    })).json() as { answer: string }
    expect(await answer.locator('.answer-text').textContent()).toBe(api.answer)
    // The reading's controls are named for screen readers too.
    await page.evaluate(AXE_SOURCE)
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
    })
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  it('search finds messages and opens their conversation', async () => {
    const { context, page } = await session('analyst')
    await timed('search', page, '/search?q=router%20keeps%20dropping', 'ol.results a')
    expect(await page.getByLabel('Search').inputValue()).toBe('router keeps dropping')
    await page.locator('ol.results a').first().click()
    await page.waitForURL(/\/conversations\//)
    await context.close()
  })

  it('refuses a cross-site form post made with the session cookie', async () => {
    const { context, page } = await session('admin')
    const keysBefore = (await c.services.db.query(`SELECT 1 FROM api_keys WHERE workspace_id = $1`, [c.ws.id])).rows.length
    // Another site: the attacker's page posts a form to Parley in the signed-in browser.
    await page.route('http://evil.example/**', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<form id="f" method="post" action="${c.base}/v1/keys" enctype="text/plain"><input name='{"name":"pwned","role":"admin","x":"' value='"}'></form><script>document.getElementById('f').submit()</script>`,
    }))
    const responses: number[] = []
    page.on('response', (r) => { if (r.url().endsWith('/v1/keys')) responses.push(r.status()) })
    await page.goto('http://evil.example/attack')
    await expect.poll(() => responses.length).toBe(1)
    expect(responses[0]).toBeGreaterThanOrEqual(400)
    expect((await c.services.db.query(`SELECT 1 FROM api_keys WHERE workspace_id = $1`, [c.ws.id])).rows.length).toBe(keysBefore)
    await context.close()
  })

  it('sends an expired session back to sign-in', async () => {
    const { context, page } = await session('agent')
    await c.services.db.query(`UPDATE console_sessions SET expires_at = now() - interval '1 second' WHERE workspace_id = $1`, [c.ws.id])
    await page.goto(`${c.base}/inbox`)
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    expect(await page.getByRole('status').textContent()).toContain('session has ended')
    await context.close()
  })

  it('shows hostile customer text literally and runs none of it', async () => {
    const evil = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      '[click me](javascript:window.__xss=3) javascript:window.__xss=4',
      'refund \u202Egnp.exe\u202C please',
    ].join('\n')
    const res = await c.app.inject({
      method: 'POST', url: '/v1/conversations', headers: c.ws.auth('ingest'),
      payload: { conversations: [{ channel: 'chat', externalId: 'xss-1', customer: { handle: '<b>bold</b>', name: '<img src=x onerror=alert(1)>' }, messages: [{ externalId: 'xss-m1', role: 'customer', text: evil, sentAt: LAST_DEMO_DAY }] }] },
    })
    expect(res.statusCode).toBe(200)
    await c.services.worker.drain()
    const id = res.json().results[0].id as string
    const { context, page, errors } = await session('agent')
    const dialogs: string[] = []
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
    await page.goto(`${c.base}/inbox/${id}`)
    const text = page.getByRole('list', { name: 'Messages' }).locator('p.text').first()
    await text.waitFor()
    // Ingestion already strips bidi overrides (they disguise text); everything else shows as typed.
    const { rows } = await c.services.db.query<{ text: string }>(`SELECT text FROM messages WHERE workspace_id = $1 AND external_id = 'xss-m1'`, [c.ws.id])
    expect(rows[0].text).toBe(evil.replace(/[\u202A-\u202E]/g, ''))
    expect(await text.textContent()).toBe(rows[0].text)
    expect(await page.getByRole('heading', { name: '<img src=x onerror=alert(1)>' }).count()).toBe(1)
    const live = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      imgs: document.querySelectorAll('main img').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
    }))
    expect(live).toEqual({ xss: undefined, imgs: 0, scripts: ['/console/app.js'], jsLinks: 0 })
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('has no serious or critical axe-core violations on any page', async () => {
    const { context, page } = await session('admin')
    const pages: Array<[string, string]> = [
      ['/inbox', 'ul[aria-label="Conversations"] a'],
      ['/themes?week=2026-W44', 'section[aria-label="Themes"] article h2'],
      ['/ask', 'ul[aria-label="Examples"] button'],
      ['/search?q=refund', 'ol.results a'],
      ['/settings', 'section[aria-label="API keys"]'],
    ]
    const href = await (async () => { await page.goto(`${c.base}/inbox`); return page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().getAttribute('href') })()
    pages.push([href!, 'li.draft'])
    const found: Record<string, string[]> = {}
    for (const [url, ready] of pages) {
      await timed(url.split('?')[0].replace(/[0-9a-f-]{36}/, ':id'), page, url, ready)
      // Evaluated through the DevTools protocol, so the page's CSP does not block it.
      await page.evaluate(AXE_SOURCE)
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe
        const r = await axe.run(document, { resultTypes: ['violations'] })
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`)
      })
      if (violations.length) found[url] = violations
    }
    expect(found).toEqual({})
    await page.goto(`${c.base}/sign-in`)
    await context.close()
  }, 120_000)
})
