// The weekly run of a workspace: the week's customer messages with their stored vectors and
// enrichments → discovered themes → label and description → identity across weeks (matched against
// recent snapshots, a person's merges respected) → trend and spike → the week's snapshots, stored in
// one transaction together with the record of the run.
import type { Logger } from 'pino'
import type { Db } from '../../store/db.ts'
import { readWeekMessages, themesRepo, type RunRow, type SnapshotInput, type ThemeRow, type WeekMessage } from '../../store/themes.ts'
import { brandHandlesOf } from '../../store/voice-setting.ts'
import { MESSAGE_KIND_INTENTS } from '../classify/taxonomy.ts'
import { CLOSING_REASONS } from '../classify/urgency.ts'
import { customerSentimentMix, topCounts } from './counts.ts'
import { assignMatches, rootOf } from './curation.ts'
import { englishWordsOf, labelInEnglish, leadWithSubject, spreadQuotesOverLanguages, themeDescription } from './describe-local.ts'
import { discoverThemes, type DiscoverOptions } from './discover.ts'
import { labelSource, maskPersonal, personTokens } from '../../safety/personal.ts'
import { classifyTrend, HISTORY_WEEKS, matchScore, matchThemes, sameSubject, type WeekCount } from './track.ts'
import type { ThemeDescriber, ThemeQuote } from './types.ts'
import { weekBefore, weekRange, weeksEndingWith } from './week.ts'

/**
 * A computed week is computed again once at least this many of its messages, and this share more, have
 * a vector than its run read, or were labelled again since: a few late messages or corrections leave a
 * week's themes as they were.
 */
const OUTGROWN_MESSAGES = 5
const OUTGROWN_SHARE = 0.1
const outgrown = (read: number, now: number): boolean => now - read >= OUTGROWN_MESSAGES && now - read >= OUTGROWN_SHARE * read

/** A theme absent for up to this many weeks still keeps its identity when it comes back. */
const MATCH_LOOKBACK_WEEKS = 4
/** Below a match (track.ts) but close enough that a cluster is the same topic told again, not a new one. */
const LOOKALIKE_SIMILARITY = 0.45
/** Weeks with fewer customer messages than this are clustered together with the CONTEXT_WEEKS before. */
const CONTEXT_BELOW_MESSAGES = 2_000
const CONTEXT_WEEKS = 3
/** A theme needs at least this many messages in the week to be reported for it. */
const MIN_THEME_MESSAGES = 3
/**
 * How the weekly run groups conversations, measured on the demo corpus with the built-in embedder
 * (scripts/measure-demo-themes.ts): a message leans almost wholly on its conversation, because
 * follow-ups ("any ETA?") and closers ("perfect, thanks!") carry the thread's topic, not their own;
 * a looser linkage threshold than the single-message default, then clusters using the same words are
 * joined so one incident told several ways is one theme.
 */
// Without discovery's word features (discover.ts): words are per language, so on the multilingual demo
// they split a topic by language (label overlap with the hand-written labels 0.485 → 0.36).
// A theme that lumps two products is split by their names (product-split.ts): the demo's September
// voice remote back-order and Brightbox 4K late deliveries, both read as "delivery" (demo NMI 0.750 →
// 0.762, ARI 0.643 → 0.669, scenario-weeks themed 51 → 54 of 56; W40–W45 unchanged). Messages that name
// a topic are placed by their conversation's subject intent (conversationIntents below): demo NMI 0.762 →
// 0.793, ARI 0.669 → 0.718, label overlap W42–W45 0.724 → 0.741, every week up or level; airline_dev and
// banking77 have one message per conversation and are unchanged (0.2237 / 0.6247).
export const WEEKLY_DISCOVERY = { conversationWeight: 0.9, distanceThreshold: 0.85, mergeSimilarity: 0.15, wordWeight: 0, strayJoinSimilarity: 0.2, refineIterations: 0, intentMovesMembers: true, productSplit: true } as const satisfies DiscoverOptions

/**
 * A week in one language is clustered with discovery's own defaults (discover.ts: this week's word
 * features and what English words mean beside the embedding, no joins by words, which the word features
 * make redundant), leaning on the conversation as above: there, words cannot split a topic by language,
 * and they tell apart what the built-in embedder runs together. Without the words' contexts
 * (wordSmoothing): they took half of discovery's time in a 200k-message week and changed nothing
 * measurable (seed means within 0.012 with and without, on airline_dev and banking77).
 * airline_dev (English tweets): seed mean NMI 0.111 → 0.213, noise ≤ 11%; banking77 3k 0.37 → 0.60.
 * Then k-means to convergence and intents placing only noise (discover.ts): 0.227 (noise ≤ 8%) and 0.619.
 * The demo's weeks mix five languages and keep WEEKLY_DISCOVERY.
 */
export const ONE_LANGUAGE_DISCOVERY = { conversationWeight: WEEKLY_DISCOVERY.conversationWeight, wordSmoothing: 0 } as const satisfies DiscoverOptions
/** A week is in one language when this share of its messages of known language are. */
export const ONE_LANGUAGE_SHARE = 0.9
/**
 * Above this many messages a week in one language takes WEEKLY_DISCOVERY too: word features cost
 * discovery 32 s of an English 200k-message week (55 s in all, against 29 s without them; #16 asks for
 * 30), while an English 50k week takes 13 s with them.
 */
export const ONE_LANGUAGE_MAX_MESSAGES = 100_000

/**
 * The recipe for these messages: ONE_LANGUAGE_DISCOVERY when they are in one language (and not above
 * ONE_LANGUAGE_MAX_MESSAGES), WEEKLY_DISCOVERY otherwise.
 */
export function weekDiscoveryOptions(items: Array<{ language: string | null }>): DiscoverOptions {
  if (items.length > ONE_LANGUAGE_MAX_MESSAGES) return WEEKLY_DISCOVERY
  const counts = new Map<string, number>()
  for (const { language } of items) if (language && language !== 'und') counts.set(language, (counts.get(language) ?? 0) + 1)
  const known = [...counts.values()].reduce((sum, n) => sum + n, 0)
  const top = Math.max(0, ...counts.values())
  return known > 0 && top >= ONE_LANGUAGE_SHARE * known ? ONE_LANGUAGE_DISCOVERY : WEEKLY_DISCOVERY
}

/**
 * Each conversation's subject intent: the most common intent of its messages that names a topic
 * (ties to the first). A message that names a topic is placed by it (discovery's placedByIntent): a
 * follow-up reads on its own as another topic ("order number is BW-…, I've DMed you" in a double-charge
 * thread is read as delivery) and was placed in the delivery theme. Thanks and other messages that name
 * no topic keep their own intent, which places nothing: one misread message does not carry its whole
 * thread off (a German app crash read as a cancellation kept its "Klappt, danke" in the app theme).
 */
function conversationIntents(messages: Array<Pick<WeekMessage, 'conversationId' | 'intent'>>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>()
  for (const { conversationId, intent } of messages) {
    if (!intent || MESSAGE_KIND_INTENTS.has(intent)) continue
    const perIntent = counts.get(conversationId) ?? counts.set(conversationId, new Map()).get(conversationId)!
    perIntent.set(intent, (perIntent.get(intent) ?? 0) + 1)
  }
  const intentOf = new Map<string, string>()
  for (const [conversationId, perIntent] of counts) {
    let top: [string, number] | null = null
    for (const entry of perIntent) if (!top || entry[1] > top[1]) top = entry
    intentOf.set(conversationId, top![0])
  }
  return intentOf
}

export type WeekItem = ReturnType<typeof weekItems>['items'][number]

/**
 * What the weekly run clusters of each message: its text with personal data masked (key phrases,
 * labels and quotes only ever see the masked text; the stored vectors are unaffected), its vector,
 * conversation, intent and language, and whether it only closes its case (never quoted when the theme has more to show).
 */
export function weekItems(messages: Array<Pick<WeekMessage, 'text' | 'vector' | 'conversationId' | 'intent' | 'language' | 'people'> & Partial<Pick<WeekMessage, 'closes'>>>) {
  const masked = messages.map((m) => maskPersonal(m.text, personTokens(m.people)))
  const intentOf = conversationIntents(messages)
  const items = messages.map((m, i) => ({
    text: labelSource(masked[i]), vector: m.vector, conversationId: m.conversationId, intent: m.intent && !MESSAGE_KIND_INTENTS.has(m.intent) ? intentOf.get(m.conversationId)! : m.intent,
    language: m.language, closes: m.closes ?? false,
  }))
  return { masked, items }
}

/**
 * The weekly run's discovery: the first `inWeek` items are the week, the rest its context weeks.
 * The themes eval suite measures exactly this, so its gated figures are the product's recipe.
 */
export function discoverWeekThemes(items: WeekItem[], inWeek: number, options?: DiscoverOptions) {
  return discoverThemes(items, { ...weekDiscoveryOptions(items), ...options, inFocus: (i) => i < inWeek, minFocusMembers: MIN_THEME_MESSAGES })
}

export interface WeeklyRunDeps {
  db: Db
  embedderId: string
  describer: ThemeDescriber
  log: Logger
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
  /** Wall and process CPU milliseconds of each step (CPU includes the embedded database's thread): where a big week's time goes. */
  steps: Record<WeekStep, { wallMs: number; cpuMs: number }>
}

type WeekStep = 'read' | 'mask' | 'discover' | 'describe' | 'store'

/** Times consecutive steps of one run: each `lap` closes the step that ran since the previous one. */
function stepTimer() {
  const steps = {} as RunOutcome['steps']
  let wall = performance.now()
  let cpu = process.cpuUsage()
  return {
    steps,
    lap(step: WeekStep) {
      const used = process.cpuUsage(cpu)
      const now = performance.now()
      steps[step] = { wallMs: Math.round(now - wall), cpuMs: Math.round((used.user + used.system) / 1000) }
      wall = now
      cpu = process.cpuUsage()
    },
  }
}

export function createWeeklyRun(deps: WeeklyRunDeps) {
  const { db } = deps
  const repo = themesRepo(db)
  const inFlight = new Map<string, Promise<RunOutcome>>()

  async function computeWeek(workspaceId: string, week: string): Promise<RunOutcome> {
    const started = performance.now()
    const timer = stepTimer()
    const { from, to } = weekRange(week)
    const own = await readWeekMessages(db, workspaceId, deps.embedderId, from, to, CLOSING_REASONS)
    const total = own.messages.length + own.withoutVector
    // A small week borrows the weeks before it as context, so a theme with a handful of messages a
    // week still forms a cluster (and keeps a stable centroid); a big week stands on its own.
    const context = own.messages.length < CONTEXT_BELOW_MESSAGES
      ? (await readWeekMessages(db, workspaceId, deps.embedderId, weekRange(weekBefore(week, CONTEXT_WEEKS)).from, from, CLOSING_REASONS)).messages
      : []
    const messages = [...own.messages, ...context]
    const inWeek = own.messages.length
    timer.lap('read')
    const { masked, items } = weekItems(messages)
    const opens = opensConversation(messages, inWeek)
    const englishWords = englishWordsOf(items.map((item) => item.text), messages.map((m) => m.language))
    // Labels never use a handle; a quote keeps the brand's own, masked in `masked` like anyone's.
    const brandHandles = await brandHandlesOf(db, workspaceId)
    timer.lap('mask')
    const { themes: discovered } = discoverWeekThemes(items, inWeek, deps.clusterOptions)
    timer.lap('discover')

    const themeRows = new Map((await repo.themes(workspaceId)).map((t) => [t.id, t]))
    const candidates = await repo.matchCandidates(workspaceId, deps.embedderId, week, weekBefore(week, MATCH_LOOKBACK_WEEKS))
    // What each cluster is mostly about: a theme continues only one about the same subject (track.ts sameSubject).
    const subjects = discovered.map((d) => topCounts(d.members.map((m) => messages[m].intent)))
    const matched = matchThemes(candidates, discovered.map((d, i) => ({ centroid: d.centroid, keyphrases: d.keyphrases.map((k) => k.phrase), intents: subjects[i] })))

    const history = await shareHistory(workspaceId, weeksEndingWith(weekBefore(week), HISTORY_WEEKS), themeRows)
    const assigned = assignMatches(matched, themeRows)
    const lookalikes = await lookalikesOf(workspaceId, week, discovered.map((d, i) => ({ ...d, intents: subjects[i] })), assigned, themeRows)
    const snapshots: SnapshotInput[] = []
    let degraded = false
    for (const [i, theme] of discovered.entries()) {
      const members = theme.members.map((m) => messages[m])
      const spread = spreadQuotesOverLanguages({
        picked: theme.local.representativeIdx,
        languages: members.map((m) => m.language),
        texts: theme.members.map((m) => items[m].text),
        vectors: theme.members.map((m) => items[m].vector),
        centroid: theme.centroid,
      })
      const quoted = leadWithSubject(spread, members.map((m) => m.intent), theme.members.map((m) => opens[m]))
      const quotes = quoted.map((m) => toQuote(members[m], brandHandles.length ? maskPersonal(members[m].text, personTokens(members[m].people), brandHandles) : masked[theme.members[m]]))
      // The report speaks English whatever language the theme's customers wrote in.
      const localLabel = labelInEnglish({
        label: theme.local.label,
        labelFromQuote: theme.local.labelFromQuote,
        texts: theme.members.map((m) => items[m].text),
        languages: members.map((m) => m.language),
        intents: members.map((m) => m.intent),
        englishWords,
      })
      // The description quotes the lead quote as shown, placeholders kept ("Order [ORDER_1] was…", not "Order . No…").
      const localDescription = themeDescription({ label: localLabel, keyphrases: theme.keyphrases.map((k) => k.phrase), volume: members.length, typical: quotes[0]?.text })
      const description = await deps.describer.describe({
        workspaceId,
        keyphrases: theme.keyphrases.map((k) => k.phrase),
        quotes: quotes.map((q) => q.text),
        volume: members.length,
        localLabel,
        localDescription,
      })
      degraded ||= description.degraded
      let themeId = assigned[i]
      if (!themeId) {
        themeId = await repo.createTheme(workspaceId, description.label, week)
        // A second cluster of a topic that already has its theme this week (another language, another
        // wording) is folded into it, so the report shows one theme with its history, not a "new" one.
        const into = lookalikes.get(i) ?? null
        if (into) await repo.merge(workspaceId, themeId, into)
        themeRows.set(themeId, { id: themeId, label: description.label, manualLabel: null, mergedInto: into, createdWeek: week })
      } else {
        await repo.setGeneratedLabel(workspaceId, themeId, description.label)
      }
      const share = total > 0 ? members.length / total : 0
      const trend = classifyTrend(history.get(rootOf(themeRows, themeId)) ?? history.get('') ?? [], { volume: members.length, total })
      snapshots.push({
        themeId,
        week,
        label: description.label,
        description: description.description,
        volume: members.length,
        conversations: new Set(members.map((m) => m.conversationId)).size,
        share,
        sentiment: customerSentimentMix(members),
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
    // Members are the week's own messages only (discovery keeps context messages out of `members`).
    const weekMembers = discovered.flatMap((theme, i) => theme.members.map((m) => ({ messageId: messages[m].id, conversationId: messages[m].conversationId, themeId: snapshots[i].themeId })))
    deps.onWeekComputed?.(week, weekMembers)
    timer.lap('describe')
    const durationMs = Math.round(performance.now() - started)
    await db.transaction((tx) =>
      themesRepo(tx).replaceWeek(workspaceId, week, snapshots, {
        model: deps.embedderId,
        messages: total,
        embedded: own.messages.length,
        clustered,
        themes: snapshots.length,
        mode: deps.describer.mode,
        degraded,
        durationMs,
      }, weekMembers),
    )
    timer.lap('store')
    deps.log.info({ workspaceId, week, messages: total, themes: snapshots.length, durationMs, steps: timer.steps }, 'themes computed')
    return { week, messages: total, clustered, themes: snapshots.length, durationMs, degraded, steps: timer.steps }
  }

  /**
   * For clusters that matched no theme: the theme of the last HISTORY_WEEKS they resemble (a looser
   * bar than a match). Not yet taken this week → the cluster continues it (`assigned` is updated);
   * taken → the returned map says which theme the cluster's new theme is folded into. Either way the
   * cluster is not `new`: something like it existed in the weeks before.
   */
  async function lookalikesOf(
    workspaceId: string,
    week: string,
    discovered: Array<{ centroid: Float32Array; keyphrases: Array<{ phrase: string }>; intents: Array<{ name: string; count: number }> }>,
    assigned: Array<string | null>,
    themeRows: Map<string, ThemeRow>,
  ): Promise<Map<number, string>> {
    const foldInto = new Map<number, string>()
    if (!assigned.some((a) => a === null)) return foldInto
    const wide = await repo.matchCandidates(workspaceId, deps.embedderId, week, weekBefore(week, HISTORY_WEEKS))
    const taken = new Set(assigned.filter((a): a is string => a !== null).map((a) => rootOf(themeRows, a)))
    discovered.forEach((d, i) => {
      if (assigned[i] !== null) return
      const current = { centroid: d.centroid, keyphrases: d.keyphrases.map((k) => k.phrase), intents: d.intents }
      let best: string | null = null
      let bestScore = LOOKALIKE_SIMILARITY
      for (const c of wide) {
        if (!sameSubject(c, current)) continue
        const score = matchScore(c, current)
        if (score >= bestScore) (bestScore = score), (best = c.themeId)
      }
      if (!best) return
      const root = rootOf(themeRows, best)
      if (taken.has(root)) foldInto.set(i, root)
      else {
        assigned[i] = root
        taken.add(root)
      }
    })
    return foldInto
  }

  /**
   * Per root theme, its volume and the week's message count per history week (oldest first); total NaN
   * for weeks never computed, volume 0 for computed weeks where the theme was absent. Key '' holds the
   * all-absent history.
   */
  async function shareHistory(workspaceId: string, weeks: string[], themeRows: Map<string, ThemeRow>): Promise<Map<string, WeekCount[]>> {
    const runs = new Map((await repo.runs(workspaceId, weeks)).map((r) => [r.week, r]))
    const base = (): WeekCount[] => weeks.map((w) => ({ volume: 0, total: (runs.get(w)?.messages ?? 0) > 0 ? runs.get(w)!.messages : Number.NaN }))
    const out = new Map<string, WeekCount[]>([['', base()]])
    for (const s of await repo.snapshots(workspaceId, weeks)) {
      const root = rootOf(themeRows, s.themeId)
      const series = out.get(root) ?? base()
      series[weeks.indexOf(s.week)].volume += s.volume
      out.set(root, series)
    }
    return out
  }

  /**
   * The runs that stand: members stored, not outgrown by the messages of their week that arrived or were
   * embedded since (an import of history, the rest of a week computed midweek), nor by labels given since
   * (an upgraded classifier relabels every message: the themes' feelings and intents were the old ones').
   */
  async function upToDate(workspaceId: string, runs: RunRow[]): Promise<RunRow[]> {
    const stored = runs.filter((r) => r.membersStored)
    if (stored.length === 0) return []
    const now = await repo.embeddedCounts(workspaceId, deps.embedderId, stored.map((r) => ({ week: r.week, ...weekRange(r.week), since: r.computedAt })))
    return stored.filter((r) => {
      const { embedded = 0, relabelled = 0 } = now.get(r.week) ?? {}
      const read = r.embedded ?? r.messages
      return !outgrown(read, embedded) && !outgrown(read, read + relabelled)
    })
  }

  /** Computes the week now; a second call for the same week while it runs shares the first one's run. */
  async function runWeek(workspaceId: string, week: string): Promise<RunOutcome> {
    weekRange(week)
    const key = `${workspaceId}:${week}`
    const running = inFlight.get(key)
    if (running) return running
    const promise = computeWeek(workspaceId, week).finally(() => inFlight.delete(key))
    inFlight.set(key, promise)
    return promise
  }

  /**
   * Computes the week, and first any of its history weeks never computed, so trends have a past. A week
   * computed before membership was stored counts as not computed: opening a report fills in its members.
   */
  async function ensureWeek(workspaceId: string, week: string, opts: { force?: boolean } = {}): Promise<RunOutcome[]> {
    const weeks = weeksEndingWith(week, HISTORY_WEEKS + 1)
    const done = new Set((await upToDate(workspaceId, await repo.runs(workspaceId, weeks))).map((r) => r.week))
    const outcomes: RunOutcome[] = []
    for (const w of weeks) {
      const isTarget = w === week
      if (done.has(w) && !(isTarget && opts.force)) continue
      if (!isTarget && !(await repo.hasMessagesBefore(workspaceId, weekRange(w).to))) continue
      outcomes.push(await runWeek(workspaceId, w))
    }
    return outcomes
  }

  /**
   * Makes sure each of `weeks` has stored theme members (what a theme filter reads): weeks never
   * computed are computed with their history, as a report would; weeks computed before membership was
   * stored are computed again. Weeks without customer messages up to `until` are skipped. Each week's
   * clustering depends only on its messages, so members are the same whichever weeks were computed first.
   */
  async function ensureMembers(workspaceId: string, weeks: string[], until: Date): Promise<RunOutcome[]> {
    const outcomes: RunOutcome[] = []
    const done = new Set((await upToDate(workspaceId, await repo.runs(workspaceId, weeks))).map((r) => r.week))
    for (const week of [...weeks].sort()) {
      if (done.has(week)) continue
      if (!(await repo.hasMessagesBefore(workspaceId, new Date(Math.min(weekRange(week).to.getTime(), until.getTime()))))) continue
      outcomes.push(...(await ensureWeek(workspaceId, week)))
    }
    return outcomes
  }

  return { runWeek, ensureWeek, ensureMembers }
}

/**
 * Whether each message is the first its customer wrote in its conversation, as far as the read goes (the
 * week and its context weeks, which come after it in `messages` but were sent before): it says what the case is about.
 */
function opensConversation(messages: WeekMessage[], inWeek: number): boolean[] {
  const opened = new Set<string>()
  const opens = new Array<boolean>(messages.length).fill(false)
  const sentOrder = [...messages.keys()].slice(inWeek).concat([...messages.keys()].slice(0, inWeek))
  for (const i of sentOrder) {
    opens[i] = !opened.has(messages[i].conversationId)
    opened.add(messages[i].conversationId)
  }
  return opens
}

/** Quotes are read and forwarded by people outside support: the masked text, never the stored one. */
function toQuote(m: WeekMessage, maskedText: string): ThemeQuote {
  return { messageId: m.id, conversationId: m.conversationId, channel: m.channel, sentAt: m.sentAt, text: maskedText }
}
