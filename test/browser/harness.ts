// A real Parley on a random local port with the demo corpus loaded, and a Chromium to drive it.
// Browser tests skip with a visible reason when /usr/bin/chromium is missing (CI installs it).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { importFile } from '../../src/pipeline/import-file.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const HAS_CHROMIUM = existsSync(CHROMIUM)
export const SKIP_REASON = HAS_CHROMIUM ? '' : ` (skipped: no browser at ${CHROMIUM}; apt-get install chromium)`
const DEMO = fileURLToPath(new URL('../../demo/conversations.jsonl', import.meta.url))
const KNOWLEDGE = fileURLToPath(new URL('../../demo/knowledge.jsonl', import.meta.url))
/** The demo's last week is 2026-W45; "now" just after it keeps relative questions meaningful. */
export const DEMO_NOW = new Date('2026-11-10T09:00:00Z')
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export async function startConsole(opts: { limit?: number; warmThemes?: boolean } = {}) {
  const t = await createTestServices({ clock: () => DEMO_NOW })
  const ws = await createWorkspace(t.services, `demo-${process.pid}-${Date.now()}`)
  await importFile(t.services, ws.id, DEMO, { quiet: true, limit: opts.limit })
  const articles = (await import('node:fs')).readFileSync(KNOWLEDGE, 'utf8').split('\n').filter(Boolean)
  for (const line of articles) {
    await t.app.inject({ method: 'POST', url: '/v1/knowledge', headers: ws.auth('admin'), payload: JSON.parse(line) })
  }
  await t.services.worker.drain()
  // Weekly themes are computed on first request (the week and its history: seconds of clustering);
  // warm them so page timings measure the console, not a one-off computation.
  if (opts.warmThemes !== false) await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W45', headers: ws.auth('analyst') })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const address = t.app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return { ...t, ws, base }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/sign-in`)
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
}
