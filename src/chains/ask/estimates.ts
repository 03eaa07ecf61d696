// Figures that depend on classifier labels are estimates. Where the workspace has enough corrected
// messages (a person's labels next to the kept predictions), the classifier's confusion is measured
// on them and the count is corrected for it (confusion.ts): corrected messages count exactly, the
// others are estimated, with a bootstrap interval. Without them, each message contributes its
// probability of carrying the label (the stored confidence for the chosen label, the rest spread over
// the other classes in proportion to the classifier's own probabilities of them when it stored them,
// evenly otherwise), and the interval is the 95% normal interval of that sum widened to include the
// classify-and-count figure. Metadata-only figures (channel, dates, language) are counted exactly.
import type { Queryable } from '../../store/db.ts'
import { countMessages } from '../../store/ask.ts'
import { conversationLabelEstimate, labelCells, labelEstimates, metadataCounts, metadataOf, type DataExtent, type MetadataGroup, type LabelCellRow, type LabelClasses, type LabelEstimateRow, type LabelTarget as EstimatedTarget } from '../../store/ask-figures.ts'
import {
  CONFUSION_METHOD, canEstimate, cellLikelihoods, compareTargets, confusionModel, estimateShare, estimateTarget, fitSubset, targetFields, type Change, type ConfusionModel, type LabelField, type LabelTarget, type SubsetFit,
} from './confusion.ts'
import { MESSAGE_KIND_INTENTS, PROBLEM_INTENTS } from '../classify/taxonomy.ts'
import { enLabels } from './labels/en.ts'
import type { FigureLabels } from './labels/types.ts'
import { slotOccurrences, slotSpan } from './time.ts'
import { SENTIMENT_CLASSES, type ThemeGroup, type AskFigure, type AskFilters, type AskPlan, type FigureEstimate, type TimeRange } from './types.ts'

const Z95 = 1.96
export const ESTIMATE_METHOD =
  'sum of per-message label probabilities (stored confidence for the chosen label, the rest spread over the others in proportion to the classifier\'s own reading of them where it gave one; human corrections count as certain); ' +
  'interval: from trusting only the confident part of each label to giving the target all of each label\'s doubt, and at least the 95% interval of the sum'

export interface FigureContext {
  db: Queryable
  workspaceId: string
  classes: LabelClasses
  intents: string[]
  asOf: string
  /** Per request: the workspace's corrected messages and the fits made on them, loaded once. */
  cache?: EstimateCache
  /** For a ranking by theme: the themes of the plan's weeks. */
  themeGroups?: ThemeGroup[]
  /** When the workspace's customer messages start and end: a ranking by weekday or hour counts the days the data covers. */
  extent?: DataExtent
  /** The figures' labels, in the question's language (English when none is given). */
  labels?: FigureLabels
}

export const labelsOf = (ctx: FigureContext): FigureLabels => ctx.labels ?? enLabels

export interface EstimateCache {
  corrected?: Promise<LabelCellRow[]>
  models: Map<string, ConfusionModel | undefined>
  fits: Map<string, Promise<Map<string, SubsetFit>>>
}

export const newEstimateCache = (): EstimateCache => ({ models: new Map(), fits: new Map() })

export const labelClassesOf = (intents: string[]): LabelClasses => ({ sentiment: SENTIMENT_CLASSES.length, intent: Math.max(2, intents.length) })

const round1 = (x: number) => Math.round(10 * x) / 10

export function estimateOf(value: number, low: number, high: number, method: string): FigureEstimate {
  return { value: round1(value), low: round1(Math.max(0, Math.min(low, value))), high: round1(Math.max(high, value)), method }
}

/**
 * The estimate of one row of sums. The stored confidences are not known to be calibrated on this
 * workspace's data, so the interval does not only reflect sampling noise (the variance of the sum):
 * it runs from the confident part of the labels (lower) to the labels plus all their doubt (upper).
 */
export function estimateFromRow(row: Pick<LabelEstimateRow, 'expected' | 'variance' | 'classified'> & Partial<Pick<LabelEstimateRow, 'lower' | 'upper'>>): FigureEstimate {
  const sd = Math.sqrt(row.variance)
  const low = Math.min(row.expected, row.classified, row.lower ?? Infinity) - Z95 * sd
  const high = Math.max(row.expected, row.classified, row.upper ?? -Infinity) + Z95 * sd
  return estimateOf(Math.round(row.expected), Math.floor(low), Math.ceil(high), ESTIMATE_METHOD)
}

/** The labels a figure estimates (`uncertain` is not a class: it selects messages exactly, see metadataOf). */
export const targetOf = (filters: AskFilters): LabelTarget => ({
  ...(filters.sentiment && filters.sentiment !== 'uncertain' ? { sentiment: filters.sentiment } : {}),
  ...(filters.intent ? { intent: filters.intent } : {}),
})

/**
 * The target of a complaint figure: with `sentiment: 'negative'`, the problem intents (of `intents`)
 * whose neutral reports count as complaints too (see LabelTarget.complaintIntents).
 */
export function complaintTargetOf(filters: AskFilters, intents: readonly string[]): EstimatedTarget {
  const target = targetOf(filters)
  if (target.sentiment !== 'negative') return target
  const problems = target.intent ? [target.intent].filter((i) => PROBLEM_INTENTS.includes(i)) : PROBLEM_INTENTS.filter((i) => intents.includes(i))
  return problems.length ? { ...target, complaintIntents: problems } : target
}

/** The confusion measured on the workspace's corrected messages for these fields, if there are enough. */
async function modelFor(ctx: FigureContext, fields: LabelField[]): Promise<ConfusionModel | undefined> {
  const cache = (ctx.cache ??= newEstimateCache())
  const key = fields.join('+')
  if (!cache.models.has(key)) {
    cache.corrected ??= labelCells(ctx.db, ctx.workspaceId, { }, undefined).then((rows) => rows.filter((r) => r.trueSentiment !== null || r.trueIntent !== null))
    cache.models.set(key, confusionModel(await cache.corrected, fields))
  }
  return cache.models.get(key)
}

/**
 * Fits of the class mix of the messages matching the metadata filters in the range (per group when
 * grouped), for the given fields; undefined when the confusion cannot be measured for `target`.
 */
async function fitsFor(ctx: FigureContext, filters: AskFilters, range: TimeRange, target: LabelTarget, groupBy?: MetadataGroup): Promise<Map<string, SubsetFit> | undefined> {
  const fields = targetFields(target)
  const model = fields.length ? await modelFor(ctx, fields) : undefined
  if (!model || !canEstimate(model, target)) return undefined
  const metadata = metadataOf(filters)
  const cache = ctx.cache!
  const key = JSON.stringify([fields, metadata, range.from, range.to, groupBy ?? ''])
  if (!cache.fits.has(key)) {
    cache.fits.set(key, labelCells(ctx.db, ctx.workspaceId, metadata, range, groupBy).then((rows) => {
      const byKey = new Map<string, LabelCellRow[]>()
      for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r])
      return new Map([...byKey].map(([k, cells]) => [k, fitSubset(model, cells)]))
    }))
  }
  return cache.fits.get(key)!
}

const emptyEstimate = () => estimateOf(0, 0, 0, CONFUSION_METHOD)

function fromInterval(i: { value: number; low: number; high: number }): FigureEstimate {
  return estimateOf(Math.round(i.value), Math.floor(i.low), Math.ceil(i.high), CONFUSION_METHOD)
}

export async function estimateCount(ctx: FigureContext, filters: AskFilters, range: TimeRange): Promise<FigureEstimate> {
  const target = targetOf(filters)
  const fits = await fitsFor(ctx, filters, range, target)
  if (fits) {
    const fit = fits.get('')
    return fit ? fromInterval(estimateTarget(fit, target)) : emptyEstimate()
  }
  const [row] = await labelEstimates(ctx.db, ctx.workspaceId, filters, range, target, ctx.classes)
  return estimateFromRow(row ?? { expected: 0, variance: 0, classified: 0 })
}

const COMPLAINT_METHOD = 'a complaint is a negative message, or a neutral one reporting a problem (billing, delivery, service, fault, account, cancellation): p(negative) + p(neutral) × p(problem intent)'

/**
 * Conversations about the intent in which the customer voiced the sentiment ("how many customers
 * complained about X"), from the messages' probabilities (see conversationLabelEstimate); the confusion correction
 * is per message and is not carried to conversations, so the interval is the probability one.
 */
export async function estimateConversations(ctx: FigureContext, filters: AskFilters, range: TimeRange): Promise<FigureEstimate> {
  const target = complaintTargetOf(filters, ctx.intents)
  const row = await conversationLabelEstimate(ctx.db, ctx.workspaceId, filters, range, target, ctx.classes)
  const complaint = target.complaintIntents ? `${COMPLAINT_METHOD}; ` : ''
  return { ...estimateFromRow(row), method: `per conversation, its likeliest message for the subject × 1 − Π(1 − p) over its messages for the sentiment; ${complaint}${ESTIMATE_METHOD}` }
}

/**
 * The share (percent) of the messages matching `filters` among those matching `base` (which drops one
 * of its labels), when both come from one confusion-corrected fit; undefined otherwise.
 */
export async function estimateShareOf(ctx: FigureContext, filters: AskFilters, base: AskFilters, range: TimeRange): Promise<FigureEstimate | undefined> {
  const target = targetOf(filters)
  const baseTarget = targetOf(base)
  if (targetFields(baseTarget).length === 0) return undefined
  const fits = await fitsFor(ctx, filters, range, target)
  const fit = fits?.get('')
  if (!fit || !canEstimate(fit.model, baseTarget)) return undefined
  const share = estimateShare(fit, target, baseTarget)
  if (!share) return undefined
  const r = (x: number) => Math.round(10 * x) / 10
  return estimateOf(r(share.value), r(share.low), r(share.high), `${CONFUSION_METHOD}; the share's numerator and denominator are drawn together`)
}

/** Rounded the way the answer writes it, so "numbers in the answer appear in the figures" can be checked. */
export const roundShare = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0)

const RATIO_METHOD = 'ratio of the estimated counts; interval from their intervals'

/**
 * A part's share (percent) of a whole, with its interval: from the confusion measured on people's
 * labels when there are enough, else the ratio of the two counts' bounds.
 */
export async function estimatedShare(
  ctx: FigureContext, part: { filters: AskFilters; estimate: FigureEstimate }, whole: { filters: AskFilters; value: number; estimate?: FigureEstimate }, range: TimeRange,
): Promise<FigureEstimate> {
  const confusion = whole.estimate ? await estimateShareOf(ctx, part.filters, whole.filters, range) : undefined
  return confusion ?? estimateOf(
    roundShare(part.estimate.value, whole.value), roundShare(part.estimate.low, whole.estimate?.high ?? whole.value), Math.min(100, roundShare(part.estimate.high, whole.estimate?.low || whole.value)), RATIO_METHOD,
  )
}

/**
 * The label filter's estimated count per channel, language, day, weekday or hour: corrected for the confusion measured
 * on people's labels when there are enough of them, the classifier's own probabilities otherwise.
 */
async function groupEstimates(ctx: FigureContext, filters: AskFilters, range: TimeRange, groupBy: MetadataGroup): Promise<Map<string, FigureEstimate>> {
  const target = targetOf(filters)
  const fits = await fitsFor(ctx, filters, range, target, groupBy)
  return fits
    ? new Map([...fits].map(([key, fit]) => [key, fromInterval(estimateTarget(fit, target))]))
    : new Map((await labelEstimates(ctx.db, ctx.workspaceId, filters, range, target, ctx.classes, groupBy)).map((r) => [r.key, estimateFromRow(r)]))
}

/** A group's rate is ranked only over at least this many of its messages: 2 of 3 is no "most negative channel". */
export const MIN_RATE_MESSAGES = 10
const RATE_METHOD = "the group's estimated count over its exact count of customer messages (or conversations); interval from the count's interval"

/**
 * "Which channel is the most negative?": per channel (or language), the share of its own customer
 * messages the label filter holds, with the estimated count's interval over the group's exact count.
 * The x channel had the most negative messages and the smallest negative share of the five. Each rate
 * comes with its group's count (a `count` figure of the same group), which the answer says it is of.
 */
async function rateFigures(ctx: FigureContext, plan: AskPlan, groupBy: 'channel' | 'language'): Promise<FigureDraft[]> {
  const { filters, timeRange: range } = plan
  const whole: AskFilters = { ...filters, sentiment: undefined, intent: undefined }
  const groups = (await metadataCounts(ctx.db, ctx.workspaceId, whole, range, groupBy))
    .filter((g) => g.key && g.n >= MIN_RATE_MESSAGES && (!plan.among || plan.among.includes(g.key)))
  // "Which channel has the highest share of complaints?" asks of customers: a complaint of four chasers
  // and a thank-you is one complaining conversation, not a fifth of its messages.
  const byConversation = plan.countsCustomers === true && filters.sentiment === 'negative'
  let parts: Map<string, FigureEstimate>
  if (byConversation) {
    parts = new Map()
    for (const g of groups) parts.set(g.key, await estimateConversations(ctx, { ...filters, [groupBy]: g.key }, range))
  } else {
    parts = await groupEstimates(ctx, filters, range, groupBy)
  }
  const share = (part: number, of: number) => Math.round((1000 * part) / of) / 10
  const order = plan.ascending ? -1 : 1
  const unit = byConversation ? 'conversations' as const : 'messages' as const
  const rows = groups
    .map((g) => {
      const n = byConversation ? g.conversations : g.n
      const part = parts.get(g.key) ?? estimateOf(0, 0, 0, RATE_METHOD)
      return { key: g.key, n, rate: estimateOf(share(part.value, n), share(part.low, n), Math.min(100, share(part.high, n)), RATE_METHOD) }
    })
    .sort((a, b) => order * (b.rate.value - a.rate.value) || a.key.localeCompare(b.key))
    .slice(0, plan.top ?? 10)
  const labels = labelsOf(ctx)
  return rows.flatMap((r) => [
    {
      kind: 'breakdown' as const, label: labels.groupRate({ byConversation, sentiment: filters.sentiment, intent: filters.intent, dimension: groupBy, key: r.key, range }),
      value: r.rate.value, unit: 'percent' as const, group: { [groupBy]: r.key }, estimate: r.rate,
    },
    { kind: 'count' as const, label: labels.groupCount({ byConversation, dimension: groupBy, key: r.key, range }), value: r.n, unit, group: { [groupBy]: r.key }, exact: true, filters: whole },
  ])
}

/**
 * "Which topic is the most negative?", "Which intent has the highest share of negative messages?": per
 * subject intent, the share of its messages the sentiment holds. Both counts are estimated, so the rate's
 * interval is the ratio of their bounds (or the confusion's, when people's labels measure it), and the
 * intent's count it is of is an estimate too. Kinds of message (a question, praise…) are no subject.
 */
async function intentRateFigures(ctx: FigureContext, plan: AskPlan): Promise<FigureDraft[]> {
  const { filters, timeRange: range } = plan
  const whole: AskFilters = { ...filters, sentiment: undefined }
  const rows: Array<{ key: string; base: FigureEstimate; rate: FigureEstimate }> = []
  for (const intent of ctx.intents.filter((i) => !MESSAGE_KIND_INTENTS.has(i) && (!plan.among || plan.among.includes(i)))) {
    // An intent that may have fewer than the minimum (its count's low bound) is not ranked: "product fault,
    // about 60% of about 10 (0–204)" ranked beside subjects of hundreds of messages.
    const base = await estimateCount(ctx, { ...whole, intent }, range)
    if (base.low < MIN_RATE_MESSAGES) continue
    const part = await estimateCount(ctx, { ...filters, intent }, range)
    rows.push({ key: intent, base, rate: await estimatedShare(ctx, { filters: { ...filters, intent }, estimate: part }, { filters: { ...whole, intent }, value: base.value, estimate: base }, range) })
  }
  const order = plan.ascending ? -1 : 1
  const ranked = rows.sort((a, b) => order * (b.rate.value - a.rate.value) || a.key.localeCompare(b.key)).slice(0, plan.top ?? 10)
  const labels = labelsOf(ctx)
  return ranked.flatMap((r) => [
    {
      kind: 'breakdown' as const, label: labels.groupRate({ byConversation: false, sentiment: filters.sentiment, dimension: 'intent', key: r.key, range }),
      value: r.rate.value, unit: 'percent' as const, group: { intent: r.key }, estimate: r.rate,
    },
    { kind: 'count' as const, label: labels.groupCount({ byConversation: false, dimension: 'intent', key: r.key, range }), value: r.base.value, unit: 'messages' as const, group: { intent: r.key }, estimate: r.base, filters: { ...whole, intent: r.key } },
  ])
}

/**
 * Per intent, the change of its estimated count from `previous` to `range` with its interval, and how
 * often it was the largest change in the bootstrap: "which grew most" answered with its uncertainty.
 * Only intents the confusion can be measured for; undefined without enough corrected messages.
 */
export async function estimateGrowth(ctx: FigureContext, filters: AskFilters, range: TimeRange, previous: TimeRange, intents: string[]): Promise<Array<{ intent: string; change: Change }> | undefined> {
  const targets = intents.map((intent) => ({ intent, target: targetOf({ ...filters, intent }) }))
  const model = targets[0] ? await modelFor(ctx, targetFields(targets[0].target)) : undefined
  const usable = model ? targets.filter((t) => canEstimate(model, t.target)) : []
  if (usable.length < 2) return undefined
  const after = (await fitsFor(ctx, filters, range, usable[0]!.target))?.get('')
  if (!after) return undefined
  const before = (await fitsFor(ctx, filters, previous, usable[0]!.target))?.get('')
  const changes = compareTargets(after, before, usable.map((t) => t.target))
  return usable.map((t, k) => ({ intent: t.intent, change: changes[k]! }))
}

/**
 * For citations: per predicted cell ("sentiment|intent"), how likely an uncorrected message of the
 * plan's set carries the filtered labels, from the measured confusion; undefined without one.
 */
export async function citationLikelihoods(db: Queryable, workspaceId: string, filters: AskFilters, range: TimeRange): Promise<Map<string, number> | undefined> {
  const ctx: FigureContext = { db, workspaceId, classes: labelClassesOf([]), intents: [], asOf: range.to, cache: newEstimateCache() }
  const target = targetOf(filters)
  const fit = (await fitsFor(ctx, filters, range, target))?.get('')
  return fit ? cellLikelihoods(fit, target) : undefined
}

type FigureDraft = Omit<AskFigure, 'from' | 'to' | 'filters'> & { filters?: AskFilters }

/** "Which channel / intent / language / sentiment has the most …": one breakdown row per group, largest first. */
export async function rankFigures(ctx: FigureContext, plan: AskPlan): Promise<FigureDraft[]> {
  const { filters, timeRange: range, groupBy } = plan
  const labelled = !!(filters.sentiment || filters.intent)
  if (plan.wantsShare && labelled && (groupBy === 'channel' || groupBy === 'language')) return rateFigures(ctx, plan, groupBy)
  if (plan.wantsShare && filters.sentiment && !filters.intent && groupBy === 'intent') return intentRateFigures(ctx, plan)
  const complaintsByConversation = filters.sentiment === 'negative' && !filters.intent
  let unit: 'messages' | 'conversations' = 'messages'
  let rows: Array<{ key: string; value: number; estimate?: FigureEstimate }>
  if (groupBy === 'channel' || groupBy === 'language' || groupBy === 'day' || groupBy === 'weekday' || groupBy === 'hour') {
    rows = labelled
      ? [...(await groupEstimates(ctx, filters, range, groupBy))].map(([key, estimate]) => ({ key, value: estimate.value, estimate }))
      : (await metadataCounts(ctx.db, ctx.workspaceId, filters, range, groupBy)).map((r) => ({ key: r.key, value: r.n }))
  } else if (groupBy === 'sentiment') {
    rows = []
    for (const sentiment of SENTIMENT_CLASSES) {
      const estimate = await estimateCount(ctx, { ...filters, sentiment }, range)
      rows.push({ key: sentiment, value: estimate.value, estimate })
    }
  } else if (groupBy === 'theme' && ctx.themeGroups) {
    // Each theme counts its stored members in the range (a member is a customer message the weekly run
    // put in one of the theme's snapshots), estimated like any label-dependent count. Its complaints are
    // its customers who complain (a conversation of a report, a chaser and a thank-you is one complaint),
    // so a theme whose customers write more messages each does not outrank one with more complaints.
    rows = []
    unit = complaintsByConversation ? 'conversations' : 'messages'
    for (const group of ctx.themeGroups) {
      const members = { ...filters, themeSnapshots: group.snapshots } as AskFilters
      const estimate = !labelled ? undefined : complaintsByConversation ? await estimateConversations(ctx, members, range) : await estimateCount(ctx, members, range)
      const value = estimate ? estimate.value : (await countMessages(ctx.db, ctx.workspaceId, members, range)).messages
      rows.push({ key: group.label, value, ...(estimate ? { estimate } : {}) })
    }
  } else {
    // intent (and theme when the weeks have no themes). "What do customers complain about most" counts
    // the customers who complained about each intent, as the theme ranking does: a wifi case of five
    // messages is one complaint, not five against a billing case of one. "Which complaint reason was
    // most common" counts complaints (messages).
    rows = []
    const byCustomers = complaintsByConversation && plan.countsCustomers === true
    unit = byCustomers ? 'conversations' : 'messages'
    for (const intent of ctx.intents) {
      const subject = { ...filters, intent }
      const estimate = byCustomers ? await estimateConversations(ctx, subject, range) : await estimateCount(ctx, subject, range)
      rows.push({ key: intent, value: estimate.value, estimate })
    }
  }
  const dimension = groupBy === 'theme' && !ctx.themeGroups ? 'intent' : groupBy!
  // A weekday or an hour is compared per day it occurs: November's first 20 days have three Sundays and two Saturdays.
  const slots = (groupBy === 'weekday' || groupBy === 'hour') && ctx.extent ? slotOccurrences(slotSpan(range, ctx.extent, groupBy), groupBy) : undefined
  const perSlot = (r: { key: string; value: number }) => (slots ? r.value / (slots.get(r.key) ?? 1) : r.value)
  const order = plan.ascending ? -1 : 1
  // Zero is a rank too for a slot of time ("the quietest hour" may have none); a channel of none is no channel of the period.
  const kept = (r: { key: string; value: number }) => r.key && (r.value > 0 || slots?.has(r.key))
  // A slot without any message has none of any label: counted, not estimated.
  if (slots) for (const key of slots.keys()) if (!rows.some((r) => r.key === key)) rows.push({ key, value: 0 })
  rows = rows.filter((r) => kept(r) && (!plan.among || plan.among.includes(r.key))).sort((a, b) => order * (perSlot(b) - perSlot(a)) || a.key.localeCompare(b.key))
  return rows.slice(0, plan.top ?? (slots ? slots.size : 10)).map((r) => ({
    kind: 'breakdown' as const,
    label: labelsOf(ctx).ranked({ customers: unit === 'conversations', sentiment: filters.sentiment, dimension, key: r.key, range, ...(slots ? { days: slots.get(r.key) ?? 0 } : {}) }),
    value: r.value,
    unit,
    group: { [dimension]: r.key, ...(slots ? { days: String(slots.get(r.key) ?? 0) } : {}) },
    ...(r.estimate ? { estimate: r.estimate } : { exact: true }),
  }))
}

