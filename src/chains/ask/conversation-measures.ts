// Measures of conversations rather than of messages, exact from metadata: how many messages a
// conversation takes, and how many customers wrote in more than one conversation. "What is the average
// number of messages per conversation?" and "How many customers contacted us more than once?" were
// answered "no figure here computes this", then the period's message count.
import { conversationMeasures } from '../../store/ask-figures.ts'
import { labelsOf, roundShare, type FigureContext } from './estimates.ts'
import type { ResolvedFilters } from './theme-filter.ts'
import type { AskFigure, AskFilters, AskPlan } from './types.ts'

type FigureDraft = Omit<AskFigure, 'from' | 'to' | 'filters'> & { filters?: AskFilters }

const round1 = (x: number) => Math.round(10 * x) / 10

/**
 * The measure over the conversations whose customer messages match the plan's exact filters (channel,
 * language, segment, words). A label or theme named with it does not narrow it: which conversation is
 * about billing is the classifier's guess, and a mean over guessed conversations would be stated as exact.
 */
export function measureFilters(filters: ResolvedFilters): AskFilters {
  const { theme: _theme, themeSnapshots: _snapshots, themeMentions: _words, intent: _intent, sentiment, ...rest } = filters
  // `uncertain` is what the classifier said, not a guess of it: a filter on it selects exactly.
  return { ...rest, ...(sentiment === 'uncertain' ? { sentiment } : {}) }
}

/** True when the plan names a label or theme its measure was not narrowed by. */
export const notNarrowed = (filters: AskFilters) => Boolean(filters.theme || filters.intent || (filters.sentiment && filters.sentiment !== 'uncertain'))

export async function measureFigures(ctx: FigureContext, plan: AskPlan): Promise<FigureDraft[]> {
  const range = plan.timeRange
  const filters = measureFilters(plan.filters)
  const m = await conversationMeasures(ctx.db, ctx.workspaceId, filters, range)
  const common = { exact: true as const, filters }
  const labels = labelsOf(ctx)
  const figures: FigureDraft[] = [
    { kind: 'count', label: labels.withCustomerMessages(range), value: m.conversations, unit: 'conversations', ...common },
  ]
  if (m.conversations === 0) return figures
  if (plan.measure === 'messages_per_conversation') {
    figures.push(
      { kind: 'count', label: labels.messagesInThem(range), value: m.messages, unit: 'messages', ...common },
      { kind: 'average', label: labels.messagesPerConversation('mean', range), value: round1(m.meanMessages), unit: 'messages', group: { measure: 'mean_messages' }, ...common },
      { kind: 'average', label: labels.messagesPerConversation('median', range), value: round1(m.medianMessages), unit: 'messages', group: { measure: 'median_messages' }, ...common },
    )
  } else {
    figures.push(
      { kind: 'count', label: labels.customers(range), value: m.customers, unit: 'customers', group: { measure: 'customers' }, ...common },
      { kind: 'count', label: labels.repeatCustomers(range), value: m.repeatCustomers, unit: 'customers', group: { measure: 'repeat_customers' }, ...common },
    )
    if (m.customers > 0) {
      figures.push({ kind: 'share', label: labels.repeatShare(range), value: roundShare(m.repeatCustomers, m.customers), unit: 'percent', group: { measure: 'repeat_share' }, ...common })
    }
    if (m.withoutHandle > 0) {
      figures.push({ kind: 'count', label: labels.withoutHandle(range), value: m.withoutHandle, unit: 'conversations', group: { measure: 'without_handle' }, ...common })
    }
  }
  return figures
}
