// Care performance from message timestamps: first-response time (median, mean and 90th percentile, overall and
// by channel), the share answered within an hour (or the time asked), conversations still awaiting a reply (the last
// message is the customer's) and unanswered complaints. Timings are exact; "complaint" is a label, so
// the unanswered-complaints figure is an estimate.
import { conversationTimings, type ConversationTiming } from '../../store/ask-figures.ts'
import { estimateFromRow, labelsOf, type FigureContext } from './estimates.ts'
import type { FigureLabels } from './labels/types.ts'
import type { AskFigure, AskPlan, TimeRange } from './types.ts'

export const ANSWERED_WITHIN_MINUTES = 60

type FigureDraft = Omit<AskFigure, 'from' | 'to' | 'filters'>

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]!
}

/** The median as people compute it: the middle value, or the mean of the two middle ones. */
export function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const round1 = (x: number) => Math.round(10 * x) / 10

function responseFigures(labels: FigureLabels, timings: ConversationTiming[], range: TimeRange, withinMinutes: number, group?: Record<string, string>): FigureDraft[] {
  const answered = timings.map((t) => t.responseMinutes).filter((m): m is number => m !== null).sort((a, b) => a - b)
  if (answered.length === 0) return []
  const channel = group?.channel
  const within = answered.filter((m) => m <= withinMinutes).length
  return [
    { kind: 'response_time', label: labels.responseTime({ measure: 'median', channel, range, answered: answered.length }), value: round1(median(answered)), unit: 'minutes', exact: true, group: { ...group, measure: 'median' } },
    { kind: 'response_time', label: labels.responseTime({ measure: 'mean', channel, range }), value: round1(answered.reduce((s, m) => s + m, 0) / answered.length), unit: 'minutes', exact: true, group: { ...group, measure: 'mean' } },
    { kind: 'response_time', label: labels.responseTime({ measure: 'p90', channel, range }), value: round1(percentile(answered, 0.9)), unit: 'minutes', exact: true, group: { ...group, measure: 'p90' } },
    {
      kind: 'share', label: labels.answeredWithin({ channel, minutes: withinMinutes, range }), value: round1((100 * within) / timings.length), unit: 'percent', exact: true,
      group: { ...group, measure: 'answered_within', minutes: String(withinMinutes) },
    },
  ]
}

/** Conversations counted per channel, most first. */
function byChannel(timings: ConversationTiming[], label: (channel: string) => string, measure: string): FigureDraft[] {
  const counts = new Map<string, number>()
  for (const t of timings) counts.set(t.channel, (counts.get(t.channel) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])
    .map(([channel, n]) => ({ kind: 'breakdown', label: label(channel), value: n, unit: 'conversations', exact: true, group: { channel, measure } }))
}

export async function careFigures(ctx: FigureContext, plan: AskPlan): Promise<FigureDraft[]> {
  const range = plan.timeRange
  const timings = await conversationTimings(ctx.db, ctx.workspaceId, plan.filters, range, ctx.asOf < range.to ? ctx.asOf : range.to)
  const figures: FigureDraft[] = []
  const labels = labelsOf(ctx)
  const awaiting = timings.filter((t) => t.awaiting)
  const unanswered = timings.filter((t) => t.responseMinutes === null)
  figures.push({ kind: 'count', label: labels.conversationsStarted(range), value: timings.length, unit: 'conversations', exact: true })
  figures.push({ kind: 'awaiting_reply', label: labels.awaitingReply(range), value: awaiting.length, unit: 'conversations', exact: true })
  figures.push(...byChannel(awaiting, labels.awaitingOn, 'awaiting'))
  if (plan.waitingMinutes) {
    const longer = awaiting.filter((t) => (t.waitingMinutes ?? 0) > plan.waitingMinutes!)
    figures.push({
      kind: 'awaiting_reply', label: labels.waitingLonger(plan.waitingMinutes, range), value: longer.length, unit: 'conversations', exact: true,
      group: { measure: 'waiting_longer', minutes: String(plan.waitingMinutes) },
    })
  }
  figures.push({ kind: 'count', label: labels.neverAnswered(range), value: unanswered.length, unit: 'conversations', exact: true, group: { measure: 'unanswered' } })
  // "Which channel has the most unanswered messages?" is answered by these.
  figures.push(...byChannel(unanswered, labels.neverAnsweredOn, 'unanswered'))
  const complaints = estimateFromRow({
    expected: unanswered.reduce((s, t) => s + t.negativeP, 0),
    variance: unanswered.reduce((s, t) => s + t.negativeP * (1 - t.negativeP), 0),
    classified: unanswered.filter((t) => t.negativeP > 0.5).length,
  })
  figures.push({ kind: 'count', label: labels.unansweredComplaints(range), value: complaints.value, unit: 'conversations', estimate: complaints, group: { measure: 'unanswered_complaints' } })
  if (plan.kind === 'response_time') {
    const minutes = plan.withinMinutes ?? ANSWERED_WITHIN_MINUTES
    figures.push(...responseFigures(labels, timings, range, minutes))
    const channels = [...new Set(timings.map((t) => t.channel))].sort()
    for (const channel of channels) figures.push(...responseFigures(labels, timings.filter((t) => t.channel === channel), range, minutes, { channel }))
  }
  return figures
}
