// Measures the weekly theme run on the shipped demo corpus (ten ISO weeks, metadata.scenario is the
// ground truth that Parley itself never reads): per week the number of themes, NMI / ARI / purity of
// message → theme against the conversation's scenario (unclustered messages count as one "noise"
// group, as in the eval suite), whether the W44 outage is one theme flagged as a spike, whether the
// app 5.2 crash keeps one theme id from W41 to W45 and goes new → rising, and the labels.
// --separability: for each scenario-week that sits inside a theme mostly about another scenario, how far
// apart the two scenarios' messages are in the clustering space, against the same theme's own scenario
// cut in two (see `separability` below): what a rule that splits a theme in two would have to go on.
//
//   DATA_DIR=/tmp/td/data npx tsx scripts/measure-demo-themes.ts [--labels] [--separability] [--options '{"wordWeight":0.5}']
//   (--options: discovery options over the weekly run's own, to try a recipe before changing it)
//
// The demo is imported into DATA_DIR first when its default workspace is empty (about a minute).
// Every run forgets the workspace's themes and recomputes W36..W45 in order, so identity and trends
// are those of a fresh install that ran every Monday.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { adjustedRandIndex, nmi, purity } from '../evals/metrics.ts'
import { withConversationContext, type DiscoverOptions } from '../src/chains/themes/discover.ts'
import { createThemeService } from '../src/chains/themes/service.ts'
import type { ThemeReport } from '../src/chains/themes/types.ts'
import { weekRange, weeksEndingWith } from '../src/chains/themes/week.ts'
import { WEEKLY_DISCOVERY } from '../src/chains/themes/weekly-run.ts'
import { loadConfig } from '../src/config.ts'
import { importFile } from '../src/pipeline/import-file.ts'
import { bootstrapDefaultWorkspace, createServices } from '../src/services.ts'
import { CLOSING_REASONS } from '../src/chains/classify/urgency.ts'
import { readWeekMessages } from '../src/store/themes.ts'

const DEMO = fileURLToPath(new URL('../demo/conversations.jsonl', import.meta.url))
const WEEKS = weeksEndingWith('2026-W45', 10)
const OUTAGE = 'regional_outage'
const CRASH = 'app_52_crash'
const NOISE = 'noise'
/** A scenario with at least this many customer messages in a week should be the majority of some theme. */
const MISSED_SCENARIO_MESSAGES = 8

const { values: args } = parseArgs({
  options: { labels: { type: 'boolean', default: false }, separability: { type: 'boolean', default: false }, options: { type: 'string' } },
})

const config = loadConfig({ ...process.env, EMBEDDINGS: process.env.EMBEDDINGS ?? 'builtin', LOG_LEVEL: 'warn' })
const s = await createServices(config, { log: pino({ level: 'warn' }, pino.destination(2)) })
try {
  const { workspaceId } = await bootstrapDefaultWorkspace(s.db, s.config.adminApiKey)
  const count = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations WHERE workspace_id = $1`, [workspaceId])
  if (count.rows[0].n === 0) {
    console.error(`importing the demo into ${config.dataDir} …`)
    await importFile(s, workspaceId, DEMO, { quiet: true })
    await s.worker.drain()
  }
  const scenarios = new Map(
    (await s.db.query<{ id: string; scenario: string }>(`SELECT id, metadata->>'scenario' AS scenario FROM conversations WHERE workspace_id = $1`, [workspaceId])).rows.map((r) => [r.id, r.scenario]),
  )
  await s.db.query(`DELETE FROM theme_runs WHERE workspace_id = $1`, [workspaceId])
  await s.db.query(`DELETE FROM themes WHERE workspace_id = $1`, [workspaceId])

  const assignments = new Map<string, Map<string, string>>()
  const service = createThemeService({
    db: s.db,
    embedderId: s.embedder.id,
    describer: s.chains.themeDescriber,
    log: pino({ level: 'warn' }),
    clusterOptions: args.options ? (JSON.parse(args.options) as DiscoverOptions) : undefined,
    clock: () => new Date('2026-11-10T09:00:00Z'),
    onWeekComputed: (week, members) => assignments.set(week, new Map(members.map((m) => [m.messageId, m.themeId]))),
  })
  const started = performance.now()
  for (const week of WEEKS) await service.runWeek(workspaceId, week)
  const seconds = (performance.now() - started) / 1000

  const rows: string[] = []
  const missed: string[] = []
  const separations: string[] = []
  let scenarioWeeks = 0
  let themedScenarioWeeks = 0
  const crashIds: Array<{ week: string; ids: string[]; trends: string[] }> = []
  const totals = { nmi: 0, ari: 0, purity: 0, themes: 0 }
  let w44: { outageThemes: number; outageMain: string; spike: boolean; share: number } | undefined
  const reports = new Map<string, ThemeReport>()
  for (const week of WEEKS) {
    const report = await service.report(workspaceId, week)
    reports.set(week, report)
    const { from, to } = weekRange(week)
    const messages = (await s.db.query<{ id: string; conversationId: string }>(
      `SELECT id, conversation_id AS "conversationId" FROM messages WHERE workspace_id = $1 AND role = 'customer' AND sent_at >= $2 AND sent_at < $3`,
      [workspaceId, from.toISOString(), to.toISOString()],
    )).rows
    const themeOf = assignments.get(week) ?? new Map()
    // The week's messages as the weekly run clusters them (conversation context; the context weeks left out).
    const own = args.separability ? (await readWeekMessages(s.db, workspaceId, s.embedder.id, from, to, CLOSING_REASONS)).messages : []
    const spaceOf = new Map(withConversationContext(own, WEEKLY_DISCOVERY.conversationWeight).map((vector, i) => [own[i].id, vector]))
    const truth = messages.map((m) => scenarios.get(m.conversationId) ?? 'unknown')
    const predicted = messages.map((m) => themeOf.get(m.id) ?? NOISE)
    const scores = { nmi: nmi(truth, predicted), ari: adjustedRandIndex(truth, predicted), purity: purity(truth, predicted) }
    totals.nmi += scores.nmi
    totals.ari += scores.ari
    totals.purity += scores.purity
    totals.themes += report.themes.length

    // The theme holding most of a scenario's messages, and how many themes hold a sizeable part of it.
    const themesOf = (scenario: string) => {
      const counts = new Map<string, number>()
      messages.forEach((m, i) => {
        if (truth[i] === scenario && predicted[i] !== NOISE) counts.set(predicted[i], (counts.get(predicted[i]) ?? 0) + 1)
      })
      const all = messages.filter((_, i) => truth[i] === scenario).length
      return { all, ranked: [...counts].sort((a, b) => b[1] - a[1]) }
    }
    const crash = themesOf(CRASH)
    if (crash.all > 0) {
      const ids = crash.ranked.filter(([, n]) => n >= Math.max(2, 0.2 * crash.all)).map(([id]) => id)
      crashIds.push({ week, ids, trends: ids.map((id) => report.themes.find((t) => t.id === id)?.trend ?? '?') })
    }
    if (week === '2026-W44') {
      const outage = themesOf(OUTAGE)
      const sizeable = outage.ranked.filter(([, n]) => n >= Math.max(2, 0.1 * outage.all))
      const main = report.themes.find((t) => t.id === outage.ranked[0]?.[0])
      w44 = { outageThemes: sizeable.length, outageMain: main?.label ?? '-', spike: main?.spike ?? false, share: outage.all ? (outage.ranked[0]?.[1] ?? 0) / outage.all : 0 }
    }
    // A scenario with enough messages that no theme is mostly about: a topic the report misses.
    const majorityOf = new Map<string, string>()
    for (const theme of new Set(predicted)) {
      if (theme === NOISE) continue
      const counts = new Map<string, number>()
      predicted.forEach((p, i) => p === theme && counts.set(truth[i], (counts.get(truth[i]) ?? 0) + 1))
      majorityOf.set(theme, [...counts].sort((a, b) => b[1] - a[1])[0][0])
    }
    const sizes = new Map<string, number>()
    for (const t of truth) sizes.set(t, (sizes.get(t) ?? 0) + 1)
    for (const [scenario, size] of sizes) {
      if (size < MISSED_SCENARIO_MESSAGES) continue
      const themed = [...majorityOf.values()].includes(scenario)
      if (!themed) {
        const where = themesOf(scenario).ranked.slice(0, 2).map(([id, n]) => `${n} in "${report.themes.find((t) => t.id === id)?.label}" (mostly ${majorityOf.get(id)})`)
        const noise = truth.filter((t, i) => t === scenario && predicted[i] === NOISE).length
        missed.push(`${week.slice(5)} ${scenario} (${size}: ${[...where, `${noise} noise`].join(', ')})`)
        const [host] = themesOf(scenario).ranked[0] ?? []
        if (args.separability && host) {
          const vectorsOf = (wanted: string) => messages.flatMap((m, i) => (predicted[i] === host && truth[i] === wanted && spaceOf.has(m.id) ? [spaceOf.get(m.id)!] : []))
          const guest = vectorsOf(scenario)
          const resident = vectorsOf(majorityOf.get(host)!)
          if (guest.length >= 2 && resident.length >= 4) {
            const apart = separability(resident, guest)
            const halves = principalHalves(resident)
            const cut = halves ? separability(...halves) : NaN
            separations.push(`${week.slice(5)} ${scenario} (${guest.length}) in a theme of ${majorityOf.get(host)} (${resident.length}): ${apart.toFixed(3)}; ${majorityOf.get(host)} cut in two: ${cut.toFixed(3)}`)
          }
        }
      }
      scenarioWeeks += 1
      if (themed) themedScenarioWeeks += 1
    }
    const fresh = report.themes.filter((t) => t.trend === 'new').length
    rows.push(
      `${week}  msgs ${String(messages.length).padStart(3)}  themes ${String(report.themes.length).padStart(2)} (new ${String(fresh).padStart(2)})  ` +
        `clustered ${pct(report.totals.clustered / Math.max(1, report.totals.messages))}  NMI ${scores.nmi.toFixed(3)}  ARI ${scores.ari.toFixed(3)}  purity ${scores.purity.toFixed(3)}`,
    )
  }

  console.log(`demo themes, ${s.embedder.id}, ${WEEKS.length} weeks computed in ${seconds.toFixed(1)} s`)
  for (const row of rows) console.log(row)
  const n = WEEKS.length
  console.log(`mean        themes ${(totals.themes / n).toFixed(1)}  NMI ${(totals.nmi / n).toFixed(3)}  ARI ${(totals.ari / n).toFixed(3)}  purity ${(totals.purity / n).toFixed(3)}`)
  console.log(`scenarios with ≥ ${MISSED_SCENARIO_MESSAGES} messages in a week that a theme is mostly about: ${themedScenarioWeeks} of ${scenarioWeeks}; missed: ${missed.join(', ') || 'none'}`)
  if (args.separability) console.log(`separability (mean silhouette, cosine): ${separations.join('; ') || 'none'}`)
  // The label test's figure (test/integration/themes.test.ts): token overlap with the hand-written labels, W42–W45.
  const written = JSON.parse(readFileSync(new URL('../test/fixtures/theme-labels.json', import.meta.url), 'utf8')).labels as Record<string, string>
  const tokens = (text: string) => new Set(text.toLowerCase().replace(/wi-fi/g, 'wifi').split(/[^\p{L}\d.]+/u).filter((w) => w.length >= 3).map((w) => w.replace(/(?:ing|es|s)$/, '')))
  const overlaps: number[] = []
  for (const week of WEEKS.slice(-4)) {
    for (const theme of reports.get(week)!.themes) {
      const counts = new Map<string, number>()
      for (const q of theme.quotes) counts.set(scenarios.get(q.conversationId)!, (counts.get(scenarios.get(q.conversationId)!) ?? 0) + 1)
      const [best] = [...counts].sort((a, b) => b[1] - a[1])
      const scenario = best && best[1] * 2 > theme.quotes.length ? best[0] : undefined
      if (!scenario || !written[scenario]) continue
      const mine = tokens(theme.label)
      const theirs = tokens(written[scenario])
      overlaps.push([...mine].filter((w) => theirs.has(w)).length / Math.max(1, mine.size))
    }
  }
  console.log(`label overlap W42–W45 ${(overlaps.reduce((a, b) => a + b, 0) / Math.max(1, overlaps.length)).toFixed(3)} over ${overlaps.length} themes`)
  // A label that names a subject its messages are not about ("Broadband connection problems" for four
  // questions on the difference between two plans): the intent nouns a label may carry, by scenario.
  const allowed: Record<string, string[]> = {
    app_52_crash: ['problems', 'sign-in problems', 'faults'], app_feedback: ['requests'], billing_double_charge: ['billing'],
    cancellation: ['cancellations', 'prices'], delivery_delay: ['delivery'], password_reset: ['sign-in problems'], plan_question: ['questions', 'prices'],
    praise_support: [], regional_outage: ['connection problems', 'problems'], remote_backorder: ['delivery'], router_wifi: ['connection problems', 'problems'],
  }
  const nouns = ['sign-in problems', 'connection problems', 'engineer visits', 'cancellations', 'billing', 'delivery', 'requests', 'faults', 'prices', 'questions', 'complaints', 'problems']
  const wrong: string[] = []
  let named = 0
  for (const week of WEEKS) {
    for (const theme of reports.get(week)!.themes) {
      const counts = new Map<string, number>()
      for (const q of theme.quotes) counts.set(scenarios.get(q.conversationId)!, (counts.get(scenarios.get(q.conversationId)!) ?? 0) + 1)
      const [best] = [...counts].sort((a, b) => b[1] - a[1])
      const scenario = best && best[1] * 2 > theme.quotes.length ? best[0] : undefined
      const noun = nouns.find((n) => theme.label.toLowerCase().includes(n))
      if (!scenario || !noun) continue
      named++
      if (!allowed[scenario]!.includes(noun)) wrong.push(`${week.slice(5)} "${theme.label}" (${scenario})`)
    }
  }
  console.log(`labels naming a subject their quotes are not about: ${wrong.length} of ${named} naming one${wrong.length ? `: ${wrong.join('; ')}` : ''}`)
  if (w44) {
    const one = w44.outageThemes === 1
    console.log(`W44 outage: ${w44.outageThemes} theme(s) hold ≥10% of it; main "${w44.outageMain}" has ${pct(w44.share)}, spike=${w44.spike} → ${one && w44.spike ? 'PASS' : 'FAIL'}`)
  }
  const crashMain = crashIds.map((c) => c.ids[0] ?? '-')
  const stable = crashMain.every((id) => id !== '-' && id === crashMain[0])
  const trendPath = crashIds.map((c) => `${c.week.slice(5)}:${c.ids.length}×${c.trends[0] ?? '-'}`).join(' ')
  const newThenRising = crashIds[0]?.trends[0] === 'new' && crashIds.slice(1).some((c) => c.trends[0] === 'rising')
  console.log(`app 5.2 crash: ${trendPath} → one id W41..W45 ${stable ? 'PASS' : 'FAIL'}, new→rising ${newThenRising ? 'PASS' : 'FAIL'}`)
  if (args.labels) {
    for (const week of WEEKS) {
      const report = reports.get(week)!
      console.log(`\n${week}: ${report.themes.map((t) => `${t.label} [${t.volume}${t.trend === 'steady' ? '' : ` ${t.trend}`}${t.spike ? ' SPIKE' : ''}]`).join(' · ')}`)
      if (week === '2026-W44') for (const t of report.themes) console.log(`  ${t.label}: ${t.keyphrases.slice(0, 8).join(', ')}`)
    }
  }
} finally {
  await s.close()
}

/**
 * Mean silhouette of two groups of unit vectors (cosine distance; exact through the groups' sums): about
 * 0 when they overlap, towards 1 when each is tight and far from the other. A rule that splits a theme
 * can only tell two scenarios apart when theirs is clearly above a single scenario cut in two.
 */
function separability(a: Float32Array[], b: Float32Array[]): number {
  const sumOf = (group: Float32Array[]) => group.reduce((sum, v) => sum.map((x, d) => x + v[d]), new Float64Array(group[0].length))
  const sums = [sumOf(a), sumOf(b)]
  const dot = (v: Float32Array, w: Float64Array) => v.reduce((sum, x, d) => sum + x * w[d], 0)
  let total = 0
  for (const [own, group] of [a, b].entries()) {
    for (const v of group) {
      if (group.length < 2) continue
      const within = 1 - (dot(v, sums[own]) - dot(v, Float64Array.from(v))) / (group.length - 1)
      const across = 1 - dot(v, sums[1 - own]) / [a, b][1 - own].length
      total += (across - within) / Math.max(within, across, 1e-9)
    }
  }
  return total / (a.length + b.length)
}

/** The group cut along its principal direction (power iteration on the centred vectors), as a splitting rule would cut it. */
function principalHalves(group: Float32Array[]): [Float32Array[], Float32Array[]] | null {
  const dimension = group[0].length
  const mean = new Float64Array(dimension)
  for (const v of group) for (let d = 0; d < dimension; d++) mean[d] += v[d] / group.length
  let direction = Float64Array.from({ length: dimension }, (_, d) => Math.cos(d * 1.618 + 0.5))
  const along = (v: Float32Array) => v.reduce((sum, x, d) => sum + (x - mean[d]) * direction[d], 0)
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Float64Array(dimension)
    for (const v of group) {
      const projection = along(v)
      for (let d = 0; d < dimension; d++) next[d] += projection * (v[d] - mean[d])
    }
    const norm = Math.sqrt(next.reduce((sum, x) => sum + x * x, 0))
    if (norm === 0) return null
    direction = next.map((x) => x / norm)
  }
  const halves: [Float32Array[], Float32Array[]] = [[], []]
  for (const v of group) halves[along(v) >= 0 ? 0 : 1].push(v)
  return halves[0].length >= 2 && halves[1].length >= 2 ? halves : null
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`.padStart(4)
}
