// Themes as filters on the shipped demo corpus (issues #12 and #14): a question that names a theme is
// filtered by the weekly themes' stored members, computed on demand, and gives the same answer before
// and after someone opened a report; the inbox filters by theme; a reader's edits of the plan replace
// what the planner read. Ground truth is the demo file's metadata.scenario, which Parley never reads.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { explainedWords } from '../../src/chains/ask/planner-local.ts'
import { resolveTheme, themeQuery } from '../../src/chains/ask/theme-filter.ts'
import type { AskFigure, AskResult, AskVocabulary, PlanOverrides } from '../../src/chains/ask/types.ts'
import { loadVocabulary } from '../../src/chains/ask/index.ts'
import { importFile } from '../../src/pipeline/import-file.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

const DEMO = fileURLToPath(new URL('../../demo/conversations.jsonl', import.meta.url))
const NOW = '2026-11-10T09:00:00Z'
const WIFI = 'router_wifi'

interface DemoMessage { role: 'customer' | 'agent'; sentAt: string }
interface DemoConversation { channel: string; externalId: string; messages: DemoMessage[]; metadata: { scenario: string } }
const demo: DemoConversation[] = readFileSync(DEMO, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
const inOctober = (m: DemoMessage) => m.role === 'customer' && m.sentAt.startsWith('2026-10')

let t: Awaited<ReturnType<typeof createTestServices>>
let ws: Awaited<ReturnType<typeof createWorkspace>>
let vocabulary: AskVocabulary
beforeAll(async () => {
  t = await createTestServices({ clock: () => new Date(NOW) })
  ws = await createWorkspace(t.services)
  await importFile(t.services, ws.id, DEMO, { quiet: true })
  vocabulary = await loadVocabulary(t.services.db, ws.id)
}, 600_000)
afterAll(async () => t?.close())

async function ask(question: string, overrides: PlanOverrides = {}): Promise<AskResult> {
  const res = await t.app.inject({ method: 'POST', url: '/v1/ask', headers: ws.auth('analyst'), payload: { question, now: NOW, ...overrides } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const countOf = (r: AskResult, unit: AskFigure['unit']) => r.figures.find((f) => f.kind === 'count' && f.unit === unit && !f.label.startsWith('all '))!

/** The messages of the weekly themes a question matched, with their conversation's scenario. */
async function matchedMembers(question: string) {
  const { planLocally } = await import('../../src/chains/ask/planner-local.ts')
  const plan = planLocally(question, new Date(NOW), vocabulary)
  const { filters } = await resolveTheme({ db: t.services.db }, ws.id, plan, themeQuery(plan, explainedWords(plan.filters, vocabulary)), new Date(NOW))
  const snapshots = filters.themeSnapshots ?? []
  const { rows } = await t.services.db.query<{ scenario: string; sentAt: string; conversationId: string }>(
    `SELECT c.metadata->>'scenario' AS scenario, m.sent_at AS "sentAt", m.conversation_id AS "conversationId"
     FROM theme_members tm JOIN messages m ON m.id = tm.message_id JOIN conversations c ON c.id = m.conversation_id
     WHERE tm.workspace_id = $1 AND (tm.theme_id, tm.week) IN (SELECT * FROM unnest($2::uuid[], $3::text[]))
       AND m.sent_at >= $4 AND m.sent_at < $5`,
    [ws.id, snapshots.map((s) => s.themeId), snapshots.map((s) => s.week), plan.timeRange.from, plan.timeRange.to],
  )
  return rows
}

const before: Record<string, AskResult> = {}
const QUESTIONS = ['How many messages about wifi?', 'How many customers complained about wifi dropouts in October?']

describe('a question that names a theme, on the demo corpus', () => {
  it('is answered before any report was opened, computing the weeks it needs', async () => {
    const runs = await t.services.db.query(`SELECT 1 FROM theme_runs WHERE workspace_id = $1`, [ws.id])
    expect(runs.rows).toHaveLength(0)
    for (const q of QUESTIONS) before[q] = await ask(q)
    const computed = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM theme_runs WHERE workspace_id = $1 AND members_stored`, [ws.id])
    expect(computed.rows[0]!.n).toBeGreaterThanOrEqual(10)
  }, 600_000)

  it('"how many messages about wifi?" counts the wifi themes\' members: mostly the wifi scenario, and more than half of it', async () => {
    const r = before[QUESTIONS[0]!]!
    expect(r.plan.filters.theme).toBe('wifi')
    expect(r.plan.filters.mentions).toBeUndefined()
    expect(r.plan.themeMatched).toBeTruthy()
    expect(r.answer).toContain('matched the weekly themes')
    const members = await matchedMembers(QUESTIONS[0]!)
    const count = countOf(r, 'messages')
    // The figure is the members' count; membership comes from clustering, so it is not called exact.
    expect(count.value).toBe(members.length)
    expect(count.exact).toBeUndefined()
    expect(r.answer).toContain('counted among the messages the weekly theme runs put in the theme')
    const truth = demo.filter((c) => c.metadata.scenario === WIFI).flatMap((c) => c.messages.filter((m) => m.role === 'customer')).length
    const precision = members.filter((m) => m.scenario === WIFI).length / members.length
    const recall = members.filter((m) => m.scenario === WIFI).length / truth
    // Measured 0.72 and 0.57 with the built-in embedder: membership is only as good as the weekly
    // clustering (a wifi message left unclustered, or in a mixed cluster, is missed).
    expect(precision).toBeGreaterThanOrEqual(0.65)
    expect(recall).toBeGreaterThanOrEqual(0.5)
    // Not "every customer message" (the bug this replaces).
    expect(count.value).toBeLessThan(demo.flatMap((c) => c.messages.filter((m) => m.role === 'customer')).length / 3)
    for (const c of r.citations) expect(members.some((m) => m.conversationId === c.conversationId)).toBe(true)
  })

  it('"how many customers complained about wifi dropouts in October?" is about the wifi themes in October, not every October complaint', async () => {
    const r = before[QUESTIONS[1]!]!
    expect(r.plan).toMatchObject({ kind: 'count', timeRange: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' }, filters: { sentiment: 'negative', theme: 'wifi dropouts' } })
    const members = await matchedMembers(QUESTIONS[1]!)
    expect(members.length).toBeGreaterThan(0)
    expect(members.every((m) => new Date(m.sentAt) >= new Date('2026-10-01T00:00:00Z') && new Date(m.sentAt) < new Date('2026-11-01T00:00:00Z'))).toBe(true)
    expect(members.filter((m) => m.scenario === WIFI).length / members.length).toBeGreaterThanOrEqual(0.6)
    const truthConversations = new Set(demo.filter((c) => c.metadata.scenario === WIFI && c.messages.some(inOctober)).map((c) => c.externalId)).size
    const conversations = countOf(r, 'conversations')
    expect(conversations.value).toBeGreaterThan(0)
    expect(conversations.value).toBeLessThanOrEqual(truthConversations)
    // Every October complaint (the figure the issue got: 121) is several times more than the theme's.
    const allOctober = await ask('How many complaints in October?')
    expect(countOf(r, 'messages').value * 3).toBeLessThan(countOf(allOctober, 'messages').value)
  }, 120_000)

  it('"the new app update" is the app\'s themes, not the back-ordered remotes whose customers ask for "any update"', async () => {
    const question = 'What are customers saying about the new app update?'
    const r = await ask(question)
    expect(r.plan.themeMatched).not.toMatch(/remote/i)
    const members = await matchedMembers(question)
    const scenarios = new Map<string, number>()
    for (const m of members) scenarios.set(m.scenario, (scenarios.get(m.scenario) ?? 0) + 1)
    expect(members.length, JSON.stringify([...scenarios])).toBeGreaterThan(0)
    expect(scenarios.get('remote_backorder') ?? 0, JSON.stringify([...scenarios])).toBe(0)
  }, 120_000)

  it('"what do people think of our customer service?" counts the messages naming the support, phrases included, and no billing theme', async () => {
    // It counted the messages saying "service"; then the billing and password themes, whose customers add "I was on hold for 40 minutes".
    const r = await ask('What do people think of our customer service?')
    expect(r.plan.themeMatched).toBeUndefined()
    const names = /(?<![\p{L}])(?:support|customer (?:service|support|care)|support team|help ?desk|live chat|on hold|service client|kundenservice|kundendienst|atención al cliente|servicio al cliente|soporte|atendimento|suporte|assistenza clienti|servizio clienti)(?![\p{L}])/iu
    const said = demo.flatMap((c) => c.messages).filter((m) => m.role === 'customer' && names.test((m as DemoMessage & { text: string }).text))
    expect(said.length).toBeGreaterThan(20)
    expect(countOf(r, 'messages').value).toBe(said.length)
    expect(r.answer).toMatch(/were negative.*positive/)
  }, 120_000)

  it('"which theme has the most complaints in October?" ranks the weekly themes by their members, not the intents', async () => {
    const r = await ask('Which theme has the most complaints in October?')
    expect(r.plan).toMatchObject({ kind: 'rank', groupBy: 'theme', filters: { sentiment: 'negative' } })
    const rows = r.figures.filter((f) => f.kind === 'breakdown')
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.every((f) => typeof f.group?.theme === 'string' && f.group.intent === undefined && f.estimate)).toBe(true)
    expect(rows.map((f) => f.value)).toEqual([...rows.map((f) => f.value)].sort((a, b) => b - a))
    // A theme's estimate counts some of its October members, never more than all of the month's negatives.
    const negatives = countOf(await ask('How many complaints in October?'), 'messages').value
    expect(rows[0]!.value).toBeLessThan(negatives)
  })

  it('gives the same figures after someone opened a report, whichever weeks were computed first', async () => {
    await t.services.db.query(`DELETE FROM theme_runs WHERE workspace_id = $1`, [ws.id])
    await t.services.db.query(`DELETE FROM themes WHERE workspace_id = $1`, [ws.id])
    const report = await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W44', headers: ws.auth('analyst') })
    expect(report.statusCode).toBe(200)
    for (const q of QUESTIONS) {
      const after = await ask(q)
      const values = (r: AskResult) => r.figures.map((f) => [f.kind, f.label, f.value])
      expect(values(after), q).toEqual(values(before[q]!))
      expect(after.plan.filters).toEqual(before[q]!.plan.filters)
    }
  }, 600_000)
})

describe('an install upgraded from before theme membership', () => {
  it('computes again a week whose run stored no members, when a question needs it', async () => {
    await t.services.db.query(`DELETE FROM theme_members WHERE workspace_id = $1 AND week = '2026-W42'`, [ws.id])
    await t.services.db.query(`UPDATE theme_runs SET members_stored = false WHERE workspace_id = $1 AND week = '2026-W42'`, [ws.id])
    const q = QUESTIONS[0]!
    const again = await ask(q)
    expect(again.figures.map((f) => [f.label, f.value])).toEqual(before[q]!.figures.map((f) => [f.label, f.value]))
    const { rows } = await t.services.db.query<{ stored: boolean }>(`SELECT members_stored AS stored FROM theme_runs WHERE workspace_id = $1 AND week = '2026-W42'`, [ws.id])
    expect(rows[0]!.stored).toBe(true)
  }, 300_000)
})

describe('"why did volume spike" before any report', () => {
  it('computes the weeks compared, and the theme that grew most in the outage week is the outage', async () => {
    await t.services.db.query(`DELETE FROM theme_runs WHERE workspace_id = $1`, [ws.id])
    await t.services.db.query(`DELETE FROM themes WHERE workspace_id = $1`, [ws.id])
    const res = await t.app.inject({ method: 'POST', url: '/v1/ask', headers: ws.auth('analyst'), payload: { question: 'Why did volume spike last week?', now: '2026-11-03T09:00:00Z' } })
    const r = res.json() as AskResult
    const grown = r.figures.find((f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')
    expect(grown).toBeDefined()
    // Ground truth: most of the grown theme's W44 members are the outage scenario's messages.
    const { rows } = await t.services.db.query<{ scenario: string; n: number }>(
      `SELECT c.metadata->>'scenario' AS scenario, count(*)::int AS n FROM theme_members tm
       JOIN themes th ON th.id = tm.theme_id JOIN conversations c ON c.id = tm.conversation_id
       WHERE tm.workspace_id = $1 AND tm.week = '2026-W44' AND coalesce(th.manual_label, th.label) = $2 GROUP BY 1`,
      [ws.id, grown!.group!.theme])
    const total = rows.reduce((sum, x) => sum + x.n, 0)
    expect(rows.find((x) => x.scenario === 'regional_outage')!.n * 2).toBeGreaterThan(total)
  }, 300_000)
})

describe('the plan a reader edited', () => {
  it('replaces the time range and the filters, and the theme is matched the same way as in a question', async () => {
    const worded = await ask('How many messages about wifi on X in October?')
    const edited = await ask('How many messages about wifi?', {
      timeRange: { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' },
      filters: { channel: 'x', theme: 'wifi' },
    })
    expect(edited.plan).toMatchObject({ edited: true, timeRange: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' }, filters: { channel: 'x', theme: 'wifi' } })
    expect(edited.plan.understoodAs).toContain('(edited)')
    expect(countOf(edited, 'messages').value).toBe(countOf(worded, 'messages').value)
  }, 120_000)

  it('drops what the reader removed: without the theme it counts every customer message of the range', async () => {
    const r = await ask('How many messages about wifi?', { timeRange: { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, filters: {} })
    expect(r.plan.filters.theme).toBeUndefined()
    expect(r.plan.themeMatched).toBeUndefined()
    expect(countOf(r, 'messages').value).toBe(demo.flatMap((c) => c.messages.filter(inOctober)).length)
  })

  it('refuses a range that ends before it starts', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/v1/ask', headers: ws.auth('analyst'),
      payload: { question: 'How many messages?', timeRange: { from: '2026-11-01T00:00:00Z', to: '2026-10-01T00:00:00Z' } },
    })
    expect(res.statusCode).toBe(400)
  })

  it('is documented in OpenAPI, with the inbox theme filter', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, any> }
    const body = JSON.stringify(doc.paths['/v1/ask'].post.requestBody)
    expect(body).toContain('timeRange')
    expect(body).toContain('filters')
    expect(JSON.stringify(doc.paths['/v1/inbox'].get.parameters)).toContain('theme')
    expect(doc.paths['/v1/inbox/themes']).toBeDefined()
  })
})

describe('the inbox filtered by theme', () => {
  it('lists exactly the conversations with a message in the theme (merged themes included)', async () => {
    const themes = (await t.app.inject({ method: 'GET', url: '/v1/inbox/themes', headers: ws.auth('agent') })).json() as { themes: Array<{ id: string; label: string; conversations: number }> }
    expect(themes.themes.length).toBeGreaterThan(0)
    const [a, b] = [...themes.themes].sort((x, y) => y.conversations - x.conversations)
    // A person merges b into a: the filter on a takes b's conversations too.
    expect((await t.app.inject({ method: 'POST', url: `/v1/themes/${b!.id}/merge`, headers: ws.auth('admin'), payload: { into: a!.id } })).statusCode).toBeLessThan(300)
    const res = await t.app.inject({ method: 'GET', url: `/v1/inbox?theme=${a!.id}&limit=200`, headers: ws.auth('agent') })
    expect(res.statusCode).toBe(200)
    const page = res.json() as { items: Array<{ id: string }>; total: number }
    // The family of a: every theme whose merges lead to it (the weekly run also folds look-alikes).
    const themeRows = (await t.services.db.query<{ id: string; into: string | null }>(`SELECT id, merged_into AS into FROM themes WHERE workspace_id = $1`, [ws.id])).rows
    const into = new Map(themeRows.map((r) => [r.id, r.into]))
    const rootOf = (id: string): string => (into.get(id) ? rootOf(into.get(id)!) : id)
    const family = themeRows.map((r) => r.id).filter((id) => rootOf(id) === a!.id)
    expect(family).toContain(b!.id)
    const { rows } = await t.services.db.query<{ id: string }>(
      `SELECT DISTINCT conversation_id AS id FROM theme_members WHERE workspace_id = $1 AND theme_id = ANY($2::uuid[])`, [ws.id, family])
    expect(page.total).toBe(rows.length)
    for (const item of page.items) expect(rows.some((r) => r.id === item.id)).toBe(true)
    const merged = (await t.app.inject({ method: 'GET', url: '/v1/inbox/themes', headers: ws.auth('agent') })).json() as { themes: Array<{ id: string }> }
    expect(merged.themes.some((x) => x.id === b!.id)).toBe(false)
  })

  it('refuses a theme that is not an id, and analysts get no inbox', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/v1/inbox?theme=wifi', headers: ws.auth('agent') })).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/v1/inbox/themes', headers: ws.auth('analyst') })).statusCode).toBe(403)
  })

  it('another workspace\'s theme id lists nothing', async () => {
    const other = await createWorkspace(t.services)
    const [theme] = ((await t.app.inject({ method: 'GET', url: '/v1/inbox/themes', headers: ws.auth('agent') })).json() as { themes: Array<{ id: string }> }).themes
    const res = await t.app.inject({ method: 'GET', url: `/v1/inbox?theme=${theme!.id}`, headers: other.auth('agent') })
    expect(res.json()).toMatchObject({ total: 0, items: [] })
  })
})
