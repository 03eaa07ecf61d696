// Figures that depend on classifier labels are estimates. Each message contributes its probability of
// carrying the label (the stored confidence for the chosen label, the rest spread over the other
// classes, 1 or 0 when a person corrected it); the interval is the 95% normal interval of that sum,
// widened to include the classify-and-count figure, whose distance from the sum is a measure of how
// far off the calibration may be. Metadata-only figures (channel, dates, language) are counted exactly.
import type { Queryable } from '../../store/db.ts'
import { labelEstimates, metadataCounts, type LabelClasses, type LabelEstimateRow } from '../../store/ask-figures.ts'
import { SENTIMENTS, type AskFigure, type AskFilters, type AskPlan, type FigureEstimate, type TimeRange } from './types.ts'

const Z95 = 1.96
export const ESTIMATE_METHOD =
  'sum of per-message label probabilities (stored confidence for the chosen label, the rest spread over the others; human corrections count as certain); ' +
  'interval: from trusting only the confident part of each label to giving the target all of each label\'s doubt, and at least the 95% interval of the sum'

export interface FigureContext {
  db: Queryable
  workspaceId: string
  classes: LabelClasses
  intents: string[]
  asOf: string
}

export const labelClassesOf = (intents: string[]): LabelClasses => ({ sentiment: SENTIMENTS.length, intent: Math.max(2, intents.length) })

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

const targetOf = (filters: AskFilters) => ({ sentiment: filters.sentiment, intent: filters.intent })

export async function estimateCount(ctx: FigureContext, filters: AskFilters, range: TimeRange): Promise<FigureEstimate> {
  const [row] = await labelEstimates(ctx.db, ctx.workspaceId, filters, range, targetOf(filters), ctx.classes)
  return estimateFromRow(row ?? { expected: 0, variance: 0, classified: 0 })
}

type FigureDraft = Omit<AskFigure, 'from' | 'to' | 'filters'>

/** "Which channel / intent / language / sentiment has the most …": one breakdown row per group, largest first. */
export async function rankFigures(ctx: FigureContext, plan: AskPlan): Promise<FigureDraft[]> {
  const { filters, timeRange: range, groupBy } = plan
  const labelled = !!(filters.sentiment || filters.intent)
  const what = 'customer messages'
  let rows: Array<{ key: string; value: number; estimate?: FigureEstimate }>
  if (groupBy === 'channel' || groupBy === 'language') {
    rows = labelled
      ? (await labelEstimates(ctx.db, ctx.workspaceId, filters, range, targetOf(filters), ctx.classes, groupBy)).map((r) => {
          const estimate = estimateFromRow(r)
          return { key: r.key, value: estimate.value, estimate }
        })
      : (await metadataCounts(ctx.db, ctx.workspaceId, filters, range, groupBy)).map((r) => ({ key: r.key, value: r.n }))
  } else if (groupBy === 'sentiment') {
    rows = []
    for (const sentiment of SENTIMENTS) {
      const [r] = await labelEstimates(ctx.db, ctx.workspaceId, filters, range, { sentiment, intent: filters.intent }, ctx.classes)
      const estimate = estimateFromRow(r ?? { expected: 0, variance: 0, classified: 0 })
      rows.push({ key: sentiment, value: estimate.value, estimate })
    }
  } else {
    // intent (and theme, ranked by the intents under it until themes carry message membership)
    rows = []
    for (const intent of ctx.intents) {
      const [r] = await labelEstimates(ctx.db, ctx.workspaceId, filters, range, { sentiment: filters.sentiment, intent }, ctx.classes)
      const estimate = estimateFromRow(r ?? { expected: 0, variance: 0, classified: 0 })
      rows.push({ key: intent, value: estimate.value, estimate })
    }
  }
  const dimension = groupBy === 'theme' ? 'intent' : groupBy!
  rows = rows.filter((r) => r.key && r.value > 0).sort((a, b) => b.value - a.value || a.key.localeCompare(b.key))
  return rows.slice(0, plan.top ?? 10).map((r) => ({
    kind: 'breakdown' as const,
    label: `${filters.sentiment ? `${filters.sentiment} ` : ''}${what} by ${dimension}: ${r.key.replace(/_/g, ' ')}, ${range.label}`,
    value: r.value,
    unit: 'messages' as const,
    group: { [dimension]: r.key },
    ...(r.estimate ? { estimate: r.estimate } : { exact: true }),
  }))
}
