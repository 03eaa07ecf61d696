// The weekly theme report on the shipped demo corpus (ten ISO weeks with known scenarios in
// metadata.scenario, which Parley itself never reads): structure, trends, the W44 outage, quotes that
// point at real stored messages, and renames and merges that survive a re-run.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportTheme, ThemeReport } from '../../src/chains/themes/types.ts'
import { weekRange } from '../../src/chains/themes/week.ts'
import { importFile } from '../../src/pipeline/import-file.ts'
import { redact } from '../../src/safety/redact.ts'
import { CLOSING_REASONS } from '../../src/chains/classify/urgency.ts'
import { readWeekMessages } from '../../src/store/themes.ts'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

const DEMO = fileURLToPath(new URL('../../demo/conversations.jsonl', import.meta.url))
const VOICE = JSON.parse(readFileSync(new URL('../../demo/voice.json', import.meta.url), 'utf8')) as { handles: string[] }
const NOW = new Date('2026-11-10T09:00:00Z')
/** Mean token overlap of generated labels with test/fixtures/theme-labels.json: 0.653 measured with the local recipe and the built-in embedder (0.495 before cross-language joins, English labels and single-phrase labels). */
const LABEL_OVERLAP_FLOOR = 0.6

let t: Awaited<ReturnType<typeof createTestServices>>
let ws: Awaited<ReturnType<typeof createWorkspace>>
const scenarioOf = new Map<string, string>()
/** Words of the demo's handles that name no one. */
const HANDLE_WORDS = new Set(['the', 'real'])
/** The name and handle parts of each conversation's customer. */
const scenarioCustomer = new Map<string, string[]>()

beforeAll(async () => {
  t = await createTestServices({ clock: () => NOW })
  ws = await createWorkspace(t.services)
  await importFile(t.services, ws.id, DEMO, { quiet: true })
  // As `npm run demo:load` does: the brand's handles are what a quote keeps.
  await t.app.inject({ method: 'PUT', url: '/v1/settings/voice', headers: ws.auth(), payload: VOICE })
  const { rows } = await t.services.db.query<{ id: string; scenario: string }>(`SELECT id, metadata->>'scenario' AS scenario FROM conversations WHERE workspace_id = $1`, [ws.id])
  for (const r of rows) scenarioOf.set(r.id, r.scenario)
  const people = await t.services.db.query<{ id: string; handle: string | null; name: string | null }>(
    `SELECT id, customer_handle AS handle, customer_name AS name FROM conversations WHERE workspace_id = $1`,
    [ws.id],
  )
  // Handles name their owner, except the words they are built around ("the_real_ellie") and an e-mail's domain.
  const ownerOf = (handle: string | null) => (handle ?? '').replace(/@.*$/, '')
  for (const r of people.rows) scenarioCustomer.set(r.id, `${ownerOf(r.handle)} ${r.name ?? ''}`.toLowerCase().split(/[^\p{L}]+/u).filter((p) => p.length >= 3 && !HANDLE_WORDS.has(p)))
})
afterAll(async () => t?.close())

async function report(week: string, auth = ws.auth('analyst')): Promise<ThemeReport> {
  const res = await t.app.inject({ method: 'GET', url: `/v1/themes?week=${week}`, headers: auth })
  expect(res.statusCode).toBe(200)
  return res.json()
}

/** The scenario most of a theme's quoted conversations belong to (ground truth, for the test only). */
function dominantScenario(theme: ReportTheme): string | undefined {
  const counts = new Map<string, number>()
  for (const q of theme.quotes) counts.set(scenarioOf.get(q.conversationId)!, (counts.get(scenarioOf.get(q.conversationId)!) ?? 0) + 1)
  const [best] = [...counts].sort((a, b) => b[1] - a[1])
  return best && best[1] * 2 > theme.quotes.length ? best[0] : undefined
}

/** Every part of the demo's customer names and handles ("nicolas_marchand.org" → nicolas, marchand, org). */
function demoPeople(): Set<string> {
  const people = new Set<string>()
  for (const line of readFileSync(DEMO, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const c = JSON.parse(line) as { customer?: { handle?: string; name?: string } }
    for (const who of [c.customer?.handle, c.customer?.name]) {
      for (const part of (who ?? '').toLowerCase().split(/[^\p{L}]+/u)) if (part.length >= 3) people.add(part)
    }
  }
  return people
}

describe('weekly themes on the demo corpus', () => {
  it('shows no personal data in the labels and quotes of W42–W45', async () => {
    const people = demoPeople()
    for (const week of ['2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      const r = await report(week)
      for (const theme of r.themes) {
        for (const text of [theme.label, ...theme.keyphrases, ...theme.quotes.map((q) => q.text)]) {
          // What the redactor finds in the shown text, it would have masked: nothing may be left.
          const found = redact(text, { handles: true, keepHandles: VOICE.handles })
          expect(found.count, `${week} "${text}"`).toBe(0)
          expect(text, `${week} "${text}"`).not.toMatch(/\b[A-Z]{2,4}-\d{4,}\b|\b\d{6,}\b/)
          // Postcodes as customers type them, in lower case too ("postcode ls6 2qt").
          expect(text, `${week} "${text}"`).not.toMatch(/\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b/i)
        }
        for (const word of theme.label.toLowerCase().split(/[^\p{L}]+/u)) expect(people.has(word), `${week} label "${theme.label}"`).toBe(false)
        for (const q of theme.quotes) {
          const own = new Set(q.text.toLowerCase().split(/[^\p{L}]+/u))
          const handle = scenarioCustomer.get(q.conversationId) ?? []
          for (const part of handle) expect(own.has(part), `${week} quote "${q.text}"`).toBe(false)
        }
      }
    }
  })

  it('quotes the brand\'s own handle as written, and masks no other handle into a placeholder', async () => {
    const quotes = (await Promise.all(['2026-W42', '2026-W43', '2026-W44', '2026-W45'].map((w) => report(w)))).flatMap((r) => r.themes.flatMap((x) => x.quotes.map((q) => q.text)))
    expect(quotes.some((q) => q.startsWith('@BrightwaveHelp '))).toBe(true)
    expect(quotes.filter((q) => q.includes('[HANDLE_'))).toEqual([])
  })

  it('labels its themes with words a person used for the same topic', async () => {
    const written = JSON.parse(readFileSync(new URL('../fixtures/theme-labels.json', import.meta.url), 'utf8')).labels as Record<string, string>
    const tokens = (text: string) => new Set(text.toLowerCase().replace(/wi-fi/g, 'wifi').split(/[^\p{L}\d.]+/u).filter((w) => w.length >= 3).map((w) => w.replace(/(?:ing|es|s)$/, '')))
    const overlaps: number[] = []
    for (const week of ['2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      for (const theme of (await report(week)).themes) {
        const scenario = dominantScenario(theme)
        if (!scenario || !written[scenario]) continue
        const mine = tokens(theme.label)
        const theirs = tokens(written[scenario])
        // Share of the label's words that the person's label uses too.
        overlaps.push([...mine].filter((w) => theirs.has(w)).length / Math.max(1, mine.size))
      }
    }
    // In the report's language: every label word is one the demo's English customers use, or the recipe's own.
    const english = new Set<string>(['messages', 'issues', 'problems', 'sign', 'connection', 'billing', 'delivery', 'cancellations', 'requests', 'faults', 'prices', 'questions', 'complaints', 'thai', 'korean', 'french', 'german', 'spanish', 'italian', 'portuguese'])
    const { rows } = await t.services.db.query<{ text: string }>(`SELECT text FROM messages WHERE workspace_id = $1 AND role = 'customer' AND language = 'en'`, [ws.id])
    for (const r of rows) for (const w of r.text.toLowerCase().split(/[^\p{L}\d.]+/u)) english.add(w.replace(/^\.+|\.+$/g, ''))
    for (const week of ['2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      for (const theme of (await report(week)).themes) {
        for (const w of theme.label.toLowerCase().split(/[^\p{L}\d.]+/u).filter(Boolean)) expect(english.has(w), `${week} label "${theme.label}": ${w}`).toBe(true)
        expect(theme.label, 'one phrase, not two stacked').not.toContain(', ')
      }
    }
    const mean = overlaps.reduce((a, b) => a + b, 0) / overlaps.length
    console.info(`label token overlap with hand-written labels: ${mean.toFixed(3)} over ${overlaps.length} themes`)
    expect(overlaps.length).toBeGreaterThan(8)
    expect(mean).toBeGreaterThanOrEqual(LABEL_OVERLAP_FLOOR)
  })

  it('never words a trend against the numbers it shows', async () => {
    for (const week of ['2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      const r = await report(week)
      for (const t of r.themes) {
        const base = t.trendEvidence.baselineVolume
        if (t.trend === 'new') expect(t.history.slice(0, -1).every((h) => h.volume === 0), t.label).toBe(true)
        else expect(base).not.toBeNull()
        if (t.trend === 'rising') expect(t.volume, t.label).toBeGreaterThan(base!)
        if (t.trend === 'falling') expect(t.volume, t.label).toBeLessThan(base!)
        if (t.trend === 'rising' || t.trend === 'falling') expect(t.trendEvidence.test!.p).toBeLessThan(0.05)
        if (t.spike && t.trend !== 'new') expect(t.trend).toBe('rising')
      }
    }
  })

  it('computes the week and its history on first request, with themes, trends and quotes', async () => {
    const r = await report('2026-W45')
    expect(r.weeks).toHaveLength(9)
    expect(r.weeks[0]).toBe('2026-W37')
    expect(r.totals.messages).toBeGreaterThan(50)
    expect(r.themes.length).toBeGreaterThanOrEqual(3)
    const { rows } = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM theme_runs WHERE workspace_id = $1 AND messages > 0`, [ws.id])
    expect(rows[0].n).toBeGreaterThanOrEqual(9)
    for (const theme of r.themes) {
      expect(theme.label.length).toBeGreaterThan(0)
      expect(theme.history.map((h) => h.week)).toEqual(r.weeks)
      expect(theme.history[8].volume).toBe(theme.volume)
      // A small theme shows fewer quotes rather than a bare "Perfect, thank you!".
      expect(theme.quotes.length).toBeGreaterThanOrEqual(theme.volume >= 10 ? 3 : 1)
      expect(theme.quotes.length).toBeLessThanOrEqual(5)
      expect(['new', 'rising', 'steady', 'falling']).toContain(theme.trend)
      // How its customers feel: each conversation once, by its first message in the theme that does more
      // than close the case; a conversation the theme holds only a thank-you of is not counted.
      const s = theme.sentiment
      expect(s.negative + s.neutral + s.positive + s.uncertain + s.unknown).toBeLessThanOrEqual(theme.conversations)
    }
    expect(r.themes.map((x) => x.volume)).toEqual([...r.themes.map((x) => x.volume)].sort((a, b) => b - a))
    // Messages the classifier could not read are shown as uncertain, not folded into "unknown".
    expect(r.themes.some((x) => x.sentiment.uncertain > 0)).toBe(true)
    // Across the ten weeks, some themes carry on (history before this week) and trends vary.
    const continuing = r.themes.filter((x) => x.history.slice(0, -1).some((h) => h.volume > 0))
    expect(continuing.length).toBeGreaterThan(0)
  })

  it('reads which of a week\'s messages only close the case, for how a theme\'s customers feel', async () => {
    const { from, to } = weekRange('2026-W45')
    const { messages } = await readWeekMessages(t.services.db, ws.id, t.services.embedder.id, from, to, CLOSING_REASONS)
    const closing = messages.filter((m) => m.closes)
    expect(closing.length).toBeGreaterThan(0)
    expect(closing.length).toBeLessThan(messages.length / 2)
    for (const m of closing) expect(m.text.length, m.text).toBeLessThan(120)
    expect(messages.filter((m) => /keeps dropping|charged|crash/i.test(m.text)).every((m) => !m.closes)).toBe(true)
  })

  it('puts the French, German and English app-crash messages of a week in one theme', async () => {
    const checked: string[] = []
    for (const week of ['2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      const r = await report(week)
      const { rows } = await t.services.db.query<{ language: string; themeId: string; mergedInto: string | null; conversationId: string }>(
        `SELECT coalesce(m.language, '') AS language, tm.theme_id AS "themeId", th.merged_into AS "mergedInto", tm.conversation_id AS "conversationId"
         FROM theme_members tm JOIN messages m ON m.id = tm.message_id JOIN conversations c ON c.id = m.conversation_id JOIN themes th ON th.id = tm.theme_id
         WHERE tm.workspace_id = $1 AND tm.week = $2 AND c.metadata->>'scenario' = 'app_52_crash'`,
        [ws.id, week],
      )
      // The report folds a theme merged into another (rootOf); one level is all the weekly run makes.
      const byLanguage = new Map<string, Map<string, number>>()
      const conversations = new Map<string, Set<string>>()
      for (const r of rows) {
        conversations.set(r.language, (conversations.get(r.language) ?? new Set()).add(r.conversationId))
        const themes = byLanguage.get(r.language) ?? new Map<string, number>()
        const root = r.mergedInto ?? r.themeId
        themes.set(root, (themes.get(root) ?? 0) + 1)
        byLanguage.set(r.language, themes)
      }
      const english = [...(byLanguage.get('en') ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0]
      expect(english, week).toBeDefined()
      for (const language of ['en', 'fr', 'de']) {
        const themes = byLanguage.get(language)
        const clustered = [...(themes?.values() ?? [])].reduce((a, b) => a + b, 0)
        // One customer's thread is not a language's share of the topic (W42's one French report).
        if ((conversations.get(language)?.size ?? 0) < 2) continue
        checked.push(`${week} ${language}`)
        expect(themes!.get(english!) ?? 0, `${week}: ${language} app-crash messages in the English app theme, of ${clustered}`).toBeGreaterThanOrEqual(0.75 * clustered)
      }
      // Its quotes speak the languages it is told in, not only the most central one.
      const quoted = r.themes.find((x) => x.id === english)!.quotes.map((q) => q.messageId)
      const languages = await t.services.db.query<{ language: string }>(`SELECT DISTINCT coalesce(language, '') AS language FROM messages WHERE workspace_id = $1 AND id = ANY($2::uuid[])`, [ws.id, quoted])
      expect(languages.rows.length, `${week} quote languages`).toBeGreaterThanOrEqual(2)
    }
    // The demo has French crash reports in W43 and W44 and German ones in W43–W45.
    expect(checked.filter((c) => !c.endsWith('en')).length).toBeGreaterThanOrEqual(3)
  })

  it('gives each topic the demo has in numbers that week a theme of its own, W42–W45', async () => {
    // Ground truth from the demo's scenarios: a topic with ≥ 8 customer messages in a week is the
    // majority of at least one theme. W45's password resets (8 messages) were left in noise, worded too
    // differently for their vectors to meet; their one intent now makes them a theme. W44's late
    // deliveries, scattered over the billing, wifi and cancellation themes, are gathered by theirs.
    const missed: string[] = []
    for (const week of ['2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      await report(week)
      const { from, to } = weekRange(week)
      const sizes = await t.services.db.query<{ scenario: string; n: number }>(
        `SELECT c.metadata->>'scenario' AS scenario, count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.workspace_id = $1 AND m.role = 'customer' AND m.sent_at >= $2 AND m.sent_at < $3 GROUP BY 1`,
        [ws.id, from.toISOString(), to.toISOString()],
      )
      const members = await t.services.db.query<{ theme: string; scenario: string; n: number }>(
        `SELECT coalesce(th.merged_into, tm.theme_id) AS theme, c.metadata->>'scenario' AS scenario, count(*)::int AS n
         FROM theme_members tm JOIN conversations c ON c.id = tm.conversation_id JOIN themes th ON th.id = tm.theme_id
         WHERE tm.workspace_id = $1 AND tm.week = $2 GROUP BY 1, 2`,
        [ws.id, week],
      )
      const byTheme = new Map<string, Array<{ scenario: string; n: number }>>()
      for (const r of members.rows) byTheme.set(r.theme, [...(byTheme.get(r.theme) ?? []), r])
      const majorities = new Set([...byTheme.values()].map((rows) => rows.sort((a, b) => b.n - a.n)[0].scenario))
      for (const { scenario, n } of sizes.rows) if (n >= 8 && !majorities.has(scenario)) missed.push(`${week} ${scenario}`)
    }
    expect(missed).toEqual([])
  })

  it('marks a theme there in every computed week as a standing topic, never new', async () => {
    // Double charges run at 5–7 conversations a week all along (demo/README.md); the billing theme keeps
    // its identity through W42–W43. (Billing in W45 and the smaller delivery topic are not yet held: see the round's notes.)
    for (const week of ['2026-W42', '2026-W43']) {
      const billing = (await report(week)).themes.filter((x) => dominantScenario(x) === 'billing_double_charge')
      expect(billing.length, week).toBeGreaterThan(0)
      expect(billing[0].trend, week).not.toBe('new')
      expect(billing[0].presence.everyWeek, `${week} ${billing[0].presence.weeks} of ${billing[0].presence.of}`).toBe(true)
    }
    // Wifi dropouts run at 8–9 conversations every week, in English and French: a theme every week, never new.
    for (const week of ['2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      const wifi = (await report(week)).themes.filter((x) => dominantScenario(x) === 'router_wifi')
      expect(wifi.length, week).toBeGreaterThan(0)
      expect(wifi.map((x) => x.trend), week).not.toContain('new')
    }
    for (const theme of (await report('2026-W44')).themes) {
      if (theme.trend === 'new') expect(theme.presence.weeks, theme.label).toBe(1)
      if (theme.presence.everyWeek) expect(theme.history.filter((h) => h.volume > 0).length, theme.label).toBe(theme.presence.of)
    }
  })

  it('sees the app 5.2 crashes arrive as a new or rising theme after the W41 release', async () => {
    const flagged: string[] = []
    for (const week of ['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45']) {
      const r = await report(week)
      for (const theme of r.themes) {
        if (dominantScenario(theme) === 'app_52_crash' && (theme.trend === 'new' || theme.trend === 'rising')) flagged.push(week)
      }
    }
    expect(flagged.length).toBeGreaterThan(0)
    // Before the release no theme is about the crash.
    const before = await report('2026-W39')
    expect(before.themes.filter((x) => dominantScenario(x) === 'app_52_crash')).toEqual([])
  })

  it('flags W44 as an unusual week whose outage themes are new', async () => {
    const r = await report('2026-W44')
    expect(r.volume.spike).toBe(true)
    expect(r.volume.messages).toBeGreaterThan(1.5 * (r.volume.usual ?? Infinity))
    const outage = r.themes.filter((x) => dominantScenario(x) === 'regional_outage')
    expect(outage.length).toBeGreaterThan(0)
    // The lexical built-in embedder may file part of the outage under an older "internet down" theme;
    // most of it must still surface as new or rising.
    const growing = outage.filter((x) => x.trend === 'new' || x.trend === 'rising').reduce((sum, x) => sum + x.volume, 0)
    expect(growing * 2).toBeGreaterThan(outage.reduce((sum, x) => sum + x.volume, 0))
    expect(outage.some((x) => x.trend === 'new')).toBe(true)
    expect(r.volume.inNewThemes).toBeGreaterThan(0)
    const after = await report('2026-W45')
    expect(after.volume.spike).toBe(false)
    expect(after.themes.filter((x) => dominantScenario(x) === 'regional_outage' && x.trend === 'new')).toEqual([])
  })

  it('quotes real stored customer messages of this workspace and links to their conversations', async () => {
    const r = await report('2026-W44')
    const quotes = r.themes.flatMap((x) => x.quotes)
    expect(quotes.length).toBeGreaterThan(0)
    const { rows } = await t.services.db.query<{ id: string; conversation_id: string; role: string; sent_at: Date }>(
      `SELECT id, conversation_id, role, sent_at FROM messages WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
      [ws.id, quotes.map((q) => q.messageId)],
    )
    const byId = new Map(rows.map((row) => [row.id, row]))
    for (const q of quotes) {
      const stored = byId.get(q.messageId)
      expect(stored, q.messageId).toBeDefined()
      expect(stored!.conversation_id).toBe(q.conversationId)
      expect(stored!.role).toBe('customer')
      expect(new Date(stored!.sent_at).getTime()).toBeGreaterThanOrEqual(new Date(r.from).getTime())
      // The web console's conversation page, which a signed-in person opens in a browser (not the API).
      expect(new URL(q.url).pathname).toBe(`/conversations/${q.conversationId}`)
    }
  })

  it('renders Markdown a product manager can forward', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W44&format=md', headers: ws.auth('analyst') })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/markdown')
    const md = res.body
    expect(md).toMatch(/^# Customer themes — week 2026-W44/)
    expect(md).toContain('unusually busy week')
    expect(md).toContain("## What's new or rising")
    expect(md).toContain('## All themes')
    expect(md).toMatch(/\[conversation\]\(http:\/\/[^)]+\/conversations\/[0-9a-f-]{36}\)/)
  })

  it('keeps theme ids on a re-run, and a rename and a merge survive the next run', async () => {
    const before = await report('2026-W43')
    expect(before.themes.length).toBeGreaterThanOrEqual(3)
    const rerun = await t.app.inject({ method: 'POST', url: '/v1/themes/runs', headers: ws.auth('analyst'), payload: { week: '2026-W43' } })
    expect(rerun.statusCode).toBe(201)
    const again = await report('2026-W43')
    expect(again.themes.map((x) => x.id).sort()).toEqual(before.themes.map((x) => x.id).sort())

    const [a, b, c] = again.themes
    const rename = await t.app.inject({ method: 'PATCH', url: `/v1/themes/${a.id}`, headers: ws.auth('analyst'), payload: { label: 'Wifi and router trouble' } })
    expect(rename.statusCode).toBe(200)
    const merge = await t.app.inject({ method: 'POST', url: `/v1/themes/${c.id}/merge`, headers: ws.auth('analyst'), payload: { into: b.id } })
    expect(merge.statusCode).toBe(200)
    const cycle = await t.app.inject({ method: 'POST', url: `/v1/themes/${b.id}/merge`, headers: ws.auth('analyst'), payload: { into: c.id } })
    expect(cycle.statusCode).toBe(409)

    await t.app.inject({ method: 'POST', url: '/v1/themes/runs', headers: ws.auth('analyst'), payload: { week: '2026-W43' } })
    const after = await report('2026-W43')
    const renamed = after.themes.find((x) => x.id === a.id)!
    expect(renamed.label).toBe('Wifi and router trouble')
    expect(renamed.renamed).toBe(true)
    expect(after.themes.find((x) => x.id === c.id)).toBeUndefined()
    const target = after.themes.find((x) => x.id === b.id)!
    expect(target.mergedFrom).toContain(c.id)
    expect(target.volume).toBe(b.volume + c.volume)
    expect(after.totals.clustered).toBe(again.totals.clustered)
  })

  it('keeps workspaces apart and checks roles and input', async () => {
    const other = await createWorkspace(t.services)
    const r = await report('2026-W44', other.auth('analyst'))
    expect(r.themes).toEqual([])
    const mine = await report('2026-W44')
    const foreign = await t.app.inject({ method: 'PATCH', url: `/v1/themes/${mine.themes[0].id}`, headers: other.auth('analyst'), payload: { label: 'x' } })
    expect(foreign.statusCode).toBe(404)
    expect((await t.app.inject({ method: 'PATCH', url: `/v1/themes/${mine.themes[0].id}`, headers: ws.auth('agent'), payload: { label: 'x' } })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W99', headers: ws.auth() })).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/v1/themes?week=44', headers: ws.auth() })).statusCode).toBe(400)
  })

  it('schedules last week’s run through the job queue, once', async () => {
    const fresh = await createWorkspace(t.services)
    const convs = Array.from({ length: 6 }, (_, i) => ({ ...conversation(`s${i}`, [['customer', `the router keeps dropping the wifi connection every evening ${i}`]]) }))
    for (const c of convs) for (const m of c.messages) m.sentAt = '2026-11-04T10:00:00.000Z'
    expect((await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: fresh.auth(), payload: { conversations: convs } })).statusCode).toBe(200)
    await t.services.worker.drain()
    await t.services.db.query(`INSERT INTO jobs (workspace_id, kind, payload) VALUES (NULL, 'themes-schedule', '{}')`)
    await t.services.worker.drain()
    const runs = await t.services.db.query<{ week: string; messages: number }>(`SELECT week, messages FROM theme_runs WHERE workspace_id = $1`, [fresh.id])
    expect(runs.rows).toEqual([{ week: '2026-W45', messages: 6 }])
    // The next Monday's check is scheduled once (it may already have run: the test clock is in the past).
    const next = await t.services.db.query<{ run_after: Date }>(`SELECT run_after FROM jobs WHERE kind = 'themes-schedule' AND payload->>'at' = '2026-11-16T00:10:00.000Z'`)
    expect(next.rows.map((r) => new Date(r.run_after).toISOString())).toEqual(['2026-11-16T00:10:00.000Z'])
    // Running the scheduler again enqueues nothing new: the week is done.
    await t.services.db.query(`INSERT INTO jobs (workspace_id, kind, payload) VALUES (NULL, 'themes-schedule', '{}')`)
    await t.services.worker.drain()
    const jobs = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = $1 AND kind = 'themes'`, [fresh.id])
    expect(jobs.rows[0].n).toBe(1)
  })
  it('computes a week again once messages imported after its run outgrow it, not for a late straggler', async () => {
    const fresh = await createWorkspace(t.services)
    const ingest = async (prefix: string, n: number) => {
      const convs = Array.from({ length: n }, (_, i) => conversation(`${prefix}${i}`, [['customer', `my parcel has not arrived and the tracking link is broken ${prefix} ${i}`]]))
      for (const c of convs) for (const m of c.messages) m.sentAt = '2026-11-04T10:00:00.000Z'
      expect((await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: fresh.auth(), payload: { conversations: convs } })).statusCode).toBe(200)
      await t.services.worker.drain()
    }
    const reportOf = async () => (await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W45', headers: fresh.auth('analyst') })).json() as ThemeReport
    await ingest('a', 4)
    const first = await reportOf()
    expect(first.totals.messages).toBe(4)
    // The demo store's W47 said 4 messages after 227 more had been imported into that week.
    await ingest('b', 30)
    const second = await reportOf()
    expect(second.totals.messages).toBe(34)
    expect(second.computedAt).not.toBe(first.computedAt)
    // Two more of 34 are fewer than a tenth: the week stands as computed.
    await ingest('c', 2)
    const third = await reportOf()
    expect(third.totals.messages).toBe(34)
    expect(third.computedAt).toBe(second.computedAt)
  })

  it('computes a week again once its messages were labelled again since its run (a classifier upgrade), not for a few corrections', async () => {
    const fresh = await createWorkspace(t.services)
    const convs = Array.from({ length: 30 }, (_, i) => conversation(`r${i}`, [['customer', `my parcel has not arrived and the tracking link is broken ${i}`]]))
    for (const c of convs) for (const m of c.messages) m.sentAt = '2026-11-04T10:00:00.000Z'
    expect((await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: fresh.auth(), payload: { conversations: convs } })).statusCode).toBe(200)
    await t.services.worker.drain()
    const reportOf = async () => (await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W45', headers: fresh.auth('analyst') })).json() as ThemeReport
    const relabel = (n: number) => t.services.db.query(
      `UPDATE enrichments SET updated_at = now() WHERE message_id IN (SELECT id FROM messages WHERE workspace_id = $1 ORDER BY id LIMIT $2)`, [fresh.id, n],
    )
    const first = await reportOf()
    await relabel(3)
    expect((await reportOf()).computedAt).toBe(first.computedAt)
    await relabel(12)
    expect((await reportOf()).computedAt).not.toBe(first.computedAt)
  })

  it('enqueues a computed week\'s run in the background, a minute later, when messages of it are enriched; once while one waits, never for a week not computed', async () => {
    const fresh = await createWorkspace(t.services)
    const ingest = async (prefix: string, n: number, sentAt: string) => {
      const convs = Array.from({ length: n }, (_, i) => conversation(`${prefix}${i}`, [['customer', `the engineer never came to install my broadband ${prefix} ${i}`]]))
      for (const c of convs) for (const m of c.messages) m.sentAt = sentAt
      expect((await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: fresh.auth(), payload: { conversations: convs } })).statusCode).toBe(200)
      await t.services.worker.drain()
    }
    const queued = async () => (await t.services.db.query<{ week: string; delay: number }>(
      `SELECT payload->>'week' AS week, extract(epoch FROM run_after - created_at)::int AS delay FROM jobs WHERE workspace_id = $1 AND kind = 'themes' AND status = 'queued' ORDER BY week`, [fresh.id],
    )).rows
    await ingest('a', 4, '2026-11-04T10:00:00.000Z')
    expect(await queued()).toEqual([])
    await t.services.themes.ensureWeek(fresh.id, '2026-W45', {})
    await ingest('b', 30, '2026-11-04T11:00:00.000Z')
    await ingest('c', 10, '2026-11-05T11:00:00.000Z')
    await ingest('d', 3, '2026-11-11T11:00:00.000Z')
    expect(await queued()).toEqual([{ week: '2026-W45', delay: 60 }])
    // The run, when due, computes the week the imports outgrew.
    await t.services.db.query(`UPDATE jobs SET run_after = now() WHERE workspace_id = $1 AND kind = 'themes'`, [fresh.id])
    await t.services.worker.drain()
    const run = await t.services.db.query<{ messages: number }>(`SELECT messages FROM theme_runs WHERE workspace_id = $1 AND week = '2026-W45'`, [fresh.id])
    expect(run.rows).toEqual([{ messages: 44 }])
  })
})
