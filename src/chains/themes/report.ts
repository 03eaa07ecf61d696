// The weekly theme report, read from stored snapshots only (nothing is computed here): per root theme
// the snapshots of merged themes folded in, a person's label over the generated one, history, trend
// and quotes with links; for the week as a whole its volume against the usual one.
import type { Queryable } from '../../store/db.ts'
import { themesRepo, type SnapshotRow } from '../../store/themes.ts'
import { addMixes, mergeCounts } from './counts.ts'
import { rootOf } from './curation.ts'
import { classifyTrend, HISTORY_WEEKS, medianOf } from './track.ts'
import type { ReportTheme, ThemeDescriber, ThemeReport } from './types.ts'
import { weekRange, weeksEndingWith } from './week.ts'

/** A week is unusually busy at this multiple of the median of its history weeks... */
const WEEK_SPIKE_RATIO = 1.5
/** ...and at least this many messages above it. */
const WEEK_SPIKE_MIN_MESSAGES = 20
/** Quotes shown per theme. */
const REPORT_QUOTES = 5

export interface ReportDeps {
  db: Queryable
  clock: () => Date
  /** Its mode stands in for a week never computed. */
  describer: Pick<ThemeDescriber, 'mode'>
}

export async function buildThemeReport(deps: ReportDeps, workspaceId: string, week: string, opts: { linkBase?: string } = {}): Promise<ThemeReport> {
  const repo = themesRepo(deps.db)
  const weeks = weeksEndingWith(week, HISTORY_WEEKS + 1)
  const { from, to } = weekRange(week)
  const runs = new Map((await repo.runs(workspaceId, weeks)).map((r) => [r.week, r]))
  const themeRows = new Map((await repo.themes(workspaceId)).map((t) => [t.id, t]))
  const byRoot = new Map<string, Map<string, SnapshotRow[]>>()
  for (const s of await repo.snapshots(workspaceId, weeks)) {
    const root = rootOf(themeRows, s.themeId)
    const perWeek = byRoot.get(root) ?? new Map<string, SnapshotRow[]>()
    perWeek.set(s.week, [...(perWeek.get(s.week) ?? []), s])
    byRoot.set(root, perWeek)
  }
  const known = (w: string) => (runs.get(w)?.messages ?? 0) > 0
  const linkBase = (opts.linkBase ?? '').replace(/\/$/, '')
  const themes: ReportTheme[] = []
  for (const [root, perWeek] of byRoot) {
    const current = perWeek.get(week)
    if (!current) continue
    current.sort((a, b) => b.volume - a.volume)
    const main = current[0]
    const sum = (w: string, f: (s: SnapshotRow) => number) => (perWeek.get(w) ?? []).reduce((acc, s) => acc + f(s), 0)
    const history = weeks.map((w) => ({ week: w, volume: sum(w, (s) => s.volume), share: round4(sum(w, (s) => s.share)) }))
    const past = history.slice(0, -1).map((h) => ({ volume: h.volume, total: known(h.week) ? runs.get(h.week)!.messages : Number.NaN }))
    const volume = sum(week, (s) => s.volume)
    const share = sum(week, (s) => s.share)
    const trend = classifyTrend(past, { volume, total: runs.get(week)?.messages ?? 0 })
    const row = themeRows.get(root)
    themes.push({
      id: root,
      label: row?.manualLabel ?? main.label,
      generatedLabel: main.label,
      renamed: Boolean(row?.manualLabel),
      description: main.description,
      volume,
      conversations: sum(week, (s) => s.conversations),
      share: round4(share),
      previousVolume: history[history.length - 2]?.volume ?? 0,
      changePct: trend.changePct,
      trend: trend.trend,
      spike: trend.spike,
      trendEvidence: { baselineVolume: trend.baselineVolume, baselineShare: trend.baselineShare, baselineWeeks: trend.baselineWeeks, test: trend.test },
      sentiment: addMixes(current.map((s) => s.sentiment)),
      intents: mergeCounts(current.map((s) => s.intents)),
      channels: mergeCounts(current.map((s) => s.channels)),
      keyphrases: main.keyphrases,
      quotes: current.flatMap((s) => s.exemplars).slice(0, REPORT_QUOTES).map((q) => ({ ...q, url: `${linkBase}/conversations/${q.conversationId}` })),
      history,
      presence: presenceOf(history.filter((h) => known(h.week))),
      mergedFrom: [...themeRows.values()].filter((t) => t.id !== root && rootOf(themeRows, t.id) === root).map((t) => t.id),
      degraded: current.some((s) => s.degraded),
    })
  }
  themes.sort((a, b) => b.volume - a.volume || a.label.localeCompare(b.label))
  const run = runs.get(week)
  const ids = (pick: (t: ReportTheme) => boolean) => themes.filter(pick).map((t) => t.id)
  const pastVolumes = weeks.slice(0, -1).map((w) => runs.get(w)?.messages ?? 0).filter((n) => n > 0)
  const usual = pastVolumes.length > 0 ? medianOf(pastVolumes) : null
  const messages = run?.messages ?? 0
  return {
    week,
    from: from.toISOString(),
    to: to.toISOString(),
    generatedAt: deps.clock().toISOString(),
    computedAt: run?.computedAt ?? null,
    mode: run?.mode ?? deps.describer.mode,
    degraded: run?.degraded ?? false,
    totals: {
      messages: run?.messages ?? 0,
      clustered: run?.clustered ?? 0,
      unclustered: (run?.messages ?? 0) - (run?.clustered ?? 0),
      themes: themes.length,
    },
    volume: {
      messages,
      usual,
      spike: usual !== null && messages >= WEEK_SPIKE_RATIO * usual && messages - usual >= WEEK_SPIKE_MIN_MESSAGES,
      inNewThemes: themes.filter((t) => t.trend === 'new').reduce((sum, t) => sum + t.volume, 0),
    },
    weeks,
    highlights: {
      new: ids((t) => t.trend === 'new'),
      rising: ids((t) => t.trend === 'rising'),
      falling: ids((t) => t.trend === 'falling'),
      spikes: ids((t) => t.spike),
    },
    themes,
  }
}

/** A theme present in every computed week (at least STANDING_MIN_WEEKS of them) is a standing topic, whatever its trend. */
const STANDING_MIN_WEEKS = 3

function presenceOf(computed: Array<{ volume: number }>): ReportTheme['presence'] {
  const weeks = computed.filter((h) => h.volume > 0).length
  return { weeks, of: computed.length, everyWeek: computed.length >= STANDING_MIN_WEEKS && weeks === computed.length }
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000
}
