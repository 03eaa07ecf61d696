// Saves a PNG of each console page on the demo corpus into docs/screenshots/ (npm run screenshots).
// Starts its own Parley on a temporary database; needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// `-- --serve` keeps the server running afterwards and prints the keys, for trying the console by hand.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { importFile } from '../src/pipeline/import-file.ts'
import { createServices } from '../src/services.ts'
import { apiKeysRepo, workspacesRepo, type Role } from '../src/store/workspaces.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
const DEMO = fileURLToPath(new URL('../demo/conversations.jsonl', import.meta.url))
const KNOWLEDGE = fileURLToPath(new URL('../demo/knowledge.jsonl', import.meta.url))
const NOW = new Date('2026-11-10T09:00:00Z')
const serve = process.argv.includes('--serve')

if (!existsSync(CHROMIUM) && !serve) {
  console.error(`no browser at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`)
  process.exit(2)
}
const dir = mkdtempSync(join(tmpdir(), 'parley-screens-'))
const config = loadConfig({ DATA_DIR: dir, EMBEDDINGS: 'builtin', WORKER: 'off', LOG_LEVEL: 'warn', MAX_EVENT_LOOP_DELAY_MS: '600000', RATE_LIMIT_PER_MINUTE: '100000' })
const services = await createServices(config, { clock: () => NOW })
const ws = await workspacesRepo(services.db).create('Brightwave demo')
const keys = {} as Record<Role, string>
for (const role of ['admin', 'agent', 'analyst'] as Role[]) keys[role] = (await apiKeysRepo(services.db).create(ws.id, role, `${role} (demo)`)).key
process.stderr.write('loading the demo corpus…\n')
await importFile(services, ws.id, DEMO, { quiet: true })
const app = await buildApp(services, { logger: false })
for (const line of readFileSync(KNOWLEDGE, 'utf8').split('\n').filter(Boolean)) {
  await app.inject({ method: 'POST', url: '/v1/knowledge', headers: { authorization: `Bearer ${keys.admin}` }, payload: JSON.parse(line) })
}
await services.worker.drain()
// Weekly themes are computed on first request; warm them so the screenshots time the console.
await app.inject({ method: 'GET', url: '/v1/themes?week=2026-W45', headers: { authorization: `Bearer ${keys.analyst}` } })
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })
const address = app.server.address()
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

if (serve) {
  console.log(`console at ${base}\nkeys: ${JSON.stringify(keys, null, 2)}`)
} else {
  mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] })
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 })
  const page = await context.newPage()
  /** `ready`: what makes the page usable; `complete`: what arrives after it (drafts), timed apart. */
  const shot = async (name: string, url: string, ready: string, prepare?: (p: Page) => Promise<void>, complete?: string) => {
    const started = Date.now()
    await page.goto(`${base}${url}`)
    await page.waitForSelector(ready, { timeout: 60_000 })
    const ms = Date.now() - started
    if (complete) await page.waitForSelector(complete, { timeout: 60_000 })
    const completeMs = Date.now() - started
    await prepare?.(page)
    await page.screenshot({ path: join(OUT, `${name}.png`) })
    console.log(`${name}.png  (usable ${ms} ms after navigation${complete ? `, ${complete} after ${completeMs} ms` : ''})`)
  }
  await shot('sign-in', '/sign-in', '#api-key')
  await page.getByLabel('API key').fill(keys.admin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
  await shot('inbox', '/inbox', 'ul[aria-label="Conversations"] a')
  const first = await page.locator('ul[aria-label="Conversations"] a').first().getAttribute('href')
  await shot('conversation', first!, 'ol[aria-label="Messages"] li', undefined, 'li.draft')
  await shot('themes', '/themes?week=2026-W44', 'section[aria-label="Themes"] article h2')
  await shot('ask', '/ask', 'ul[aria-label="Examples"] button', async (p) => {
    await p.getByLabel('Question').fill('How did app crash complaints change week by week over the last 8 weeks?')
    await p.getByRole('button', { name: 'Ask', exact: true }).click()
    await p.waitForSelector('.answer-text', { timeout: 60_000 })
  })
  await shot('search', '/search?q=router+keeps+dropping', 'ol.results a')
  await shot('settings', '/settings', 'section[aria-label="API keys"]')
  await shot('settings-knowledge', '/settings', 'section[aria-label="API keys"]', async (p) => {
    const knowledge = p.getByRole('region', { name: 'Knowledge articles' })
    await knowledge.locator('ul.article-list button').first().click()
    await knowledge.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8))
  })
  await browser.close()
  await app.close()
  await services.close()
  rmSync(dir, { recursive: true, force: true })
}
