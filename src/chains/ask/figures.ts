// Figures are the only numbers an answer may state: counts, shares, change against the previous
// period, breakdowns and weekly series, all computed by SQL over stored enrichments.
import type { Queryable } from '../../store/db.ts'
import { breakdown, countMessages, weeklySeries } from '../../store/ask.ts'
import { isoWeekOf, weekRange } from '../themes/week.ts'
import { themeVolumesByWeek, type DataExtent } from '../../store/ask-figures.ts'
import { careFigures } from './care.ts'
import { measureFigures } from './conversation-measures.ts'
import { lengthRatio } from './time.ts'
import { OTHER_INTENT } from '../classify/taxonomy.ts'
import { CONFUSION_METHOD } from './confusion.ts'
import {
  estimateConversations, estimateGrowth, estimateOf, estimateCount, estimatedShare, labelClassesOf, labelsOf, newEstimateCache, rankFigures, roundShare, targetOf, type FigureContext,
} from './estimates.ts'
import { themeCountEstimates, widenedByTheme } from './theme-estimate.ts'
import type { FigureLabels } from './labels/types.ts'
import type { ResolvedFilters } from './theme-filter.ts'
import { SENTIMENT_CLASSES, type AskFigure, type AskFilters, type AskPlan, type FigureEstimate, type ThemeGroup, type TimeRange } from './types.ts'

export const BREAKDOWN_TOP = 8
/** Intents shown as candidates for "grew most", likeliest first. */
const GROWTH_LEADERS = 5
const THEMES_GROWN = 3
const DAY_MS = 86_400_000

function withoutTheme(filters: ResolvedFilters): ResolvedFilters {
  const { theme: _theme, themeSnapshots: _snapshots, themeMentions: _mentions, ...rest } = filters
  return rest
}

/** What a figure says it filtered by: the theme by its words, never the list of weekly snapshots behind it. */
function publicFilters(filters: ResolvedFilters): Record<string, unknown> {
  const { customerRole: _role, themeSnapshots: _snapshots, themeMentions: _mentions, ...rest } = filters
  return rest
}

/** The ISO weeks a range touches, with how many of its days each has in the range (up to a week past now). */
function daysPerIsoWeek(range: TimeRange): Map<string, number> {
  const days = new Map<string, number>()
  const end = Math.min(Date.parse(range.to), Date.now() + 7 * DAY_MS)
  for (let t = Math.max(Date.parse(range.from), end - 400 * DAY_MS); t < end; t += DAY_MS) {
    const week = isoWeekOf(new Date(t))
    days.set(week, (days.get(week) ?? 0) + 1)
  }
  return days
}

/**
 * The weeks of a period and of the one before, each week in the period that holds most of its days:
 * "this month" on 10 November was given week 44 (26 Oct – 1 Nov) for its one day, and the outage of
 * 27–29 October became November's growth.
 */
function weeksOfPeriods(range: TimeRange, previous: TimeRange): { now: string[]; then: string[] } {
  const inRange = daysPerIsoWeek(range)
  const before = daysPerIsoWeek(previous)
  const now = [...inRange].filter(([week, days]) => days >= (before.get(week) ?? 0)).map(([week]) => week)
  return { now, then: [...before.keys()].filter((week) => !now.includes(week)) }
}

/** Depends on classifier labels (a sentiment class, an intent): an estimate, not a count. */
export const dependsOnLabels = (filters: AskFilters) => Object.keys(targetOf(filters)).length > 0

export interface FigureOptions {
  /** The workspace's intent names (the number of classes a probability is spread over). */
  intents: string[]
  /** The request's now: what "still waiting" and "answered" are judged against. */
  asOf: string
  /** For a ranking by theme: the themes of the plan's weeks (see themeGroupsOf). */
  themeGroups?: ThemeGroup[]
  /** When the workspace's customer messages start and end: a ranking by weekday or hour counts the days it covers. */
  extent?: DataExtent
  /** The figures' labels, in the question's language (English when none is given). */
  labels?: FigureLabels
}

/**
 * The change between two estimated counts, in percent, with the interval their intervals allow: "up
 * 6.4%" from 47 to 50 billing messages, each ±30 or more, could as well be a fall. None when the
 * earlier count may be 0 (no upper bound).
 */
function changeEstimate(value: number, now: FigureEstimate | undefined, before: FigureEstimate | undefined): FigureEstimate | undefined {
  if (!now || !before || before.low <= 0) return undefined
  return { value, low: roundShare(now.low - before.high, before.high), high: roundShare(now.high - before.low, before.low), method: "the two periods' estimated counts; interval from their intervals" }
}

/** A count is given with its estimate when labels or clustering decide it, else it is exact. */
const counted = (estimate: FigureEstimate | undefined): { estimate: FigureEstimate } | { exact: true } => (estimate ? { estimate } : { exact: true })

export async function computeFigures(db: Queryable, workspaceId: string, plan: AskPlan, opts: FigureOptions = { intents: [], asOf: new Date().toISOString() }): Promise<AskFigure[]> {
  const { timeRange: range, previousRange: previous } = plan
  // The resolved filters: a theme's snapshots and words ride along (see resolveTheme).
  const filters: ResolvedFilters = plan.filters
  const figures: AskFigure[] = []
  const fig = (f: Omit<AskFigure, 'from' | 'to' | 'filters'> & { range?: TimeRange; filters?: AskFilters }) => {
    const { range: r = range, filters: fl = filters, ...rest } = f
    // A theme's members come from clustering, not from metadata: such a count is never called exact.
    if (fl.theme) delete rest.exact
    figures.push({ ...rest, from: r.from, to: r.to, filters: publicFilters(fl) })
  }
  const ctx: FigureContext = { db, workspaceId, classes: labelClassesOf(opts.intents), intents: opts.intents, asOf: opts.asOf, cache: newEstimateCache(), themeGroups: opts.themeGroups, extent: opts.extent, labels: opts.labels }
  const labels = labelsOf(ctx)
  if (plan.kind === 'awaiting' || plan.kind === 'response_time') {
    for (const f of await careFigures(ctx, plan)) fig(f)
    return figures
  }
  if (plan.measure) {
    for (const f of await measureFigures(ctx, plan)) fig(f)
    return figures
  }

  const current = await countMessages(db, workspaceId, filters, range)
  const labelled = dependsOnLabels(filters)
  // A theme alone: its members are counted, with bounds on clustering's error. Labels counted within a
  // theme ("customers who complained about wifi") carry both the labels' doubt and the theme's bounds.
  const theme = await themeCountEstimates(db, workspaceId, labelled ? { ...filters, sentiment: undefined, intent: undefined } : filters, range)
  const themeNow = labelled ? undefined : theme
  const withinTheme = (estimate: FigureEstimate, bounds: FigureEstimate | undefined) => (bounds ? widenedByTheme(estimate, bounds) : estimate)
  const currentEstimate = labelled ? withinTheme(await estimateCount(ctx, filters, range), theme?.messages) : undefined
  const currentValue = currentEstimate ? currentEstimate.value : current.messages
  fig({ kind: 'count', label: labels.messages(filters, range), value: currentValue, unit: 'messages', ...counted(currentEstimate ?? themeNow?.messages) })
  // "How many customers …": conversations with such a message, estimated the same way when labels decide it.
  const conversationsEstimate = labelled ? withinTheme(await estimateConversations(ctx, filters, range), theme?.conversations) : undefined
  fig({
    kind: 'count', label: labels.conversations(filters, range), value: conversationsEstimate ? conversationsEstimate.value : current.conversations, unit: 'conversations',
    ...counted(conversationsEstimate ?? themeNow?.conversations),
  })

  if (previous) {
    const before = await countMessages(db, workspaceId, filters, previous)
    const beforeEstimate = labelled ? await estimateCount(ctx, filters, previous) : undefined
    const beforeValue = beforeEstimate ? beforeEstimate.value : before.messages
    const themeBefore = themeNow ? await themeCountEstimates(db, workspaceId, filters, previous) : undefined
    fig({ kind: 'previous_count', label: labels.messages(filters, previous), value: beforeValue, unit: 'messages', range: previous, ...counted(beforeEstimate ?? themeBefore?.messages) })
    // A period without a single customer message is a gap in the data, not a fall to nothing: no change is measured.
    const gap = current.messages === 0 && (await countMessages(db, workspaceId, {}, range)).messages === 0
    if (beforeValue > 0 && !gap) {
      // Periods of different lengths are compared per day (see lengthRatio).
      const ratio = lengthRatio(range, previous)
      const value = roundShare(currentValue / ratio - beforeValue, beforeValue)
      const now = currentEstimate ?? themeNow?.messages
      const estimate = changeEstimate(value, now && { ...now, low: now.low / ratio, high: now.high / ratio }, beforeEstimate ?? themeBefore?.messages)
      fig({
        kind: 'change', label: labels.change(previous, ratio !== 1), value, unit: 'percent',
        ...(ratio === 1 ? {} : { group: { measure: 'per_day' } }), ...(estimate ? { estimate } : labelled ? {} : { exact: true }),
      })
    }
    // "Did delivery complaints go up?": customers who complained in both periods, not only their messages
    // (a complaint of four chasers is one complaint in either month).
    const beforeConversations = plan.kind !== 'compare' ? undefined : conversationsEstimate ? await estimateConversations(ctx, filters, previous) : themeBefore?.conversations
    if (beforeConversations) {
      fig({ kind: 'previous_count', label: labels.conversations(filters, previous), value: beforeConversations.value, unit: 'conversations', range: previous, estimate: beforeConversations })
    }
  }

  if (plan.kind === 'rank' && plan.groupBy) {
    for (const f of await rankFigures(ctx, plan)) fig(f)
  }

  // The share answers "what share of complaints were about X": the base drops the most specific filter,
  // or the one the question asks the share of ("what share of billing messages were negative"). A theme
  // within an intent is a part of it ("what share of billing messages were about duplicate payments?"):
  // the base is the intent's messages, not the theme's (which gave billing's share of the theme, 75%).
  const base: ResolvedFilters | undefined = filters.intent && filters.sentiment && plan.sharePart === 'sentiment'
    ? { ...filters, sentiment: undefined }
    : filters.intent && filters.theme
    ? withoutTheme(filters)
    : filters.intent
    ? { ...filters, intent: undefined }
    : filters.sentiment
      ? { ...filters, sentiment: undefined }
      : filters.channel || filters.language || filters.segment || filters.mentions
        ? { customerRole: 'customer' }
        : undefined
  if (base && plan.kind !== 'rank') {
    const baseEstimate = dependsOnLabels(base) ? await estimateCount(ctx, base, range) : undefined
    const exactBase = baseEstimate ? undefined : await countMessages(db, workspaceId, base, range)
    const whole = baseEstimate ? baseEstimate.value : exactBase!.messages
    fig({ kind: 'count', label: labels.all(base, range), value: whole, unit: 'messages', filters: base, group: { measure: 'base' }, ...counted(baseEstimate) })
    if (whole > 0) {
      const shareEstimate = currentEstimate ? await estimatedShare(ctx, { filters, estimate: currentEstimate }, { filters: base, value: whole, estimate: baseEstimate }, range) : undefined
      fig({ kind: 'share', label: labels.share(filters, base), value: shareEstimate?.value ?? roundShare(current.messages, whole), unit: 'percent', ...(shareEstimate ? { estimate: shareEstimate } : { exact: !dependsOnLabels(base) }) })
    }
    // "Are customers happier this month than last month?" asks whether the positive share moved, not the
    // count (more messages of every kind is no happier customer): the same share in the earlier period.
    if (plan.kind === 'compare' && plan.wantsShare && previous && filters.sentiment && currentEstimate) {
      const baseBefore = dependsOnLabels(base) ? await estimateCount(ctx, base, previous) : undefined
      const wholeBefore = baseBefore ? baseBefore.value : (await countMessages(db, workspaceId, base, previous)).messages
      if (wholeBefore > 0) {
        const before = await estimatedShare(ctx, { filters, estimate: await estimateCount(ctx, filters, previous) }, { filters: base, value: wholeBefore, estimate: baseBefore }, previous)
        fig({ kind: 'share', label: labels.share(filters, base, previous), value: before.value, unit: 'percent', estimate: before, range: previous, group: { period: 'previous' } })
      }
    }
    // "What percentage of customers are happy?" was answered with the messages' share (33%), not the
    // customers' (about half): asked of customers, the share is of the conversations too.
    if (plan.countsCustomers && plan.wantsShare && conversationsEstimate && exactBase && exactBase.conversations > 0) {
      const of = (x: number) => (100 * x) / exactBase.conversations
      fig({
        kind: 'share', label: labels.conversationsShare(filters, exactBase.conversations, base),
        value: roundShare(conversationsEstimate.value, exactBase.conversations), unit: 'percent', group: { measure: 'conversations', conversations: String(exactBase.conversations) },
        estimate: estimateOf(of(conversationsEstimate.value), of(conversationsEstimate.low), Math.min(100, of(conversationsEstimate.high)), `${conversationsEstimate.method}; over the ${exactBase.conversations} conversations (exact)`),
      })
    }
  }

  if (!filters.intent && current.messages > 0 && plan.kind !== 'rank') {
    const now = await intentBreakdown(ctx, filters, range)
    const then = previous ? new Map((await intentBreakdown(ctx, filters, previous)).map((r) => [r.key, r.n])) : undefined
    // For comparisons every intent that moved matters, not only the largest ones now.
    const keys = plan.kind === 'compare' && then ? [...new Set([...now.map((r) => r.key), ...then.keys()])] : now.slice(0, BREAKDOWN_TOP).map((r) => r.key)
    const rows = new Map(now.map((r) => [r.key, r]))
    for (const key of keys) {
      const row = rows.get(key)
      fig({
        kind: 'breakdown',
        label: labels.messages({ ...filters, intent: key }, range),
        value: row?.n ?? 0,
        unit: 'messages',
        group: { intent: key },
        ...(row?.estimate ? { estimate: row.estimate } : {}),
        ...(then ? { previousValue: then.get(key) ?? 0 } : {}),
      })
    }
    if (plan.kind === 'compare' && previous) {
      // Which intent grew most, with the uncertainty of both periods' estimates: "other" is no topic.
      const growth = await estimateGrowth(ctx, filters, range, previous, ctx.intents.filter((i) => i !== OTHER_INTENT))
      const leaders = (growth ?? []).filter((g) => g.change.largest > 0).sort((a, b) => b.change.largest - a.change.largest || b.change.value - a.change.value).slice(0, GROWTH_LEADERS)
      for (const { intent, change } of leaders) {
        const estimate = estimateOf(Math.round(change.value), Math.floor(change.low), Math.ceil(change.high), `${CONFUSION_METHOD}; both periods drawn from the same resample`)
        fig({
          kind: 'change',
          label: labels.growth({ ...filters, intent }, previous, range, Math.round(100 * change.largest)),
          value: estimate.value,
          unit: 'messages',
          group: { intent, measure: 'growth' },
          estimate,
          probability: Math.round(100 * change.largest) / 100,
        })
      }
    }
  }

  if (!filters.sentiment && current.messages > 0 && plan.kind !== 'rank') {
    // Each sentiment's share is estimated like any count of labels, with its interval: the top labels
    // alone said "54.7% negative" as flatly as a count, and left 17% "uncertain" out of every class.
    const wholeOf = async (r: TimeRange) => {
      const estimate = labelled ? await estimateCount(ctx, filters, r) : undefined
      return estimate ? { value: estimate.value, estimate } : { value: (await countMessages(db, workspaceId, filters, r)).messages }
    }
    const mixOf = async (r: TimeRange, whole: { value: number; estimate?: FigureEstimate }) => {
      if (whole.value <= 0) return undefined
      const shares = new Map<string, FigureEstimate>()
      for (const sentiment of SENTIMENT_CLASSES) {
        const part = { ...filters, sentiment }
        shares.set(sentiment, await estimatedShare(ctx, { filters: part, estimate: await estimateCount(ctx, part, r) }, { filters, ...whole }, r))
      }
      return shares
    }
    const mix = await mixOf(range, { value: currentValue, estimate: currentEstimate })
    const before = previous ? await mixOf(previous, await wholeOf(previous)) : undefined
    for (const [sentiment, estimate] of mix ?? []) {
      fig({
        kind: 'sentiment_mix', label: labels.sentimentShare(filters, sentiment), value: estimate.value, unit: 'percent', group: { sentiment }, estimate,
        ...(before ? { previousValue: before.get(sentiment)!.value } : {}),
      })
    }
  }

  if (plan.kind === 'trend' && current.messages > 0) {
    // Within a sentiment filter every message has that sentiment: the negative share is of the same
    // messages without it (all customer messages about the intent, on the channel…), not 100%.
    const shareBase = filters.sentiment ? { ...filters, sentiment: undefined } : filters
    const mix = filters.sentiment ? new Map((await weeklySeries(db, workspaceId, shareBase, range)).map((w) => [w.week, w])) : undefined
    // A week the workspace has messages in but none of these is a 0, not a gap: "week by week over the
    // last 8 weeks" on app crashes began "from 7 in 2026-W41", hiding the three weeks before at 0.
    const matching = new Map((await weeklySeries(db, workspaceId, filters, range)).map((w) => [w.week, w]))
    const weeks = (await weeklySeries(db, workspaceId, {}, range)).map((w) => matching.get(w.week) ?? { ...w, n: 0, negative: 0, positive: 0 })
    for (const w of weeks) {
      const { week, cut } = weekWithin(range, w)
      const all = mix ? mix.get(w.week) : w
      // A week's count of labels is estimated as the period's is: "from 3 in W42 to 3 in W45" was top labels
      // beside a period estimated at 19 (4–72).
      const volume = labelled ? await estimateCount(ctx, filters, week) : undefined
      fig({ kind: 'series', label: labels.week(filters, w.week), value: volume?.value ?? w.n, unit: 'messages', group: { week: w.week, measure: 'volume', ...cut }, range: week, ...(volume ? { estimate: volume } : {}) })
      if (all && all.n > 0) {
        // Estimated like the period's mix: a week's share moving 30% → 45% on top labels may be the labels' doubt.
        // The week's volume above is one of the two counts when the filters are the base or its negative part.
        const wholeEstimate = shareBase === filters ? volume : dependsOnLabels(shareBase) ? await estimateCount(ctx, shareBase, week) : undefined
        const negative = { ...shareBase, sentiment: 'negative' as const }
        const negativeEstimate = filters.sentiment === 'negative' && volume ? volume : await estimateCount(ctx, negative, week)
        const estimate = await estimatedShare(ctx, { filters: negative, estimate: negativeEstimate }, { filters: shareBase, value: wholeEstimate?.value ?? all.n, estimate: wholeEstimate }, week)
        fig({ kind: 'series', label: labels.weekNegativeShare(shareBase, w.week), value: estimate.value, unit: 'percent', group: { week: w.week, measure: 'negative_share', ...cut }, range: week, filters: shareBase, estimate })
      }
    }
  }

  // "Is the app crash still happening?": the four weeks week by week, so the answer says whether the latest
  // week still has them. The period's rise alone ("up 812.5%") could not tell a peak three weeks ago from now.
  if (plan.recent && (plan.kind === 'count' || plan.kind === 'why') && current.messages > 0) {
    const matching = new Map((await weeklySeries(db, workspaceId, filters, range)).map((w) => [w.week, w]))
    for (const w of await weeklySeries(db, workspaceId, {}, range)) {
      const { week, cut } = weekWithin(range, w)
      const volume = labelled ? await estimateCount(ctx, filters, week) : undefined
      fig({ kind: 'series', label: labels.week(filters, w.week), value: volume?.value ?? matching.get(w.week)?.n ?? 0, unit: 'messages', group: { week: w.week, measure: 'volume', ...cut }, range: week, ...(volume ? { estimate: volume } : {}) })
    }
  }

  if (asksThemesGrown(plan) && previous) {
    const weeks = weeksOfPeriods(range, previous)
    const rows = await themeVolumesByWeek(db, workspaceId, [...weeks.now, ...weeks.then])
    // Only weeks with a theme run count, and only ended ones (a run of the week under way holds its first
    // days), and the periods are compared per week run: a month's five weeks against the one week this month.
    const ended = (week: string) => weekRange(week).to.getTime() <= Date.parse(ctx.asOf)
    const run = new Set(rows.map((r) => r.week).filter(ended))
    const now = weeks.now.filter((w) => run.has(w))
    const then = weeks.then.filter((w) => run.has(w))
    const sum = (label: string, weeks: string[]) => rows.filter((r) => r.label === label && weeks.includes(r.week)).reduce((s, r) => s + r.volume, 0)
    const perWeek = (t: { value: number; previousValue: number }) => t.value / now.length - t.previousValue / then.length
    // No run on either side is no growth: a theme of the first week run is not one that grew from nothing.
    const grown = now.length === 0 || then.length === 0 ? [] : [...new Set(rows.map((r) => r.label))]
      .map((label) => ({ label, value: sum(label, now), previousValue: sum(label, then) }))
      .filter((t) => perWeek(t) > 0)
      .sort((a, b) => perWeek(b) - perWeek(a) || a.label.localeCompare(b.label))
      .slice(0, THEMES_GROWN)
    for (const t of grown) {
      fig({
        kind: 'theme_volume', label: labels.themeGrowth(t.label, now, then), value: t.value, previousValue: t.previousValue, unit: 'messages',
        group: { theme: t.label, measure: 'growth', weeks: String(now.length), previousWeeks: String(then.length) },
      })
    }
  }
  return figures
}

/** Messages per intent in the filtered set: estimated per intent (largest first), so rankings and "grew most" compare estimates. */
async function intentBreakdown(ctx: FigureContext, filters: AskFilters, range: TimeRange) {
  if (ctx.intents.length === 0) {
    return (await breakdown(ctx.db, ctx.workspaceId, filters, range, 'intent')).map((r) => ({ key: r.key, n: r.n, estimate: undefined }))
  }
  const rows = []
  for (const intent of ctx.intents) {
    const estimate = await estimateCount(ctx, { ...filters, intent }, range)
    rows.push({ key: intent, n: estimate.value, estimate })
  }
  return rows.filter((r) => r.n > 0).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
}

/** A week the range cuts ("the last 8 weeks" from a Friday) is counted over the part inside it only, and its figures say so (`partial`). */
function weekWithin(range: TimeRange, w: { from: string; week: string }): { week: TimeRange; cut: Record<string, string> } {
  const weekEnd = new Date(Date.parse(w.from) + 7 * DAY_MS).toISOString()
  const week = { from: w.from > range.from ? w.from : range.from, to: weekEnd < range.to ? weekEnd : range.to, label: w.week }
  return { week, cut: week.from !== w.from || week.to !== weekEnd ? { partial: 'true' } : {} }
}

/**
 * "Why did volume spike": which themes grew most, from the weekly theme runs stored for these weeks; and
 * an overview of a period ("What happened in week 44?", "Summarize last week"), which named the intents
 * but not the theme new that week ("Internet down", 0 → 85). Only when the question names no subject nor
 * part of the messages: the workspace's growing themes do not answer "did delivery go up", nor "what
 * happened on WhatsApp".
 */
export function asksThemesGrown(plan: AskPlan): boolean {
  const f = plan.filters
  const overview = plan.kind === 'why' && !f.sentiment && !f.channel && !f.language && !f.segment
  return (plan.kind === 'compare' || overview) && plan.previousRange !== undefined && !f.theme && !f.intent && !f.mentions
}
