// Questions with known answers, generated from any airline-shaped dataset ({id, text, label,
// negative_reason, airline, created_at}): counts of negative tweets per airline and date range, the
// share of a complaint reason, which reason grew most between two periods, and examples of a reason.
// Gold answers come from the dataset's own labels, never from Parley's classifier.
import type { AirlineRow } from './datasets.ts'

export type AskQuestionKind = 'count' | 'share' | 'grew_most' | 'group_by' | 'examples'

export interface ExpectedPlan {
  kind: 'count' | 'compare' | 'examples' | 'rank'
  timeRange?: { from: string; to: string }
  previousRange?: { from: string; to: string }
  filters: { sentiment?: string; intent?: string; channel?: string; segment?: Record<string, string> }
}

export interface AskQuestion {
  id: string
  type: AskQuestionKind
  question: string
  now: string
  expected: ExpectedPlan
  /** count: messages; share: percent with one decimal; grew_most and group_by: the intent name. */
  answer?: number | string
  /** examples: the gold reason and airline a cited message must have. */
  reason?: string
  airline: string
}

export interface GeneratorOptions {
  /** Dataset reason → workspace intent name (the taxonomy the suite installed). */
  intentOf: (reason: string) => string
  /** Questions per type and airline. */
  perAirline?: number
  /** Airlines to ask about (the largest first). */
  airlines?: number
}

const DAY_MS = 86_400_000
/** Reasons that say "no reason": not something a leader asks about. */
const NON_REASON = /^(can'?t tell|unknown|none|n\/a|other)$/i
const MIN_TWEETS_PER_DAY = 20
const WINDOW_DAYS = 3

const dayOf = (createdAt: string) => new Date(Date.parse(createdAt)).toISOString().slice(0, 10)
const longDate = (day: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
const range = (first: string, last: string) => ({ from: `${first}T00:00:00.000Z`, to: `${addDays(last, 1)}T00:00:00.000Z` })

/** "17–19 February 2015" when both days share month and year, else "17 February 2015 – 2 March 2015". */
function spanText(first: string, last: string): string {
  if (first.slice(0, 7) === last.slice(0, 7)) return `${Number(first.slice(8))}–${longDate(last)}`
  return `${longDate(first)} – ${longDate(last)}`
}

export const roundShare = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0)

export function isReason(reason: string | null): reason is string {
  return !!reason && !NON_REASON.test(reason.trim())
}

export function generateAskQuestions(rows: readonly AirlineRow[], opts: GeneratorOptions): AskQuestion[] {
  const perAirline = opts.perAirline ?? 2
  const valid = rows.filter((r) => Number.isFinite(Date.parse(r.created_at)))
  const byDay = new Map<string, number>()
  for (const r of valid) byDay.set(dayOf(r.created_at), (byDay.get(dayOf(r.created_at)) ?? 0) + 1)
  const days = [...byDay].filter(([, n]) => n >= MIN_TWEETS_PER_DAY).map(([d]) => d).sort()
  if (days.length < WINDOW_DAYS) return []
  const lastDay = [...byDay.keys()].sort().at(-1)!
  const now = `${addDays(lastDay, 1)}T12:00:00.000Z`
  const airlineCounts = new Map<string, number>()
  for (const r of valid) airlineCounts.set(r.airline, (airlineCounts.get(r.airline) ?? 0) + 1)
  const airlines = [...airlineCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, opts.airlines ?? 6).map(([a]) => a)
  const inWindow = (r: AirlineRow, first: string, last: string) => dayOf(r.created_at) >= first && dayOf(r.created_at) <= last
  const negative = (r: AirlineRow) => r.label === 'negative'
  const phrase = (reason: string) => opts.intentOf(reason).replace(/_/g, ' ')
  const questions: AskQuestion[] = []

  airlines.forEach((airline, a) => {
    const mine = valid.filter((r) => r.airline === airline)
    const segment = { airline }
    for (let k = 0; k < perAirline; k++) {
      // Windows spread over the data, different for each airline and question.
      const start = (a * perAirline + k) % (days.length - WINDOW_DAYS + 1)
      const first = days[start]!
      const last = days[start + WINDOW_DAYS - 1]!
      const window = mine.filter((r) => inWindow(r, first, last))
      const id = `${airline}:${k}`

      questions.push({
        id: `count:${id}`,
        type: 'count',
        airline,
        question: `How many negative tweets about ${airline} were there between ${longDate(first)} and ${longDate(last)}?`,
        now,
        expected: { kind: 'count', timeRange: range(first, last), filters: { sentiment: 'negative', channel: 'x', segment } },
        answer: window.filter(negative).length,
      })

      const complaints = window.filter((r) => negative(r) && isReason(r.negative_reason))
      const reasonCounts = countBy(complaints.map((r) => r.negative_reason!))
      const reason = reasonCounts[k % Math.max(1, reasonCounts.length)]?.[0]
      if (reason) {
        questions.push({
          id: `share:${id}`,
          type: 'share',
          airline,
          question: `What share of complaints to ${airline} between ${longDate(first)} and ${longDate(last)} were about ${phrase(reason)}?`,
          now,
          expected: { kind: 'count', timeRange: range(first, last), filters: { sentiment: 'negative', intent: opts.intentOf(reason), segment } },
          answer: roundShare(window.filter((r) => negative(r) && r.negative_reason === reason).length, window.filter(negative).length),
        })
      }

      // Two back-to-back windows: which reason's count grew most from the first to the second.
      const prevStart = (start + k) % Math.max(1, days.length - 2 * WINDOW_DAYS + 1)
      const pFirst = days[prevStart]
      const pLast = days[prevStart + WINDOW_DAYS - 1]
      const cFirst = days[prevStart + WINDOW_DAYS]
      const cLast = days[prevStart + 2 * WINDOW_DAYS - 1]
      if (pFirst && pLast && cFirst && cLast) {
        const before = new Map(countBy(mine.filter((r) => negative(r) && isReason(r.negative_reason) && inWindow(r, pFirst, pLast)).map((r) => r.negative_reason!)))
        const after = new Map(countBy(mine.filter((r) => negative(r) && isReason(r.negative_reason) && inWindow(r, cFirst, cLast)).map((r) => r.negative_reason!)))
        const deltas = [...new Set([...before.keys(), ...after.keys()])].map((r) => [r, (after.get(r) ?? 0) - (before.get(r) ?? 0)] as const).sort((x, y) => y[1] - x[1])
        // A tie at the top has no single right answer: no question.
        if (deltas[0] && deltas[0][1] > 0 && deltas[0][1] !== deltas[1]?.[1]) {
          questions.push({
            id: `grew:${id}`,
            type: 'grew_most',
            airline,
            question: `Which complaint reason about ${airline} grew most from ${spanText(pFirst, pLast)} to ${spanText(cFirst, cLast)}?`,
            now,
            expected: { kind: 'compare', timeRange: range(cFirst, cLast), previousRange: range(pFirst, pLast), filters: { sentiment: 'negative', segment } },
            answer: opts.intentOf(deltas[0][0]),
          })
        }
      }

      // Group-by: the most common complaint reason in the window, when it is not tied.
      if (reasonCounts[0] && reasonCounts[0][1] !== reasonCounts[1]?.[1]) {
        questions.push({
          id: `group:${id}`,
          type: 'group_by',
          airline,
          question: `Which complaint reason was most common for ${airline} between ${longDate(first)} and ${longDate(last)}?`,
          now,
          expected: { kind: 'rank', timeRange: range(first, last), filters: { sentiment: 'negative', segment } },
          answer: opts.intentOf(reasonCounts[0][0]),
        })
      }

      const allReasons = countBy(mine.filter((r) => negative(r) && isReason(r.negative_reason)).map((r) => r.negative_reason!))
      const exampleReason = allReasons[(k + 1) % Math.max(1, allReasons.length)]?.[0]
      if (exampleReason) {
        questions.push({
          id: `examples:${id}`,
          type: 'examples',
          airline,
          question: `Show examples of ${phrase(exampleReason).replace(/\s+complaints?$/i, '')} complaints about ${airline}`,
          now,
          expected: { kind: 'examples', filters: { sentiment: 'negative', intent: opts.intentOf(exampleReason), segment } },
          reason: exampleReason,
        })
      }
    }
  })
  return questions
}

function countBy(values: string[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}
