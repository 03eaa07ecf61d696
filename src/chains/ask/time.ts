// Time expressions of a question → half-open UTC ranges. Relative periods people use in reports
// ("last month", "this week", "in the past two weeks") follow calendar rules written here because
// chrono reads them as single instants; absolute dates and ranges ("between 1 and 15 October",
// "17–19 February 2015", "since October") come from chrono-node.
import * as chrono from 'chrono-node'
import type { TimeRange } from './types.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year'

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  couple: 2, few: 3,
}

export interface ResolvedTime {
  ranges: TimeRange[]
  /** The text spans that expressed time, so the planner can drop them from the retrieval topic. */
  spans: string[]
  /** "since X": the range runs to now. */
  since: boolean
}

const fmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export function rangeLabel(from: Date, to: Date): string {
  const last = new Date(to.getTime() - 1)
  const a = fmt.format(from)
  const b = fmt.format(last)
  return a === b ? a : `${a} – ${b}`
}

/**
 * How long a range is against the one it is compared with, when they differ by more than
 * SAME_LENGTH_TOLERANCE (else 1): "November" asked on the 20th is 20 days, and against October's 31 its
 * complaints were "down 68%" by length alone. Calendar months (28–31 days) count as the same length.
 */
const SAME_LENGTH_TOLERANCE = 0.15
export function lengthRatio(range: TimeRange, previous: TimeRange): number {
  const ratio = (Date.parse(range.to) - Date.parse(range.from)) / (Date.parse(previous.to) - Date.parse(previous.from))
  return Number.isFinite(ratio) && ratio > 0 && Math.abs(ratio - 1) > SAME_LENGTH_TOLERANCE ? ratio : 1
}

/** A range's length in days, to one decimal: "19.5". */
export function daysIn(range: { from: string; to: string }): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 8_640_000) / 10
}

/** A recurring slot of time a ranking compares: the day of the week (ISO, "1" is Monday) or the hour of the day ("00"–"23"), UTC. */
export type TimeSlot = 'weekday' | 'hour'

/**
 * How many times each weekday or hour occurs in [from, to), a slot the range only cuts into counting
 * once: 1–20 Nov 2026 has three Sundays and two Saturdays, so their totals are compared per day.
 */
export function slotOccurrences(range: { from: string; to: string }, slot: TimeSlot): Map<string, number> {
  const step = slot === 'hour' ? HOUR_MS : DAY_MS
  const to = Date.parse(range.to)
  const counts = new Map<string, number>()
  for (let t = Math.floor(Date.parse(range.from) / step) * step; t < to; t += step) {
    const d = new Date(t)
    const key = slot === 'hour' ? String(d.getUTCHours()).padStart(2, '0') : String(((d.getUTCDay() + 6) % 7) + 1)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/**
 * The part of `range` that data from `extent.first` to `extent.last` covers, in whole days or hours of
 * `slot`: "all time" is not counted from 1970, nor a month from days before the first message.
 */
export function slotSpan<T extends { from: string; to: string }>(range: T, extent: { first: string; last: string }, slot: TimeSlot): T {
  const step = slot === 'hour' ? HOUR_MS : DAY_MS
  const first = Math.floor(Date.parse(extent.first) / step) * step
  const last = Math.floor(Date.parse(extent.last) / step) * step + step
  const from = Math.max(Date.parse(range.from), first)
  const to = Math.max(from, Math.min(Date.parse(range.to), last))
  return { ...range, from: new Date(from).toISOString(), to: new Date(to).toISOString() }
}

export function makeRange(from: Date, to: Date, label?: string): TimeRange {
  return { from: from.toISOString(), to: to.toISOString(), label: label ?? rangeLabel(from, to) }
}

export function startOf(unit: Unit, d: Date): Date {
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, d.getUTCDate()))
    case 'week': {
      const day = startOf('day', d)
      return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS) // ISO weeks start on Monday
    }
    case 'month':
      return new Date(Date.UTC(y, m, 1))
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1))
    case 'year':
      return new Date(Date.UTC(y, 0, 1))
  }
}

export function add(unit: Unit, d: Date, n: number): Date {
  switch (unit) {
    case 'day':
      return new Date(d.getTime() + n * DAY_MS)
    case 'week':
      return new Date(d.getTime() + 7 * n * DAY_MS)
    case 'month':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()))
    case 'quarter':
      return add('month', d, 3 * n)
    case 'year':
      return add('month', d, 12 * n)
  }
}

/** The period of the same length that ends where `range` starts: what "change" is measured against. */
export function previousOf(range: TimeRange): TimeRange {
  const from = new Date(range.from)
  const to = new Date(range.to)
  if (range.underway) return sameSpanBefore(range.underway, from, to)
  // A calendar month is compared with the month before, whatever their lengths.
  const wholeMonth = from.getTime() === startOf('month', from).getTime() && to.getTime() === add('month', from, 1).getTime()
  const prevFrom = wholeMonth ? add('month', from, -1) : new Date(from.getTime() - (to.getTime() - from.getTime()))
  return makeRange(prevFrom, from, `previous period (${rangeLabel(prevFrom, from)})`)
}

/**
 * A period under way against the same part of the one before: "this week" asked on a Tuesday morning is
 * Monday to Tuesday morning of last week, not the weekend before it (two days against two other days
 * said complaints were "up 323%"); "today" at 9:00 is yesterday until 9:00. A month longer than the one
 * before ends with it ("this month" on 31 March is 1–28 February).
 */
function sameSpanBefore(unit: Unit, from: Date, to: Date): TimeRange {
  const prevFrom = add(unit, from, -1)
  const prevTo = new Date(Math.min(add(unit, to, -1).getTime(), from.getTime()))
  const name = unit === 'day' ? 'the same hours yesterday' : `the same days last ${unit}`
  return makeRange(prevFrom, prevTo, `${name} (${rangeLabel(prevFrom, prevTo)})`)
}

/**
 * The period after `range`, as long (a calendar month after a month), up to `now`: what "than last week"
 * is compared from ("Are customers angrier than last week?" is this week against last week).
 */
export function nextOf(range: TimeRange, now: Date): TimeRange {
  const from = new Date(range.from)
  const to = new Date(range.to)
  const wholeMonth = from.getTime() === startOf('month', from).getTime() && to.getTime() === add('month', from, 1).getTime()
  const end = wholeMonth ? add('month', to, 1) : new Date(to.getTime() + (to.getTime() - from.getTime()))
  return makeRange(to, end < now ? end : now)
}

const UNIT = '(day|week|fortnight|month|quarter|year)s?'
const COUNT = '(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few)'
const RELATIVE_RULES: Array<{ re: RegExp; resolve: (m: RegExpExecArray, now: Date) => TimeRange }> = [
  {
    // "in the past two weeks", "over the last 30 days": a rolling window ending now.
    re: new RegExp(`\\b(?:past|last|previous|recent)\\s+${COUNT}\\s+${UNIT}\\b`, 'i'),
    resolve: (m, now) => {
      const n = countOf(m[1]!)
      const { unit, factor } = unitOf(m[2]!)
      const from = add(unit, now, -n * factor)
      return makeRange(from, now, `past ${n * factor} ${unit}${n * factor === 1 ? '' : 's'}`)
    },
  },
  {
    re: new RegExp(`\\b(?:last|previous|past)\\s+${UNIT}\\b`, 'i'),
    resolve: (m, now) => {
      const { unit, factor } = unitOf(m[1]!)
      if (factor > 1) return makeRange(add(unit, now, -factor), now, `past ${factor} ${unit}s`)
      const to = startOf(unit, now)
      return makeRange(add(unit, to, -1), to, `last ${unit} (${rangeLabel(add(unit, to, -1), to)})`)
    },
  },
  {
    re: new RegExp(`\\b(?:this|current)\\s+${UNIT}\\b`, 'i'),
    resolve: (m, now) => {
      const { unit } = unitOf(m[1]!)
      const from = startOf(unit, now)
      return { ...makeRange(from, now, `this ${unit} (${rangeLabel(from, add('day', startOf('day', now), 1))})`), underway: unit }
    },
  },
  { re: /\btoday\b/i, resolve: (_m, now) => ({ ...makeRange(startOf('day', now), now, 'today'), underway: 'day' }) },
  {
    re: /\byesterday\b/i,
    resolve: (_m, now) => {
      const to = startOf('day', now)
      return makeRange(add('day', to, -1), to, `yesterday (${rangeLabel(add('day', to, -1), to)})`)
    },
  },
]

function countOf(word: string): number {
  const w = word.toLowerCase().replace(/\s+of$/, '')
  return NUMBER_WORDS[w] ?? Number.parseInt(w, 10)
}

function unitOf(word: string): { unit: Unit; factor: number } {
  const w = word.toLowerCase().replace(/s$/, '')
  return w === 'fortnight' ? { unit: 'week', factor: 2 } : { unit: w as Unit, factor: 1 }
}

/** The finest unit the parsed component pins down: "17 Feb" is a day, "October" a month, "2025" a year. */
function granularity(c: chrono.ParsedComponents): Unit {
  if (c.isCertain('day')) return 'day'
  if (c.isCertain('month')) return 'month'
  if (c.isCertain('year')) return 'year'
  return 'day'
}

function asUtc(c: chrono.ParsedComponents): Date {
  return new Date(Date.UTC(c.get('year') ?? 1970, (c.get('month') ?? 1) - 1, c.get('day') ?? 1))
}

/**
 * Every time expression of `text`, in order, as ranges against `now` (UTC). "between 1 and 15 October"
 * (a bare day before "and") borrows the month and year of its end.
 */
export function resolveTimeExpressions(input: string, now: Date): ResolvedTime {
  const spans: string[] = []
  const ranges: TimeRange[] = []
  const text = englishTimeWords(input)
  const week = isoWeekRange(text, now)
  let rest = text
  if (week) {
    ranges.push(week.range)
    spans.push(week.span)
    rest = rest.replace(week.span, ' ')
  }
  for (const rule of RELATIVE_RULES) {
    const m = rule.re.exec(rest)
    if (!m) continue
    ranges.push(rule.resolve(m, now))
    spans.push(m[0])
    rest = rest.replace(m[0], ' ')
  }
  // A duration after "within" is a threshold, not a period: "answered within an hour" was read as "in an hour", today.
  rest = rest.replace(THRESHOLD, ' ')
  // "Weekday" names no day: chrono read "Which weekday is busiest?" as next Monday.
  rest = rest.replace(/\bweek-?days?\b/giu, ' ')
  let sinceUsed = false
  // "now" beside another period is the moment asked from, not a period: "…said the internet works well now
  // in November?" counted 20 November alone. On its own ("how many complaints right now?") it is today.
  const parsed = chrono.parse(rest, { instant: now, timezone: 'UTC' }, { forwardDate: false })
    .filter((result, _, all) => !(NOW_ONLY.test(result.text) && (all.length > 1 || ranges.length > 0)))
  for (const result of parsed) {
    const unit = granularity(result.start)
    let from = startOf(unit, asUtc(result.start))
    const endComponent = result.end ?? result.start
    let to = add(unit, startOf(unit, asUtc(endComponent)), 1)
    // A weekday alone is the last one: "How many messages came in on Monday?" asked on a Friday was next Monday, a day of no data.
    if (result.start.isCertain('weekday') && !result.start.isCertain('day') && !result.end && from > now) {
      from = add('day', from, -7)
      to = add('day', to, -7)
    }
    const before = rest.slice(Math.max(0, result.index - 40), result.index)
    const bareDay = /\bbetween\s+(\d{1,2})(?:st|nd|rd|th)?\s+and\s*$/i.exec(before)
    if (bareDay && unit === 'day') {
      from = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), Number(bareDay[1])))
      spans.push(bareDay[0])
    }
    // "since the October release": from the start of October until now. Only the first date of a
    // question can open such a range ("from A to B" is a closed range chrono already returns whole).
    // "after November 1" too: it counted 1 November alone.
    const sinceWord = /\b(?:since|after)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu.exec(before.slice(-30))
    if (sinceWord && ranges.length === 0 && !result.end) {
      to = now
      sinceUsed = true
      ranges.push(makeRange(from, to, `since ${rangeLabel(from, add('day', from, 1))}`))
    } else {
      // The current month or year ends now, not in the future.
      ranges.push(makeRange(from, from < now && to > now ? now : to))
    }
    spans.push(result.text)
  }
  // Two single days joined by "between … and …" or "from … to …" are one range.
  if (ranges.length === 2 && parsed.length === 2 && !parsed[0]!.end && !parsed[1]!.end) {
    const joined = new RegExp(`\\b(?:between|from)\\s+${escape(parsed[0]!.text)}\\s+(?:and|to|until|till|through|-|–)\\s+${escape(parsed[1]!.text)}`, 'i')
    if (joined.test(rest)) {
      const a = ranges[0]!
      const b = ranges[1]!
      ranges.splice(0, 2, makeRange(new Date(a.from), new Date(b.to)))
    }
  }
  return { ranges, spans, since: sinceUsed }
}

const NOW_ONLY = /^(?:right\s+)?now$/i
/** "within an hour", "in under 30 minutes", "in less than 2 days": how long something took, not when. */
const THRESHOLD = /\b(?:within|in under|in less than|under|less than|more than|longer than|over)\s+(?:an?|one|two|three|four|five|six|twelve|twenty-four|\d+(?:\.\d+)?)\s*(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b/gi

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)'

/** Month names and relative periods of the other supported languages, written in English for the rules and chrono. */
const TIME_WORDS: Array<[RegExp, string]> = [
  [/(?<![\p{L}])(janvier|januar|enero|janeiro|gennaio)(?![\p{L}])/giu, 'January'],
  [/(?<![\p{L}])(f[ée]vrier|februar|febrero|fevereiro|febbraio)(?![\p{L}])/giu, 'February'],
  [/(?<![\p{L}])(mars|m[äa]rz|marzo|mar[çc]o)(?![\p{L}])/giu, 'March'],
  [/(?<![\p{L}])(avril|abril|aprile)(?![\p{L}])/giu, 'April'],
  // Italian's "mai" is "never" after "non": "Quante conversazioni non hanno mai ricevuto risposta?" was read as May.
  [/(?<![\p{L}])(?<!(?<![\p{L}])non\s+(?:[\p{L}']+\s+){0,3})(mai|mayo|maio|maggio)(?![\p{L}])/giu, 'May'],
  [/(?<![\p{L}])(juin|juni|junio|junho|giugno)(?![\p{L}])/giu, 'June'],
  [/(?<![\p{L}])(juillet|juli|julio|julho|luglio)(?![\p{L}])/giu, 'July'],
  [/(?<![\p{L}])(ao[ûu]t|agosto)(?![\p{L}])/giu, 'August'],
  [/(?<![\p{L}])(septembre|setembro|septiembre|settembre)(?![\p{L}])/giu, 'September'],
  [/(?<![\p{L}])(octobre|oktober|octubre|outubro|ottobre)(?![\p{L}])/giu, 'October'],
  [/(?<![\p{L}])(novembre|noviembre|novembro)(?![\p{L}])/giu, 'November'],
  [/(?<![\p{L}])(d[ée]cembre|dezember|diciembre|dezembro|dicembre)(?![\p{L}])/giu, 'December'],
  // Each starts a word: "no mês passado" read as "nlast month", "del mes pasado" as "dlast month".
  [/(?<![\p{L}])(?:(?:la\s+)?semaine\s+(?:derni[èe]re|pass[ée]e)|(?:letzte|vergangene)[nrm]?\s+woche|(?:la\s+)?semana\s+pasada|(?:a\s+)?semana\s+passada|(?:a\s+)?[úu]ltima\s+semana|(?:la\s+)?settimana\s+scorsa|l'ultima\s+settimana|지난\s*주|สัปดาห์ที่แล้ว)/giu, 'last week'],
  [/(?<![\p{L}])(?:(?:le\s+)?mois\s+(?:dernier|pass[ée])|(?:letzte|vergangene)[nrm]?\s+monat|(?:el\s+)?mes\s+pasado|(?:o\s+)?m[êe]s\s+passado|(?:il\s+)?mese\s+scorso|l'ultimo\s+mese|지난\s*달|เดือนที่แล้ว)/giu, 'last month'],
  // "du 27 au 29 octobre", "vom 27. bis 29. Oktober", "del 27 al 29 de octubre", "de 27 a 29 de outubro", "dal 27 al 29 ottobre".
  [/(?<![\p{L}])(?:du|vom|del|de|dal)\s+(\d{1,2})\.?(?:er|º|°)?\s+(?:au|bis(?:\s+zum)?|al|a)\s+(\d{1,2})\.?(?:\s+de)?(?![\p{N}])/giu, 'from $1 to $2'],
  // "entre le 1er et le 15 octobre" read as the 15th alone, "zwischen dem 1. und 15. Oktober", "entre el 1 y el 15
  // de octubre" and "entre 1 e 15 de outubro" as all October, "tra il 1 e il 15 ottobre" as the 15th.
  [/(?<![\p{L}])(?:entre|zwischen|tra|fra)\s+(?:le\s+|dem\s+|el\s+|o\s+|il\s+)?(\d{1,2})\.?(?:er|º|°)?\s+(?:et|und|y|e)\s+(?:le\s+|dem\s+|el\s+|o\s+|il\s+)?(\d{1,2})\.?(?:\s+de)?(?![\p{N}])/giu, 'between $1 and $2'],
  // …and with "of": "dieser Woche", "desta semana", "deste mês", "di questa settimana" counted all time.
  [/(?<![\p{L}])(?:cette\s+semaine|diese[r]?\s+woche|esta\s+semana|desta\s+semana|nesta\s+semana|questa\s+settimana|이번\s*주)/giu, 'this week'],
  [/(?<![\p{L}])(?:ce\s+mois(?:-ci)?|diese[nmsr]?\s+monat[s]?|este\s+mes|este\s+m[êe]s|deste\s+m[êe]s|neste\s+m[êe]s|questo\s+mese|이번\s*달)/giu, 'this month'],
  // Months are English by now. A day's ordinal mark and "de" go: chrono read "1er November", "1. November" and "1 de November" as November.
  [new RegExp(`(?<![\\p{N}])(\\d{1,2})(?:er|º|°|\\.)?\\s+(?:de\\s+)?(${MONTH})\\b`, 'gu'), '$1 $2'],
  // "du 1er octobre au 15 novembre", "vom 1. Oktober bis 15. November", "desde el 1 de octubre hasta el 15 de
  // noviembre", "dal 1 ottobre al 15 novembre", "de 1 de outubro a 15 de novembro" counted 1 October alone.
  [new RegExp(`(?<![\\p{L}])(?:du|vom|von|del|de|dal|desde(?:\\s+el)?|depuis\\s+le)\\s+(\\d{1,2}\\s+${MONTH})\\s+(?:au|bis(?:\\s+zum)?|al|a|hasta(?:\\s+el)?|at[ée]|jusqu['’]au)\\s+(\\d{1,2}\\s+${MONTH})\\b`, 'giu'), 'from $1 to $2'],
  // Months are English by now. "depuis octobre", "seit Oktober", "desde octubre", "da ottobre" counted October alone;
  // "après le 1er novembre" and "dopo il 1° novembre" are from that day on, as "after November 1" is.
  [new RegExp(`(?<![\\p{L}])(?:depuis(?:\\s+le)?|seit(?:\\s+dem)?|desde(?:\\s+el|\\s+o)?|dal(?:l['’])?|da)\\s+(?=(?:\\d{1,2}(?:er|º|°|\\.)?\\s+(?:de\\s+)?)?${MONTH}\\b)`, 'giu'), 'since '],
  [new RegExp(`(?<![\\p{L}])(?:apr[èe]s(?:\\s+le)?|nach(?:\\s+dem)?|despu[ée]s\\s+del?|depois\\s+de|dopo(?:\\s+il)?)\\s+(?=(?:\\d{1,2}(?:er|º|°|\\.)?\\s+(?:de\\s+)?)?${MONTH}\\b)`, 'giu'), 'after '],
  // "entre septembre et octobre", "zwischen September und Oktober", "tra settembre e ottobre": both months, not the first alone.
  [new RegExp(`(?<![\\p{L}])(?:entre|zwischen|tra|fra)\\s+(${MONTH})\\s+(?:et|und|y|e)\\s+(${MONTH})\\b`, 'giu'), 'between $1 and $2'],
]

/**
 * Days counted back, yesterday, today and the year, in the other supported languages: "Wie viele
 * Beschwerden in den letzten 30 Tagen?", "¿Cuántos mensajes ayer?" and "Quantos clientes reclamaram este
 * ano?" counted all time.
 */
const LAST_N = String.raw`(?<![\p{L}])(?:(?:au\s+cours\s+)?(?:ces|les|des)\s+(\d+)\s+derni(?:ers|[èe]res)|(?:in\s+)?(?:den\s+)?letzten\s+(\d+)|(?:en\s+)?(?:los|las)\s+[úu]ltim[oa]s\s+(\d+)|(?:n?[oa]s\s+)?[úu]ltim[oa]s\s+(\d+)|(?:negli\s+|nelle\s+)?ultim[ie]\s+(\d+))\s+`
const PERIOD_WORDS: Array<[RegExp, string]> = [
  [new RegExp(`${LAST_N}(?:jours|tagen|d[íi]as|giorni)(?![\p{L}])`, 'giu'), 'the last $1$2$3$4$5 days'],
  [new RegExp(`${LAST_N}(?:semaines|wochen|semanas|settimane)(?![\p{L}])`, 'giu'), 'the last $1$2$3$4$5 weeks'],
  [new RegExp(`${LAST_N}(?:mois|monaten|meses|mesi)(?![\p{L}])`, 'giu'), 'the last $1$2$3$4$5 months'],
  [/(?<![\p{L}])(?:gestern|ayer|ontem|ieri)(?![\p{L}])/giu, 'yesterday'],
  [/(?<![\p{L}])(?:aujourd'hui|aujourd’hui|heute|hoy|hoje|oggi)(?![\p{L}])/giu, 'today'],
  [/(?<![\p{L}])(?:cette\s+ann[ée]e|dieses\s+jahr|este\s+a[ñn]o|este\s+ano|quest'anno|quest’anno)(?![\p{L}])/giu, 'this year'],
  [/(?<![\p{L}])(?:l'ann[ée]e\s+derni[èe]re|l’ann[ée]e\s+derni[èe]re|letztes\s+jahr|(?:el\s+)?a[ñn]o\s+pasado|(?:n?o\s+)?ano\s+passado|l'anno\s+scorso|l’anno\s+scorso)(?![\p{L}])/giu, 'last year'],
]
/** French "hier" is yesterday; German "hier" is here. */
const FRENCH_HIER = /(?<![\p{L}])hier(?![\p{L}])/giu
const FRENCH_QUESTION = /(?<![\p{L}])(?:combien|quel(?:le)?s?|pourquoi|plaintes?|r[ée]clamations?|clients?|messages?|avons|y a-t-il)(?![\p{L}])/iu

export function englishTimeWords(text: string): string {
  const named = [...TIME_WORDS, ...PERIOD_WORDS].reduce((t, [re, en]) => t.replace(re, en), text)
  const english = FRENCH_QUESTION.test(named) ? named.replace(FRENCH_HIER, 'yesterday') : named
  return english.replace(THE_ONE_BEFORE, (_all, head: string, unit: string) => `${head.trimEnd()} than last ${unit}`)
}

/**
 * "¿Cómo va este mes comparado con el anterior?" compared with the ten days before: the previous one, ending
 * a question after a period named this week, month or year, is the last one ("la factura anterior" is no period).
 */
const PREVIOUS_ONE = /(?<![\p{L}])(?:the\s+(?:previous|last)\s+one|(?:el|la|o|a|le|dem|der|den|zur|zum|au|al|il|lo|l['’])\s*(?:anterior|pr[ée]c[ée]dente?|vorherige[nmr]?|vorige[nmr]?|precedente))(?=\s*[?.!]|\s*$)/iu
const THE_ONE_BEFORE = new RegExp(`(this (week|month|year)\\b[^?.!]*?)(?:${PREVIOUS_ONE.source})`, 'iu')

/** "week 44", "W44", "semaine 44", "KW 44", "semana 44": the ISO week, of the year named or else the latest one not after now. */
export function isoWeekRange(text: string, now: Date): { range: TimeRange; span: string } | undefined {
  const m = /(?<![\p{L}\p{N}])(?:(?:iso\s+)?(?:week|wk|semaine|semana|woche|kw)\s*(?:no\.?\s*|n[°º]\s*|#\s*)?|w)(\d{1,2})(?![\p{L}\p{N}])/iu.exec(text)
  if (!m) return undefined
  const week = Number(m[1])
  if (week < 1 || week > 53) return undefined
  const yearNamed = /\b(20\d\d)\b/.exec(text)
  let year = yearNamed ? Number(yearNamed[1]) : now.getUTCFullYear()
  let from = isoWeekStart(year, week)
  if (!yearNamed && from > now) from = isoWeekStart(--year, week)
  const to = add('week', from, 1)
  return { range: makeRange(from, to, `${year}-W${String(week).padStart(2, '0')} (${rangeLabel(from, to)})`), span: m[0] }
}

function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4))
  return add('week', startOf('week', jan4), week - 1)
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
