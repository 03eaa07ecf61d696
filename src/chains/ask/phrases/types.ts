// The sentences of the local answer, one set per language the question may be asked in. Logic stays in
// answer-local.ts (which figures, which way, whether intervals overlap); a language only says it. Every
// number arrives as a number and is written with the language's own separators (`num`, `pct`).
import type { AskFilters, FigureEstimate, TimeRange } from '../types.ts'

/** How a change is compared per day when the two periods' lengths differ. */
export type PerDay =
  | { kind: 'none' }
  /** After the customers' comparison, which already said why: ", per day". */
  | { kind: 'short' }
  /** "; compared per day, as 1 Nov 2026 – 20 Nov 2026 has 19.5 days against 31". */
  | { kind: 'long'; range: TimeRange; days: number; daysBefore: number }

/** Whether the direction of a change is certain: 'long' says the intervals overlap, 'short' only "not certain either". */
export type Unsure = 'none' | 'short' | 'long'

/** A figure as the answer states it: exact, estimated from labels (maybe corrected by people's labels), or counted in a theme. */
export type FigureWords =
  | { kind: 'exact'; value: number }
  | { kind: 'estimated'; value: number; corrected: boolean; estimate: FigureEstimate }
  | { kind: 'theme'; value: number; low: number; high: number }

export interface Phrases {
  /** BCP 47 tag for dates (Intl). */
  locale: string
  /** 12.5 → "12.5" (en), "12,5" (fr). */
  num(n: number): string
  /** 12.5 → "12.5%" (en), "12,5 %" (fr). */
  pct(n: number): string
  /** ["a", "b", "c"] → "a, b and c". */
  list(items: string[]): string
  /** A quoted citation: “text” [3]. */
  quoted(text: string, n: number): string

  // Periods. English labels come with the plan ("this month (1 Nov 2026 – 10 Nov 2026)", "all time",
  // "past 8 weeks", "previous period (…)", "2026-W44 (…)"); a language names them in its own words.
  /** The period's name as a noun phrase: "this month (1 Nov 2026 – 10 Nov 2026)". */
  period(range: TimeRange): string
  /** "in the previous period (…)", "in 1 Oct 2026 – 31 Oct 2026". */
  inPeriod(range: TimeRange): string
  /** Inside brackets after a count: "this month: 1 Nov 2026 – 10 Nov 2026", "all time". */
  periodInBrackets(range: TimeRange): string
  /** A day: "19 Nov 2026". */
  day(iso: string): string
  /** "as 1 Nov 2026 – 20 Nov 2026 has 19.5 days against 31". */
  lengths(range: TimeRange, days: number, daysBefore: number): string

  // What is counted.
  /** "negative customer messages about billing on whatsapp in German mentioning "router"" (noun: messages or conversations). */
  what(filters: AskFilters, noun?: 'messages' | 'conversations'): string
  /** An intent as words: "bug outage". Custom intents keep their name with spaces. */
  intentName(intent: string): string
  /** A group of a ranking: a channel, "German", "Monday", "09:00–10:00 UTC", "Thu 19 Nov 2026", an intent. */
  groupName(dimension: string, key: string): string
  /** "channel", "language", "intent", "theme", "day", "weekday", "hour", "sentiment". */
  dimensionName(dimension: string): string
  /** "negative", "positive", "neutral". */
  sentimentName(sentiment: string): string
  /** 45 → "45 min", 150 → "2.5 h", 4000 → "2.8 days". */
  minutes(m: number): string
  /** A response-time threshold: 60 → "an hour", 120 → "2 hours", 30 → "30 minutes". */
  threshold(minutes: number): string

  // Figures.
  /** "95% interval 35–50"; theme bounds "between 35 and 50"; labels widened by a theme: both said. */
  interval(estimate: FigureEstimate): string
  /** "about 42 (estimated from classifier labels, 95% interval 35–50)", "42". */
  figure(f: FigureWords): string

  // Preface: how the question was read.
  /** notComputed is the planner's English description of the measure; understoodAs its reading in plan notation. */
  notComputed(measure: string, understoodAs: string): string
  notUnderstood(understoodAs: string): string
  periodAssumed(range: TimeRange): string
  unplacedTime(words: string, range: TimeRange, weekly: boolean): string
  /** "lately" read as the past four weeks: "\"lately\" names no dates: it is read as the past 4 weeks." */
  recentRead(words: string, range: TimeRange): string
  /** A comparison naming an event but no dates: the weeks of the weekly theme it matched (`range`) against the weeks before. */
  eventRead(theme: string, range: TimeRange): string
  /** "refund" is not counted apart: the figures are for every billing message. */
  notNarrowedIntent(words: string, intent: string): string
  /** A kind of message ("question") ranked by subject: the ranking is of every message's subject. */
  notNarrowedKind(kind: string): string
  /** One subject's messages ranked by theme, as a message has one intent: "What are the top reasons customers cancel?". */
  rankedByTheme(intent: string): string
  /** `labels` are the matched weekly themes' labels, or "N more". */
  themeMatched(theme: string, labels: Array<{ label: string } | { more: number }>): string
  noDataFor(range: TimeRange, endsAt: string, suggested: TimeRange): string
  dataStartsAt(startsAt: string, previous: TimeRange): string

  // Counts.
  noMessagesAtAll(range: TimeRange, what: string, before?: { value: number; range: TimeRange }): string
  noMatch(what: string, range: TimeRange, before?: { value: number; range: TimeRange }): string
  /** "There were about 42 (…) negative customer messages (this month: …)." */
  openingEstimated(figure: string, what: string, range: TimeRange): string
  /** "There were 10 customer messages on whatsapp (last week: …; exact count from metadata)." `how`: exact or counted in a theme. */
  openingCounted(total: number, what: string, range: TimeRange, how: 'exact' | 'theme'): string
  /** "They came from about 6 conversations (95% interval 3–17)." */
  /** The conversations the counted messages came from; exact when there is no estimate. */
  customersFrom(value: number, estimate?: FigureEstimate): string
  /** "About 66 customers complained (95% interval 47–71; a complaint is …, so they outnumber the negative messages)." */
  customersComplained(value: number, estimate: FigureEstimate, reports: boolean, outnumber: boolean): string
  /** "That is about 12.7% (95% interval 5.2–48.5%) of the about 237 negative customer messages." */
  shareOf(value: number, estimate: FigureEstimate | undefined, base: { value: number; estimated: boolean; what: string }): string
  /** The customers' share: "That is about 40% (…%) of the 120 conversations with customer messages". */
  customersShare(value: number, estimate: FigureEstimate, conversations: number, what: string): string

  // Change against the previous period. `their`: after the customers' comparison ("Their messages are …").
  changeNone(previous: TimeRange): string
  changeUnchanged(their: boolean, before: number, previous: TimeRange, perDay: PerDay): string
  /** `percent` is left out when the base is too small for one. */
  changeMoved(their: boolean, up: boolean, percent: number | undefined, before: number, previous: TimeRange, perDay: PerDay, unsure: Unsure): string

  /** "About 93 customers complained in this month (…), against about 80 in October (…): up; …". */
  customersCompared(input: {
    who: 'complained' | 'wrote' | { sentiment: string }
    now: number
    nowEstimate: FigureEstimate
    before: number
    beforeEstimate: FigureEstimate
    range: TimeRange
    previous?: TimeRange
    direction: 'up' | 'down' | 'same'
    perDay?: { days: number; daysBefore: number }
    overlap: boolean
    /** Customers who complained outnumber the negative messages (neutral reports count): the first bracket says why. */
    outnumber?: boolean
  }): string

  // Trends.
  /** Each week of a recent period ("still", "lately"), oldest first: "Week by week: about 16 in 2026-W42, … and about 61 in 2026-W45." */
  weekByWeek(weeks: ReadonlyArray<{ week: string; value: number; about: boolean; partial: boolean }>): string
  weeklyVolume(input: { about: boolean; first: number; firstWeek: string; firstPartial: boolean; last: number; lastWeek: string; lastPartial: boolean; leftOut: string[]; overlap: boolean }): string
  negativeShareMoved(input: { of?: string; about: boolean; from: number; to: number; overlap: boolean }): string
  /** "Over the whole period about 45% (…%) were negative, against about 40% in the previous period." */
  wholePeriodNegative(value: number, estimate: FigureEstimate | undefined, previousValue: number | undefined): string

  // Comparisons.
  shareMoved(input: { sentiment: string; what: string; before: number; beforeEstimate: FigureEstimate; now: number; nowEstimate: FigureEstimate; previous: TimeRange | undefined; range: TimeRange; direction: 'up' | 'down' | 'unchanged'; overlap: boolean }): string
  /** `weeks`/`previousWeeks`: the weeks with a theme run in each period; when they differ, the phrase says so (growth is per week). */
  themeGrew(input: { theme: string; before: number; now: number; weeks: number; previousWeeks: number }): string
  leaderGrew(input: { intent: string; row?: { before: number; now: number }; previous: TimeRange | undefined; range: TimeRange; change: number; low: number; high: number; chance: number }): string
  grewMost(input: { intent: string; perDay?: { range: TimeRange; days: number; daysBefore: number }; previous: TimeRange | undefined; before: number; now: number; range: TimeRange }): string
  noneGrew(previous: TimeRange | undefined, perDay?: { range: TimeRange; days: number; daysBefore: number }): string
  fellMost(intent: string, before: number, now: number): string

  // Examples and why.
  examples(n: number, total: number, what: string, range: TimeRange, quotes: string): string
  /** "Of these, about 62% (…%) were negative, about 8% … neutral and …" */
  mix(parts: Array<{ value: number; estimate?: FigureEstimate; sentiment: string }>): string
  intentsMostCommon(items: Array<{ intent: string; value: number }>): string
  unnamedIntents(n: number, about: boolean): string
  citedMostlyAbout(items: Array<{ intent: string; n: number }>, total: number): string
  representative(quotes: string): string

  // Rankings.
  nothingToRank(what: string, range: TimeRange): string
  /** byCustomers: complaints ranked by the customers who complained. */
  rankFirst(input: { dimension: string; name: string; fewest: boolean; what: string; byCustomers: boolean; range: TimeRange; figure: string }): string
  rankThen(items: Array<{ name: string; value: number; about: boolean }>): string
  rankFooter(estimated: boolean): string
  themesByIntents(): string
  complaintPerCustomer(): string

  /** A rate per group: "By channel, the share of customer messages that are negative is highest on instagram (…): about 52.3% (…%) of its 172 customer messages." */
  rateFirst(input: { dimension: string; byConversation: boolean; sentiment?: string; intent?: string; single: boolean; lowest: boolean; name: string; range: TimeRange; value: number; estimate: FigureEstimate; base: number; baseAbout: boolean }): string
  rateThen(items: Array<{ name: string; value: number; base: number; baseAbout: boolean }>): string
  rateOverlap(first: string, second: string, lowest: boolean): string
  complaintPerConversation(): string
  rateFooter(dimension: string, mayHaveFewer: boolean, min: number): string

  /** A weekday or an hour ranked per day it occurs. */
  slotFirst(input: { slot: 'weekday' | 'hour'; name: string; fewest: boolean; what: string; range: TimeRange; figure: string; days: number; about: boolean; perDay: number }): string
  slotThen(items: Array<{ name: string; about: boolean; perDay: number }>): string
  slotPerDay(fewest: number, most: number): string
  slotFooter(estimated: boolean): string

  // Care-team answers.
  nothingStarted(range: TimeRange): string
  awaiting(awaiting: number, started: number, range: TimeRange, byChannel: string): string
  /** "Of these, 12 have waited more than 24 hours since the customer's last message." */
  waitingLonger(n: number, minutes: number): string
  medianResponse(input: { median: number; mean: number; p90: number; started: number; range: TimeRange }): string
  noneAnswered(started: number, range: TimeRange): string
  byChannelMedian(items: Array<{ channel: string; minutes: number }>): string
  answeredWithin(pct: number, minutes: number): string
  unanswered(n: number, byChannel: string, complaints: string | undefined): string
  /** "x 30, chat 20, email 9". */
  channelCounts(items: Array<{ channel: string; value: number }>): string

  // Measures of conversations (conversation-measures.ts).
  /** "The 412 conversations with customer messages (…) had 1,904 messages in all, customers' and agents': 4.6 per conversation on average (median 4)." */
  messagesPerConversation(input: { mean: number; median: number; conversations: number; messages: number; what: string; range: TimeRange }): string
  /** "Of the 310 customers (…), 37 (11.9%) wrote in more than one conversation", a customer being a handle on a channel; `scope` is what narrowed them ("on whatsapp"), as it follows the customer messages `what` names. */
  repeatCustomers(input: { repeat: number; customers: number; share: number; scope?: string; range: TimeRange }): string
  /** Conversations without a customer handle are not counted as customers. */
  withoutHandle(n: number): string
  /** The question named a subject or a tone: the measure is of every conversation, as which are about it is the classifier's guess. */
  measureNotNarrowed(): string
}
