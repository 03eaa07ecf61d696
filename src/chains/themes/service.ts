// Weekly theme discovery for a workspace: the week's customer messages with their stored vectors and
// enrichments → clusters → key phrases, label, description, quotes → identity across weeks (match
// against recent snapshots, person-made merges and renames respected) → trend and spike → snapshots.
// The same service answers the API, the CLI, the scheduled job, the eval harness and the bench.
import type { Logger } from 'pino'
import type { JobHandler } from '../../pipeline/worker.ts'
import type { Db } from '../../store/db.ts'
import { jobsRepo } from '../../store/jobs.ts'
import { rootOf, themesRepo, type SnapshotInput, type SnapshotRow, type ThemeRow, type WeekMessage } from '../../store/themes.ts'
import { redact } from '../../safety/redact.ts'
import { clusterVectors, type ClusterOptions } from './cluster.ts'
import { describeCluster, type ClusterDescription } from './describe-local.ts'
import { clusterKeyphrases, mergeClustersByWords, type Keyphrase } from './keyphrases.ts'
import { classifyTrend, matchThemes, medianOf } from './track.ts'
import type { NamedCount, ReportTheme, SentimentMix, ThemeDescriber, ThemeQuote, ThemeReport } from './types.ts'
import { isoWeekOf, lastCompleteWeek, weekBefore, weekRange, weeksEndingWith } from './week.ts'

/** Weeks of history shown per theme and used for its trend. */
export const HISTORY_WEEKS = 8
/** A theme absent for up to this many weeks still keeps its identity when it comes back. */
export const MATCH_LOOKBACK_WEEKS = 4
export const TOP_COUNTS = 3
/** Weeks with fewer customer messages than this are clustered together with the CONTEXT_WEEKS before. */
export const CONTEXT_BELOW_MESSAGES = 2_000
export const CONTEXT_WEEKS = 3
/** A week is unusually busy at this multiple of the median of its history weeks... */
export const WEEK_SPIKE_RATIO = 1.5
/** ...and at least this many messages above it. */
export const WEEK_SPIKE_MIN_MESSAGES = 20
/** A theme needs at least this many messages in the week to be reported for it. */
export const MIN_THEME_MESSAGES = 3
/**
 * How the weekly run groups conversations, measured on the demo corpus with the built-in embedder
 * (scripts/measure-demo-themes.ts): a message leans almost wholly on its conversation, because
 * follow-ups ("any ETA?") and closers ("perfect, thanks!") carry the thread's topic, not their own;
 * a looser linkage threshold than the single-message default, then clusters using the same words are
 * joined so one incident told several ways is one theme.
 */
export const WEEKLY_DISCOVERY = { conversationWeight: 0.9, distanceThreshold: 0.85, mergeSimilarity: 0.15 } as const satisfies DiscoverOptions
export const THEMES_JOB = 'themes'
export const THEMES_SCHEDULE_JOB = 'themes-schedule'
/** The weekly run starts a little after Monday 00:00 UTC, when late messages of Sunday have arrived. */
export const SCHEDULE_DELAY_MS = 10 * 60_000

export interface DiscoveredTheme {
  /** Indices of the members in focus (the target week), into the input items. */
  members: number[]
  centroid: Float32Array
  keyphrases: Keyphrase[]
  local: ClusterDescription
}

export interface DiscoverOptions extends ClusterOptions {
  /** Only these items are counted, quoted and described; the others only help to form clusters. */
  inFocus?: (index: number) => boolean
  /** Clusters with fewer members in focus are left out. */
  minFocusMembers?: number
  /** 0..1: how much a message's cluster position leans on the mean of its conversation's messages. */
  conversationWeight?: number
  /** When set, clusters whose word profiles have at least this cosine are merged (keyphrases.ts). */
  mergeSimilarity?: number
}

/** Pure: clusters and describes texts with their (L2-normalised) vectors. */
export function discoverThemes(
  items: Array<{ text: string; vector: Float32Array; conversationId?: string }>,
  opts: DiscoverOptions = {},
): { labels: Int32Array; themes: DiscoveredTheme[] } {
  const { inFocus = () => true, minFocusMembers = 1, conversationWeight = 0, mergeSimilarity, ...clusterOptions } = opts
  const texts = items.map((i) => i.text)
  const clusterVectorsOf = withConversationContext(items, conversationWeight)
  const result = clusterVectors(clusterVectorsOf, clusterOptions)
  if (mergeSimilarity !== undefined) {
    result.labels = mergeClustersByWords(texts, result.labels, mergeSimilarity)
    result.centroids = centroidsOf(clusterVectorsOf, result.labels)
    result.k = result.centroids.length
  }
  const phrases = clusterKeyphrases(texts, result.labels)
  const members: number[][] = Array.from({ length: result.k }, () => [])
  result.labels.forEach((label, i) => {
    if (label >= 0 && inFocus(i)) members[label].push(i)
  })
  const themes: DiscoveredTheme[] = []
  members.forEach((list, c) => {
    if (list.length === 0 || list.length < minFocusMembers) return
    const keyphrases = phrases.get(c) ?? []
    const local = describeCluster({
      keyphrases,
      texts: list.map((i) => texts[i]),
      vectors: list.map((i) => items[i].vector),
      centroid: result.centroids[c],
    })
    themes.push({ members: list, centroid: result.centroids[c], keyphrases, local })
  })
  return { labels: result.labels, themes }
}

/**
 * A message is clustered by what it says and by what its conversation is about: "Any ETA?" or
 * "Perfect, thank you!" name no topic on their own but belong to the outage their thread reports.
 * Quotes and key phrases still come from each message's own words and vector.
 */
function centroidsOf(vectors: Float32Array[], labels: Int32Array): Float32Array[] {
  const centroids: Float32Array[] = []
  labels.forEach((label, i) => {
    if (label < 0) return
    centroids[label] ??= new Float32Array(vectors[i].length)
    for (let d = 0; d < vectors[i].length; d++) centroids[label][d] += vectors[i][d]
  })
  for (const centroid of centroids) {
    const norm = Math.hypot(...centroid) || 1
    for (let d = 0; d < centroid.length; d++) centroid[d] /= norm
  }
  return centroids
}

function withConversationContext(items: Array<{ vector: Float32Array; conversationId?: string }>, weight: number): Float32Array[] {
  if (weight <= 0) return items.map((i) => i.vector)
  const sums = new Map<string, Float32Array>()
  for (const item of items) {
    if (!item.conversationId) continue
    const sum = sums.get(item.conversationId) ?? new Float32Array(item.vector.length)
    for (let d = 0; d < sum.length; d++) sum[d] += item.vector[d]
    sums.set(item.conversationId, sum)
  }
  return items.map((item) => {
    const sum = item.conversationId ? sums.get(item.conversationId) : undefined
    if (!sum) return item.vector
    const sumNorm = Math.hypot(...sum) || 1
    const ownNorm = Math.hypot(...item.vector)
    const blended = new Float32Array(item.vector.length)
    // A message without content words (all-zero vector) stays noise rather than borrowing a topic.
    if (ownNorm === 0) return blended
    for (let d = 0; d < blended.length; d++) blended[d] = (1 - weight) * item.vector[d] + (weight * sum[d]) / sumNorm
    const norm = Math.hypot(...blended) || 1
    for (let d = 0; d < blended.length; d++) blended[d] /= norm
    return blended
  })
}

export interface ThemeServiceDeps {
  db: Db
  embedderId: string
  describer: ThemeDescriber
  log: Logger
  clock: () => Date
  /** Clustering knobs (tests, evals); WEEKLY_DISCOVERY otherwise. */
  clusterOptions?: DiscoverOptions
  /** Called after a week is stored with the theme of each of its clustered messages (measurement scripts). */
  onWeekComputed?: (week: string, members: Array<{ messageId: string; conversationId: string; themeId: string }>) => void
}

export interface RunOutcome {
  week: string
  messages: number
  clustered: number
  themes: number
  durationMs: number
  degraded: boolean
}

export type ThemeService = ReturnType<typeof createThemeService>

export function createThemeService(deps: ThemeServiceDeps) {
  const { db } = deps
  const repo = themesRepo(db)
  const inFlight = new Map<string, Promise<RunOutcome>>()

  async function computeWeek(workspaceId: string, week: string): Promise<RunOutcome> {
    const started = performance.now()
    const { from, to } = weekRange(week)
    const own = await repo.weekMessages(workspaceId, deps.embedderId, from, to)
    const total = own.messages.length + own.withoutVector
    // A small week borrows the weeks before it as context, so a theme with a handful of messages a
    // week still forms a cluster (and keeps a stable centroid); a big week stands on its own.
    const context = own.messages.length < CONTEXT_BELOW_MESSAGES
      ? (await repo.weekMessages(workspaceId, deps.embedderId, weekRange(weekBefore(week, CONTEXT_WEEKS)).from, from)).messages
      : []
    const messages = [...own.messages, ...context]
    const inWeek = own.messages.length
    const { themes: discovered } = discoverThemes(messages, { ...WEEKLY_DISCOVERY, ...deps.clusterOptions, inFocus: (i) => i < inWeek, minFocusMembers: MIN_THEME_MESSAGES })

    const themeRows = new Map((await repo.themes(workspaceId)).map((t) => [t.id, t]))
    const candidates = await repo.matchCandidates(workspaceId, deps.embedderId, week, weekBefore(week, MATCH_LOOKBACK_WEEKS))
    const matched = matchThemes(candidates, discovered.map((d) => ({ centroid: d.centroid, keyphrases: d.keyphrases.map((k) => k.phrase) })))

    const history = await shareHistory(workspaceId, weeksEndingWith(weekBefore(week), HISTORY_WEEKS), themeRows)
    // A merged theme's matches go to the theme it was merged into. When that one has its own cluster
    // this week, the snapshot stays on the matched theme and the report folds both. Direct matches
    // choose first, so a merge never pushes the target's own cluster out.
    const assigned: Array<string | null> = matched.map(() => null)
    const used = new Set<string>()
    for (const direct of [true, false]) {
      matched.forEach((match, i) => {
        if (!match || (rootOf(themeRows, match) === match) !== direct) return
        const root = rootOf(themeRows, match)
        const id = !used.has(root) ? root : !used.has(match) ? match : null
        if (id) used.add(id)
        assigned[i] = id
      })
    }
    const snapshots: SnapshotInput[] = []
    let degraded = false
    for (const [i, theme] of discovered.entries()) {
      const members = theme.members.map((m) => messages[m])
      const quotes = theme.local.representativeIdx.map((m) => toQuote(members[m]))
      const description = await deps.describer.describe({
        workspaceId,
        keyphrases: theme.keyphrases.map((k) => k.phrase),
        quotes: quotes.map((q) => q.text),
        volume: members.length,
        localLabel: theme.local.label,
        localDescription: theme.local.description,
      })
      degraded ||= description.degraded
      let themeId = assigned[i]
      if (!themeId) {
        themeId = await repo.createTheme(workspaceId, description.label, week)
        themeRows.set(themeId, { id: themeId, label: description.label, manualLabel: null, mergedInto: null, createdWeek: week })
      } else {
        await repo.setGeneratedLabel(workspaceId, themeId, description.label)
      }
      const share = total > 0 ? members.length / total : 0
      const trend = classifyTrend(history.get(rootOf(themeRows, themeId)) ?? history.get('') ?? [], share)
      snapshots.push({
        themeId,
        week,
        label: description.label,
        description: description.description,
        volume: members.length,
        conversations: new Set(members.map((m) => m.conversationId)).size,
        share,
        sentiment: sentimentMix(members),
        intents: topCounts(members.map((m) => m.intent)),
        channels: topCounts(members.map((m) => m.channel)),
        trend: trend.trend,
        changePct: trend.changePct,
        spike: trend.spike,
        keyphrases: theme.keyphrases.map((k) => k.phrase),
        model: deps.embedderId,
        centroid: theme.centroid,
        exemplars: quotes,
        version: description.version,
        degraded: description.degraded,
      })
    }
    const clustered = snapshots.reduce((sum, s) => sum + s.volume, 0)
    deps.onWeekComputed?.(
      week,
      discovered.flatMap((theme, i) => theme.members.map((m) => ({ messageId: messages[m].id, conversationId: messages[m].conversationId, themeId: snapshots[i].themeId }))),
    )
    const durationMs = Math.round(performance.now() - started)
    await db.transaction((tx) =>
      themesRepo(tx).replaceWeek(workspaceId, week, snapshots, {
        model: deps.embedderId,
        messages: total,
        clustered,
        themes: snapshots.length,
        mode: deps.describer.mode,
        degraded,
        durationMs,
      }),
    )
    deps.log.info({ workspaceId, week, messages: total, themes: snapshots.length, durationMs }, 'themes computed')
    return { week, messages: total, clustered, themes: snapshots.length, durationMs, degraded }
  }

  /**
   * Share per week (oldest first) for every root theme; NaN for weeks never computed or without
   * messages, 0 for computed weeks where the theme was absent. Key '' holds the all-absent history.
   */
  async function shareHistory(workspaceId: string, weeks: string[], themeRows: Map<string, ThemeRow>): Promise<Map<string, number[]>> {
    const runs = new Map((await repo.runs(workspaceId, weeks)).map((r) => [r.week, r]))
    const base = weeks.map((w) => ((runs.get(w)?.messages ?? 0) > 0 ? 0 : Number.NaN))
    const out = new Map<string, number[]>([['', base]])
    for (const s of await repo.snapshots(workspaceId, weeks)) {
      const root = rootOf(themeRows, s.themeId)
      const series = out.get(root) ?? [...base]
      series[weeks.indexOf(s.week)] += s.share
      out.set(root, series)
    }
    return out
  }

  async function runWeek(workspaceId: string, week: string): Promise<RunOutcome> {
    weekRange(week)
    const key = `${workspaceId}:${week}`
    const running = inFlight.get(key)
    if (running) return running
    const promise = computeWeek(workspaceId, week).finally(() => inFlight.delete(key))
    inFlight.set(key, promise)
    return promise
  }

  /** Computes the week, and first any of its history weeks never computed, so trends have a past. */
  async function ensureWeek(workspaceId: string, week: string, opts: { force?: boolean } = {}): Promise<RunOutcome[]> {
    const weeks = weeksEndingWith(week, HISTORY_WEEKS + 1)
    const done = new Set((await repo.runs(workspaceId, weeks)).map((r) => r.week))
    const outcomes: RunOutcome[] = []
    for (const w of weeks) {
      const isTarget = w === week
      if (done.has(w) && !(isTarget && opts.force)) continue
      if (!isTarget && !(await repo.hasMessagesBefore(workspaceId, weekRange(w).to))) continue
      outcomes.push(await runWeek(workspaceId, w))
    }
    return outcomes
  }

  async function report(workspaceId: string, week: string, opts: { linkBase?: string } = {}): Promise<ThemeReport> {
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
      const past = history.slice(0, -1).map((h) => (known(h.week) ? h.share : Number.NaN))
      const volume = sum(week, (s) => s.volume)
      const share = sum(week, (s) => s.share)
      const trend = classifyTrend(past, share)
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
        sentiment: addMixes(current.map((s) => s.sentiment)),
        intents: mergeCounts(current.map((s) => s.intents)),
        channels: mergeCounts(current.map((s) => s.channels)),
        keyphrases: main.keyphrases,
        quotes: current.flatMap((s) => s.exemplars).slice(0, 5).map((q) => ({ ...q, url: `${linkBase}/v1/conversations/${q.conversationId}` })),
        history,
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

  /** Enqueues last week's run for every workspace that has messages then and no run yet (idempotent). */
  async function enqueueDueRuns(): Promise<number> {
    const week = lastCompleteWeek(deps.clock())
    const { from, to } = weekRange(week)
    let enqueued = 0
    for (const workspaceId of await repo.workspacesMissingWeek(week, from, to)) {
      const pending = await db.query(
        `SELECT 1 FROM jobs WHERE workspace_id = $1 AND kind = $2 AND status IN ('queued', 'running') AND payload->>'week' = $3 LIMIT 1`,
        [workspaceId, THEMES_JOB, week],
      )
      if (pending.rows.length > 0) continue
      await jobsRepo(db).enqueue(workspaceId, THEMES_JOB, { week })
      enqueued++
    }
    return enqueued
  }

  /**
   * Makes sure the scheduler job for the next Monday exists; safe to call from every process and at
   * every start. Keyed by its time, so each Monday is scheduled once whatever the clocks say.
   */
  async function ensureSchedule(): Promise<void> {
    const at = new Date(weekRange(isoWeekOf(deps.clock())).to.getTime() + SCHEDULE_DELAY_MS).toISOString()
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('parley:themes-schedule'))`)
      const exists = await tx.query(`SELECT 1 FROM jobs WHERE kind = $1 AND payload->>'at' = $2 AND status <> 'failed' LIMIT 1`, [THEMES_SCHEDULE_JOB, at])
      if (exists.rows.length > 0) return
      await tx.query(`INSERT INTO jobs (workspace_id, kind, payload, run_after) VALUES (NULL, $1, $2, $3)`, [THEMES_SCHEDULE_JOB, JSON.stringify({ at }), at])
    })
  }

  return {
    runWeek,
    ensureWeek,
    report,
    enqueueDueRuns,
    ensureSchedule,
    rename: (workspaceId: string, id: string, label: string | null) => repo.rename(workspaceId, id, label),
    async merge(workspaceId: string, id: string, into: string): Promise<'ok' | 'not_found' | 'cycle'> {
      const rows = new Map((await repo.themes(workspaceId)).map((t) => [t.id, t]))
      if (!rows.has(id) || !rows.has(into)) return 'not_found'
      const target = rootOf(rows, into)
      if (target === id) return 'cycle'
      return (await repo.merge(workspaceId, id, target)) ? 'ok' : 'not_found'
    },
  }
}

function toQuote(m: WeekMessage): ThemeQuote {
  // Quotes are read and forwarded by people outside support: personal data stays masked.
  return { messageId: m.id, conversationId: m.conversationId, channel: m.channel, sentAt: m.sentAt, text: redact(m.text).text }
}

function sentimentMix(members: WeekMessage[]): SentimentMix {
  const mix: SentimentMix = { negative: 0, neutral: 0, positive: 0, unknown: 0 }
  for (const m of members) {
    const key = m.sentiment === 'negative' || m.sentiment === 'neutral' || m.sentiment === 'positive' ? m.sentiment : 'unknown'
    mix[key]++
  }
  return mix
}

function topCounts(values: Array<string | null>, top = TOP_COUNTS): NamedCount[] {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, top)
}

function mergeCounts(lists: NamedCount[][]): NamedCount[] {
  const counts = new Map<string, number>()
  for (const list of lists) for (const c of list) counts.set(c.name, (counts.get(c.name) ?? 0) + c.count)
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, TOP_COUNTS)
}

function addMixes(mixes: SentimentMix[]): SentimentMix {
  const total: SentimentMix = { negative: 0, neutral: 0, positive: 0, unknown: 0 }
  for (const m of mixes) for (const k of Object.keys(total) as Array<keyof SentimentMix>) total[k] += m[k] ?? 0
  return total
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000
}

/** 'themes' runs one workspace-week; 'themes-schedule' enqueues last week's runs and the next Monday's check. */
export function themeJobHandlers(service: ThemeService): Record<string, JobHandler> {
  return {
    [THEMES_JOB]: async (jobs) => {
      for (const job of jobs) {
        const week = job.payload.week
        if (!job.workspaceId || typeof week !== 'string') continue
        await service.ensureWeek(job.workspaceId, week, { force: job.payload.force === true })
      }
    },
    [THEMES_SCHEDULE_JOB]: async () => {
      await service.enqueueDueRuns()
      await service.ensureSchedule()
    },
  }
}
