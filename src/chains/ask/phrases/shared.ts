// What every language's phrases need alike: the period a plan's English label names, dates, numbers and
// the names Intl knows (languages, weekdays) in the language asked in.
import type { TimeRange } from '../types.ts'

export type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'hour'

/** The period a range's English label names (time.ts, planner-local.ts, index.ts write them). */
export type PeriodName =
  | { kind: 'all' }
  | { kind: 'today' }
  | { kind: 'yesterday' }
  | { kind: 'this'; unit: Unit }
  | { kind: 'last'; unit: Unit }
  | { kind: 'past'; n: number; unit: Unit }
  | { kind: 'previous' }
  /** The same part of the period before one under way: "the same days last week (…)", "the same hours yesterday (…)". */
  | { kind: 'sameBefore'; unit: 'day' | 'week' | 'month' | 'quarter' | 'year' }
  | { kind: 'since' }
  | { kind: 'isoWeek'; year: number; week: number }
  | { kind: 'lastWithData' }
  /** A range named by its dates alone. */
  | { kind: 'dates' }

const UNIT = '(day|week|month|quarter|year|hour)'

export function periodName(label: string): PeriodName {
  if (label === 'all time') return { kind: 'all' }
  if (label === 'today') return { kind: 'today' }
  if (/^yesterday\b/.test(label)) return { kind: 'yesterday' }
  let m = new RegExp(`^this ${UNIT}\\b`).exec(label)
  if (m) return { kind: 'this', unit: m[1] as Unit }
  m = new RegExp(`^last ${UNIT}\\b`).exec(label)
  if (m) return { kind: 'last', unit: m[1] as Unit }
  m = new RegExp(`^past (\\d+) ${UNIT}s?$`).exec(label)
  if (m) return { kind: 'past', n: Number(m[1]), unit: m[2] as Unit }
  if (/^previous period\b/.test(label)) return { kind: 'previous' }
  if (/^the same hours yesterday\b/.test(label)) return { kind: 'sameBefore', unit: 'day' }
  m = /^the same days last (week|month|quarter|year)\b/.exec(label)
  if (m) return { kind: 'sameBefore', unit: m[1] as 'week' | 'month' | 'quarter' | 'year' }
  if (/^since\b/.test(label)) return { kind: 'since' }
  m = /^(\d{4})-W(\d{2})\b/.exec(label)
  if (m) return { kind: 'isoWeek', year: Number(m[1]), week: Number(m[2]) }
  if (/^the last week with data\b/.test(label)) return { kind: 'lastWithData' }
  return { kind: 'dates' }
}

/** "1–10 nov. 2026" in the locale: the range's first and last day (its end is exclusive). */
export function dateSpan(range: Pick<TimeRange, 'from' | 'to'>, locale: string): string {
  const from = new Date(range.from)
  const last = new Date(Math.max(from.getTime(), Date.parse(range.to) - 1))
  const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  return fmt.formatRange(from, last)
}

/** A day in the locale: "19 nov. 2026". */
export function dayIn(iso: string, locale: string, weekday = false): string {
  return new Date(iso).toLocaleDateString(locale, { ...(weekday ? { weekday: 'short' } : {}), day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
}

/** ["a", "b", "c"] → "a, b and c" ("y"/"e" in Spanish as the next word asks), or "a, b or c", as the locale joins them. */
export function listIn(locale: string, type: 'conjunction' | 'disjunction' = 'conjunction'): (items: string[]) => string {
  const fmt = new Intl.ListFormat(locale, { type })
  return (items) => fmt.format(items)
}

/** Numbers as the locale writes them, without grouping (a count reads as the figure it is). */
export function numberIn(locale: string): (n: number) => string {
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false })
  return (n) => fmt.format(n)
}

/** "Deutsch" for "de" in German; the code when Intl knows no name. */
export function languageIn(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** ISO weekday 1 (Monday) … 7 in the locale: "lundi". */
export function weekdayIn(locale: string, isoDay: number): string {
  // 2024-01-01 was a Monday.
  return new Date(Date.UTC(2024, 0, isoDay)).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' })
}

/** A ranked group's key as the locale says it: languages, days, weekdays and hours; other keys as they are. */
export function groupNameIn(locale: string, dimension: string, key: string, intentName: (intent: string) => string): string {
  if (dimension === 'language') return languageIn(locale, key)
  if (dimension === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(key)) return dayIn(`${key}T00:00:00Z`, locale, true)
  if (dimension === 'weekday' && /^[1-7]$/.test(key)) return weekdayIn(locale, Number(key))
  if (dimension === 'hour' && /^\d{2}$/.test(key)) return `${key}:00–${String((Number(key) + 1) % 24).padStart(2, '0')}:00 UTC`
  if (dimension === 'intent') return intentName(key)
  return key.replace(/_/g, ' ')
}

/** The measures the planner says no figure computes (planner-local.ts NOT_COMPUTED), by their English words. */
export const NOT_COMPUTED_MEASURES = {
  bySlot: 'a count restricted to days of the week or hours of the day',
  averages: 'averages per conversation or customer',
  closed: 'a count of conversations closed or problems solved',
  newCustomers: 'a count of new or returning customers',
  themeRate: "a share of each weekly theme's messages",
  byCustomer: 'a ranking of individual customers',
  agentWork: 'a count of what agents did or promised',
  byAgent: 'a breakdown by agent',
  surveyScore: 'a satisfaction score such as CSAT or NPS',
} as const

export type NotComputedKey = keyof typeof NOT_COMPUTED_MEASURES

/** Which of NOT_COMPUTED_MEASURES the planner's English description is, if any. */
export function notComputedKey(measure: string): NotComputedKey | undefined {
  return (Object.keys(NOT_COMPUTED_MEASURES) as NotComputedKey[]).find((k) => measure.startsWith(NOT_COMPUTED_MEASURES[k]))
}

/** A measure in a language's words, with its reason when the planner gave one ("(nothing marks a first contact)"). */
export type MeasureNames = Record<NotComputedKey, { words: string; reason?: string }>

/** The planner's English measure said with a language's names; one the language does not know stays English, in its quotes. */
export function measureIn(measure: string, names: MeasureNames, quote: (s: string) => string): string {
  const key = notComputedKey(measure)
  if (!key) return quote(measure)
  const { words, reason } = names[key]
  return reason && measure.length > NOT_COMPUTED_MEASURES[key].length ? `${words} (${reason})` : words
}
