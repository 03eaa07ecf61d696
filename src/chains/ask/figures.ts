// Figures are the only numbers an answer may state: counts, shares, change against the previous
// period, breakdowns and weekly series, all computed by SQL over stored enrichments.
import type { Queryable } from '../../store/db.ts'
import { breakdown, countMessages, themeWeeklyVolumes, weeklySeries } from '../../store/ask.ts'
import { isoWeekOf } from '../themes/week.ts'
import type { AskFigure, AskFilters, AskPlan, TimeRange } from './types.ts'

export const BREAKDOWN_TOP = 8
const DAY_MS = 86_400_000

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })

/** Rounded the way the answer writes it, so "numbers in the answer appear in the figures" can be checked. */
export const roundShare = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0)

/** "negative customer messages about delivery on x in French (airline United)". */
export function describeFilters(filters: AskFilters, opts: { noun?: string } = {}): string {
  const parts = [filters.sentiment, `customer ${opts.noun ?? 'messages'}`]
  if (filters.intent) parts.push(`about ${filters.intent.replace(/_/g, ' ')}`)
  if (filters.channel) parts.push(`on ${filters.channel}`)
  if (filters.language) parts.push(`in ${LANGUAGE_NAMES.of(filters.language) ?? filters.language}`)
  const segment = Object.entries(filters.segment ?? {}).map(([k, v]) => `${k} ${v}`)
  if (segment.length) parts.push(`(${segment.join(', ')})`)
  if (filters.mentions) parts.push(`mentioning ${filters.mentions.split(' or ').map((w) => `"${w}"`).join(' or ')}`)
  return parts.filter(Boolean).join(' ')
}

function publicFilters(filters: AskFilters): Record<string, unknown> {
  const { customerRole: _role, theme: _theme, ...rest } = filters
  return rest
}

function isoWeeks(range: TimeRange): string[] {
  const weeks = new Set<string>()
  const end = Math.min(Date.parse(range.to), Date.now() + 7 * DAY_MS)
  for (let t = Math.max(Date.parse(range.from), end - 400 * DAY_MS); t < end; t += DAY_MS) weeks.add(isoWeekOf(new Date(t)))
  return [...weeks]
}

export async function computeFigures(db: Queryable, workspaceId: string, plan: AskPlan): Promise<AskFigure[]> {
  const { filters, timeRange: range, previousRange: previous } = plan
  const figures: AskFigure[] = []
  const fig = (f: Omit<AskFigure, 'from' | 'to' | 'filters'> & { range?: TimeRange; filters?: AskFilters }) => {
    const { range: r = range, filters: fl = filters, ...rest } = f
    figures.push({ ...rest, from: r.from, to: r.to, filters: publicFilters(fl) })
  }

  const current = await countMessages(db, workspaceId, filters, range)
  fig({ kind: 'count', label: `${describeFilters(filters)}, ${range.label}`, value: current.messages, unit: 'messages' })
  fig({ kind: 'count', label: `conversations with such messages, ${range.label}`, value: current.conversations, unit: 'conversations' })

  if (previous) {
    const before = await countMessages(db, workspaceId, filters, previous)
    fig({ kind: 'previous_count', label: `${describeFilters(filters)}, ${previous.label}`, value: before.messages, unit: 'messages', range: previous })
    if (before.messages > 0) {
      fig({ kind: 'change', label: `change against ${previous.label}`, value: roundShare(current.messages - before.messages, before.messages), unit: 'percent' })
    }
  }

  // The share answers "what share of complaints were about X": the base drops the most specific filter.
  const base: AskFilters | undefined = filters.intent
    ? { ...filters, intent: undefined }
    : filters.sentiment
      ? { ...filters, sentiment: undefined }
      : filters.channel || filters.language || filters.segment || filters.mentions
        ? { customerRole: 'customer' }
        : undefined
  if (base) {
    const whole = await countMessages(db, workspaceId, base, range)
    fig({ kind: 'count', label: `all ${describeFilters(base)}, ${range.label}`, value: whole.messages, unit: 'messages', filters: base })
    if (whole.messages > 0) {
      fig({ kind: 'share', label: `${describeFilters(filters)} as a share of all ${describeFilters(base)}`, value: roundShare(current.messages, whole.messages), unit: 'percent' })
    }
  }

  if (!filters.intent && current.messages > 0) {
    const now = await breakdown(db, workspaceId, filters, range, 'intent')
    const then = previous ? new Map((await breakdown(db, workspaceId, filters, previous, 'intent')).map((r) => [r.key, r.n])) : undefined
    // For comparisons every intent that moved matters, not only the largest ones now.
    const keys = plan.kind === 'compare' && then ? [...new Set([...now.map((r) => r.key), ...then.keys()])] : now.slice(0, BREAKDOWN_TOP).map((r) => r.key)
    const counts = new Map(now.map((r) => [r.key, r.n]))
    for (const key of keys) {
      fig({
        kind: 'breakdown',
        label: `${describeFilters({ ...filters, intent: key })}, ${range.label}`,
        value: counts.get(key) ?? 0,
        unit: 'messages',
        group: { intent: key },
        ...(then ? { previousValue: then.get(key) ?? 0 } : {}),
      })
    }
  }

  if (!filters.sentiment && current.messages > 0) {
    const mix = await breakdown(db, workspaceId, filters, range, 'sentiment')
    const total = mix.reduce((s, r) => s + r.n, 0)
    const before = previous ? await breakdown(db, workspaceId, filters, previous, 'sentiment') : []
    const beforeTotal = before.reduce((s, r) => s + r.n, 0)
    for (const r of mix) {
      const prev = before.find((b) => b.key === r.key)
      fig({
        kind: 'sentiment_mix',
        label: `share of ${describeFilters(filters)} that are ${r.key}`,
        value: roundShare(r.n, total),
        unit: 'percent',
        group: { sentiment: r.key },
        ...(beforeTotal > 0 ? { previousValue: roundShare(prev?.n ?? 0, beforeTotal) } : {}),
      })
    }
  }

  if (plan.kind === 'trend' && current.messages > 0) {
    for (const w of await weeklySeries(db, workspaceId, filters, range)) {
      const week = { from: w.from, to: new Date(Date.parse(w.from) + 7 * DAY_MS).toISOString(), label: w.week }
      fig({ kind: 'series', label: `${describeFilters(filters)}, week ${w.week}`, value: w.n, unit: 'messages', group: { week: w.week, measure: 'volume' }, range: week })
      fig({ kind: 'series', label: `negative share, week ${w.week}`, value: roundShare(w.negative, w.n), unit: 'percent', group: { week: w.week, measure: 'negative_share' }, range: week })
    }
  }

  if (filters.theme) {
    for (const t of await themeWeeklyVolumes(db, workspaceId, filters.theme, isoWeeks(range))) {
      fig({ kind: 'theme_volume', label: `messages in theme "${filters.theme}", week ${t.week}`, value: t.volume, unit: 'messages', group: { theme: filters.theme, week: t.week } })
    }
  }
  return figures
}
