// The HTML theme report opened in a real headless browser: it renders, and its charts have data.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../src/pipeline/import-file.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

const CHROMIUM = '/usr/bin/chromium'
const DEMO = fileURLToPath(new URL('../../demo/conversations.jsonl', import.meta.url))
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

describe.skipIf(!existsSync(CHROMIUM))(`HTML theme report in a browser${existsSync(CHROMIUM) ? '' : ' (skipped: no browser at /usr/bin/chromium; apt-get install chromium)'}`, () => {
  let t: Awaited<ReturnType<typeof createTestServices>>
  let browser: Browser
  let html = ''
  beforeAll(async () => {
    t = await createTestServices()
    const ws = await createWorkspace(t.services)
    // The first weeks of the demo are enough for a page with several themes and a history.
    await importFile(t.services, ws.id, DEMO, { quiet: true, limit: 220 })
    const res = await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W39&format=html', headers: ws.auth('analyst') })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    html = res.body
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
  })

  it('is self-contained: no scripts, stylesheets, fonts or images from elsewhere', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<link[^>]+stylesheet/i)
    expect(html).not.toMatch(/@import|@font-face|<img/i)
  })

  it('renders with charts that have data and quotes that link to conversations', async () => {
    const page = await browser.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.setContent(html, { waitUntil: 'load' })
    expect(await page.title()).toBe('Customer themes — 2026-W39')
    expect(await page.locator('h1').innerText()).toContain('2026-W39')
    for (const chart of ['#chart-volume', '#chart-change', '#chart-sentiment']) {
      const sizes = await page.locator(`${chart} rect.bar`).evaluateAll((rects) => rects.map((r) => (r as SVGGraphicsElement).getBBox()).map((b) => ({ w: b.width, h: b.height })))
      expect(sizes.length, chart).toBeGreaterThan(0)
      expect(sizes.every((s) => s.w > 0 && s.h > 0), chart).toBe(true)
    }
    const themes = await page.locator('article.theme').count()
    expect(themes).toBeGreaterThan(0)
    expect(await page.locator('#chart-volume rect.bar').count()).toBe(themes)
    expect(await page.locator('article.theme svg rect.bar.history').count()).toBeGreaterThan(0)
    const links = await page.locator('blockquote a.conversation').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(links.length).toBeGreaterThan(0)
    for (const href of links) expect(href).toMatch(/\/conversations\/[0-9a-f-]{36}$/)
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([])
    await page.close()
  })
})
