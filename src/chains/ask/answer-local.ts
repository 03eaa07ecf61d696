// The local answer: a few sentences built only from the figures and the retrieved messages, so every
// number it states is a figure and every quote is a citation. No matching data → it says so. It is
// written in the question's language (phrases/): what to say is decided here, how to say it there.
import { CONFUSION_METHOD } from './confusion.ts'
import { notNarrowed } from './conversation-measures.ts'
import { MIN_RATE_MESSAGES } from './estimates.ts'
import { phrasesFor } from './phrases/index.ts'
import type { FigureWords, PerDay, Phrases } from './phrases/types.ts'
import { isThemeBounds } from './theme-estimate.ts'
import { daysIn, lengthRatio, makeRange } from './time.ts'
import { SENTIMENT_CLASSES, type AnswerRequest, type AskAnswerer, type AskCitation, type AskFigure, type AskFilters, type AskPlan } from './types.ts'

const QUOTE_CHARS = 140
const OTHER = 'other'
const QUOTES = 3
const TOP_TOPICS = 3

export function quote(text: string, max = QUOTE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`
}

function quotes(p: Phrases, citations: AskCitation[], n = QUOTES): string {
  return citations.slice(0, n).map((c) => p.quoted(quote(c.text), c.n)).join('; ')
}

/**
 * Below this many messages before, a percentage says more about the small base than about the change:
 * app crash complaints were "up 9300% from 1".
 */
const MIN_PERCENT_BASE = 10

/** What a figure counted, as filters to name it by. */
const filtersOf = (f: AskFigure): AskFilters => ({ ...f.filters, customerRole: 'customer' })

/** The previous period a figure was counted over: the plan's, else the figure's own dates (its label is in the question's language). */
const previousOf = (plan: AskPlan, f: AskFigure) => plan.previousRange ?? makeRange(new Date(f.from), new Date(f.to))

/**
 * The messages' change against the previous period. After the customers' comparison (`afterCustomers`),
 * which said why the periods are compared per day and whether the direction is certain, it says so briefly.
 */
function changeSentence(p: Phrases, plan: AskPlan, figures: AskFigure[], afterCustomers = false, lengthsSaidElsewhere = false): string | undefined {
  const previous = figures.find((f) => f.kind === 'previous_count')
  if (!previous) return undefined
  const change = figures.find((f) => f.kind === 'change')
  const period = previousOf(plan, previous)
  if (!change) return p.changeNone(period)
  const now = figures.find((f) => f.kind === 'count' && f.unit === 'messages')
  const perDay: PerDay = change.group?.measure !== 'per_day' ? { kind: 'none' } : afterCustomers || lengthsSaidElsewhere ? { kind: 'short' }
    : now ? { kind: 'long', range: plan.timeRange, days: daysIn(plan.timeRange), daysBefore: daysIn(period) } : { kind: 'none' }
  if (change.value === 0) return p.changeUnchanged(afterCustomers, previous.value, period, perDay)
  // Labels' doubt can exceed the change: then the sentence says which way it went without vouching for it.
  const overlap = change.estimate && change.estimate.low < 0 && change.estimate.high > 0
  const percent = previous.value < MIN_PERCENT_BASE ? undefined : Math.abs(change.value)
  return p.changeMoved(afterCustomers, change.value > 0, percent, previous.value, period, perDay, !overlap ? 'none' : afterCustomers ? 'short' : 'long')
}

/** A recent period ("still", "lately") week by week, when its figures have the weeks. */
function weekByWeekSentence(p: Phrases, plan: AskPlan, figures: AskFigure[]): string | undefined {
  if (!plan.recent) return undefined
  const weeks = figures.filter((f) => f.kind === 'series' && f.group?.measure === 'volume')
  if (weeks.length < 2) return undefined
  return p.weekByWeek(weeks.map((f) => ({ week: f.group!.week!, value: f.value, about: Boolean(f.estimate), partial: f.group?.partial === 'true' })))
}

/**
 * The first and last weeks a trend is read between: whole weeks when there are two, so "the last 8
 * weeks" from a Friday does not compare two weeks' last days ("from 4 in 2026-W39 to 0 in 2026-W47").
 */
function endWeeks(series: AskFigure[]): [AskFigure, AskFigure] {
  const whole = series.filter((f) => f.group?.partial !== 'true')
  const ends = whole.length >= 2 ? whole : series
  return [ends[0]!, ends[ends.length - 1]!]
}

/** When two estimated figures' intervals overlap, which way they moved is not certain: said so, not vouched for. */
function overlaps(a: AskFigure, b: AskFigure): boolean {
  if (!a.estimate || !b.estimate || a.value === b.value) return false
  return a.estimate.low <= b.estimate.high && b.estimate.low <= a.estimate.high
}

/** The intents that dominate the cited messages: what the retrieved set is mostly about. */
function dominantIntents(p: Phrases, citations: AskCitation[]): string | undefined {
  const counts = new Map<string, number>()
  for (const c of citations) if (c.intent) counts.set(c.intent, (counts.get(c.intent) ?? 0) + 1)
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2)
  if (top.length === 0) return undefined
  return p.citedMostlyAbout(top.map(([intent, n]) => ({ intent, n })), citations.length)
}

/** A figure as the answer words it: exact, counted in a theme, or estimated (and how). */
export function figureWords(f: AskFigure): FigureWords {
  if (f.estimate && isThemeBounds(f.estimate)) return { kind: 'theme', value: f.value, low: f.estimate.low, high: f.estimate.high }
  if (f.estimate) return { kind: 'estimated', value: f.value, corrected: f.estimate.method.startsWith(CONFUSION_METHOD.split(':')[0]!), estimate: f.estimate }
  return { kind: 'exact', value: f.value }
}

/** "about 42 (95% interval 35–50, estimated from classifier labels)" or "42", in English. */
export function figureText(f: AskFigure, p: Phrases = phrasesFor('')): string {
  return p.figure(figureWords(f))
}

/** Sentences any answerer's text starts with: a question that could not be mapped, a theme matched, data that ends before the range. */
export function prefaceOf(req: Pick<AnswerRequest, 'question' | 'plan' | 'dataEndsAt' | 'suggestedRange' | 'dataStartsAt'>): string {
  const { plan } = req
  const p = phrasesFor(req.question)
  const understoodAs = plan.understoodAs ?? plan.kind
  const out: string[] = []
  if (plan.notComputed) out.push(p.notComputed(plan.notComputed, understoodAs))
  else if (plan.understood === false) out.push(p.notUnderstood(understoodAs))
  if (plan.periodAssumed) out.push(p.periodAssumed(plan.timeRange))
  if (plan.recent) out.push(p.recentRead(plan.recent, plan.timeRange))
  if (plan.eventTheme) out.push(p.eventRead(plan.eventTheme, plan.timeRange))
  if (plan.unplacedTime) out.push(p.unplacedTime(plan.unplacedTime, plan.timeRange, plan.kind === 'trend'))
  if (plan.notNarrowedBy && plan.filters.intent) {
    // The share below is the intent's, not the part the question asked about: say so before it.
    out.push(p.notNarrowedIntent(plan.notNarrowedBy, plan.filters.intent))
  } else if (plan.notNarrowedBy && plan.kind === 'rank') {
    // A kind of message ranked by subject: its intent is the kind, so the subjects are of every message.
    out.push(p.notNarrowedKind(plan.notNarrowedBy))
  }
  if (plan.rankedWithin) out.push(p.rankedByTheme(plan.rankedWithin))
  if (plan.themeMatched) {
    const labels = plan.themeMatched.split(' | ').map((l) => (/^\+\d+ more$/.test(l) ? { more: Number(l.replace(/\D/g, '')) } : { label: l }))
    out.push(p.themeMatched(plan.filters.theme ?? '', labels))
  }
  if (req.dataEndsAt && req.suggestedRange) out.push(p.noDataFor(plan.timeRange, req.dataEndsAt, req.suggestedRange))
  if (req.dataStartsAt && plan.previousRange) out.push(p.dataStartsAt(req.dataStartsAt, plan.previousRange))
  return out.join(' ')
}

const UNANSWERED_ASKED = /unanswered|never (?:got )?(?:an? )?(?:answer|repl)|sans r[ée]ponse|jamais.{0,20}r[ée]ponse|unbeantwortet|nie.{0,20}antwort|sin respuesta|nunca.{0,20}respuesta|sem resposta|nunca.{0,20}resposta|senza risposta|mai.{0,20}risposta/iu

/** "x 30, chat 20, email 9": one measure's per-channel figures, most first; empty for a single channel. */
function channelCounts(p: Phrases, figures: AskFigure[], measure: string): string {
  const list = figures.filter((f) => f.group?.measure === measure && f.group.channel)
  return list.length > 1 ? p.channelCounts(list.map((f) => ({ channel: f.group!.channel!, value: f.value }))) : ''
}

function careAnswer(p: Phrases, req: AnswerRequest): string {
  const { plan, figures } = req
  const range = plan.timeRange
  const started = figures.find((f) => f.kind === 'count' && f.unit === 'conversations' && !f.group)
  const awaiting = figures.find((f) => f.kind === 'awaiting_reply')
  const unanswered = figures.find((f) => f.group?.measure === 'unanswered' && !f.group.channel)
  const complaints = figures.find((f) => f.group?.measure === 'unanswered_complaints')
  if (!started || started.value === 0) return p.nothingStarted(range)
  const out: string[] = []
  if (plan.kind === 'awaiting') {
    out.push(p.awaiting(awaiting?.value ?? 0, started.value, range, channelCounts(p, figures, 'awaiting')))
    const longer = figures.find((f) => f.group?.measure === 'waiting_longer')
    if (longer) out.push(p.waitingLonger(longer.value, Number(longer.group!.minutes)))
  } else {
    const overall = (measure: string) => figures.find((f) => f.kind === 'response_time' && f.group?.measure === measure && !f.group.channel)
    const [median, mean, p90] = [overall('median'), overall('mean'), overall('p90')]
    const within = figures.find((f) => f.group?.measure === 'answered_within' && !f.group.channel)
    if (median && mean && p90) out.push(p.medianResponse({ median: median.value, mean: mean.value, p90: p90.value, started: started.value, range }))
    else out.push(p.noneAnswered(started.value, range))
    // Slowest first: "which channel is slowest / fastest" is then the first / last name of the list.
    const perChannel = figures.filter((f) => f.kind === 'response_time' && f.group?.measure === 'median' && f.group.channel)
      .sort((a, b) => b.value - a.value).map((f) => ({ channel: f.group!.channel!, minutes: f.value }))
    if (perChannel.length > 1) out.push(p.byChannelMedian(perChannel))
    if (within) out.push(p.answeredWithin(within.value, Number(within.group!.minutes)))
  }
  if (unanswered) {
    const sentence = p.unanswered(unanswered.value, channelCounts(p, figures, 'unanswered'), complaints ? p.figure(figureWords(complaints)) : undefined)
    // Asked about unanswered conversations, that is the answer: it goes first, before the response times.
    if (UNANSWERED_ASKED.test(req.question)) out.unshift(sentence)
    else out.push(sentence)
  }
  return out.join(' ')
}

/** "How many customers …": the estimated conversations behind the messages, when labels decide them. */
function customersSentence(p: Phrases, figures: AskFigure[], plan: AskPlan): string | undefined {
  const conversations = figures.find((f) => f.kind === 'count' && f.unit === 'conversations')
  // Counted exactly, they are said when asked for: "How many conversations did we get last week?" got the messages alone.
  if (!conversations?.estimate) return conversations && plan.countsCustomers ? p.customersFrom(conversations.value) : undefined
  const sentiment = plan.filters.sentiment
  if (sentiment !== 'negative') return p.customersFrom(conversations.value, conversations.estimate)
  const reports = reportsCounted(conversations)
  return p.customersComplained(conversations.value, conversations.estimate, reports, outnumbered(figures, conversations))
}

/** Whether the customers who complained were counted with their neutral reports of a problem. */
const reportsCounted = (conversations: AskFigure) => /neutral one reporting a problem/.test(conversations.estimate?.method ?? '')

/** Customers who complained outnumber the negative messages when neutral reports count: the answer says so rather than let the two figures clash. */
function outnumbered(figures: AskFigure[], conversations: AskFigure): boolean {
  const messages = figures.find((f) => f.kind === 'count' && f.unit === 'messages')
  return reportsCounted(conversations) && Boolean(messages && conversations.value > messages.value)
}

/**
 * "Did delivery complaints go up in October?": the customers who complained in each period, and which
 * way it went; when the two intervals overlap the direction is not certain and the answer says so.
 */
function customersCompared(p: Phrases, figures: AskFigure[], plan: AskPlan): string | undefined {
  const now = figures.find((f) => f.kind === 'count' && f.unit === 'conversations' && f.estimate)
  const before = figures.find((f) => f.kind === 'previous_count' && f.unit === 'conversations' && f.estimate)
  if (!now?.estimate || !before?.estimate) return undefined
  // "About 93 customers wrote in this month" counted those who wrote a positive message.
  const sentiment = plan.filters.sentiment
  const who = sentiment === 'negative' ? 'complained' as const : sentiment ? { sentiment: p.sentimentName(sentiment) } : 'wrote' as const
  // Periods of different lengths are compared per day (lengthRatio): their counts and intervals scaled to the earlier one's length.
  const ratio = plan.previousRange ? lengthRatio(plan.timeRange, plan.previousRange) : 1
  const [value, low, high] = [now.value, now.estimate.low, now.estimate.high].map((n) => n / ratio) as [number, number, number]
  const direction = Math.round(value) === before.value ? 'same' : value > before.value ? 'up' : 'down'
  return p.customersCompared({
    who,
    now: now.value,
    nowEstimate: now.estimate,
    before: before.value,
    beforeEstimate: before.estimate,
    range: plan.timeRange,
    previous: plan.previousRange,
    direction,
    ...(ratio !== 1 && plan.previousRange ? { perDay: { days: daysIn(plan.timeRange), daysBefore: daysIn(plan.previousRange) } } : {}),
    overlap: low <= before.estimate.high && before.estimate.low <= high,
    ...(sentiment === 'negative' && outnumbered(figures, now) ? { outnumber: true } : {}),
  })
}

/**
 * "By channel, the negative share is highest on instagram: about 52.3% (95% interval 36–74%) of its 172
 * customer messages. Then …": each group's rate of its own messages, and whether the first is clearly first.
 */
function rateAnswer(p: Phrases, req: AnswerRequest, rows: AskFigure[]): string {
  const { plan, figures } = req
  const dimension = Object.keys(rows[0]!.group ?? {})[0]!
  const baseOf = (f: AskFigure) => figures.find((g) => g.kind === 'count' && g.group?.[dimension] === f.group?.[dimension])
  const byConversation = baseOf(rows[0]!)?.unit === 'conversations'
  const [first, ...rest] = rows
  const name = (f: AskFigure) => p.groupName(dimension, f.group![dimension]!)
  // An intent's own count is estimated too: "of its about 160 customer messages".
  const base = (f: AskFigure) => ({ base: baseOf(f)?.value ?? 0, baseAbout: Boolean(baseOf(f)?.estimate) })
  const out = [p.rateFirst({
    dimension: p.dimensionName(dimension),
    byConversation,
    ...(plan.filters.sentiment ? { sentiment: p.sentimentName(plan.filters.sentiment) } : {}),
    ...(plan.filters.intent ? { intent: plan.filters.intent } : {}),
    single: rows.length === 1,
    lowest: Boolean(plan.ascending),
    name: name(first!),
    range: plan.timeRange,
    value: first!.value,
    estimate: first!.estimate!,
    ...base(first!),
  })]
  if (rest.length) out.push(p.rateThen(rest.map((f) => ({ name: name(f), value: f.value, ...base(f) }))))
  const second = rest[0]
  if (second?.estimate && first!.estimate && first!.estimate.low <= second.estimate.high && second.estimate.low <= first!.estimate.high) {
    out.push(p.rateOverlap(name(first!), name(second), Boolean(plan.ascending)))
  }
  if (byConversation) out.push(p.complaintPerConversation())
  out.push(p.rateFooter(p.dimensionName(dimension), Boolean(baseOf(first!)?.estimate), MIN_RATE_MESSAGES))
  return out.join(' ')
}

/** A figure per day it occurs, as the answer writes it: "12.3". */
const perDay = (f: AskFigure) => Math.round((10 * f.value) / Math.max(1, Number(f.group!.days))) / 10

/**
 * "By weekday (UTC), Monday has the most customer messages (…): 187 on 12 Mondays, 15.6 a day. Then …":
 * each weekday or hour per day it occurs in the period the data covers, as the figures were ranked.
 */
function slotRankAnswer(p: Phrases, req: AnswerRequest, rows: AskFigure[], dimension: 'weekday' | 'hour'): string {
  const { plan } = req
  const name = (f: AskFigure) => p.groupName(dimension, f.group![dimension]!)
  const [first, ...others] = rows
  // The busiest hours after the first are those with messages: "Then 00:00–01:00 UTC (0 a day), 01:00–02:00 UTC (0 a day)…" named empty hours.
  const rest = plan.ascending ? others : others.filter((f) => f.value > 0)
  const out = [p.slotFirst({
    slot: dimension,
    name: name(first!),
    fewest: Boolean(plan.ascending),
    what: p.what(plan.filters),
    range: plan.timeRange,
    figure: p.figure(figureWords(first!)),
    days: Number(first!.group!.days),
    about: Boolean(first!.estimate),
    perDay: perDay(first!),
  })]
  if (rest.length) out.push(p.slotThen(rest.slice(0, (plan.top ?? (dimension === 'weekday' ? 7 : 5)) - 1).map((f) => ({ name: name(f), about: Boolean(f.estimate), perDay: perDay(f) }))))
  const counts = rows.map((f) => Number(f.group!.days))
  const [fewest, most] = [Math.min(...counts), Math.max(...counts)]
  if (fewest !== most) out.push(p.slotPerDay(fewest, most))
  out.push(p.slotFooter(rows.some((f) => f.estimate)))
  return out.join(' ')
}

function rankAnswer(p: Phrases, req: AnswerRequest): string {
  const { plan, figures } = req
  const rows = figures.filter((f) => f.kind === 'breakdown')
  const what = p.what(plan.filters)
  if (rows.length === 0) return p.nothingToRank(what, plan.timeRange)
  if (rows[0]!.unit === 'percent') return rateAnswer(p, req, rows)
  const dimension = Object.keys(rows[0]!.group ?? {})[0] ?? plan.groupBy ?? 'intent'
  if ((dimension === 'weekday' || dimension === 'hour') && rows[0]!.group!.days) return slotRankAnswer(p, req, rows, dimension)
  // "other" is "no specific intent": not an answer to "what do they complain about most".
  const named = rows.filter((f) => f.group?.intent !== OTHER)
  const unnamed = rows.find((f) => f.group?.intent === OTHER)
  const [first] = named.length ? named : rows
  const name = (f: AskFigure) => p.groupName(dimension, Object.values(f.group ?? {})[0] ?? '')
  // A ranking of complaints by theme counts customers (conversations), not their messages.
  const byCustomers = first!.unit === 'conversations'
  const out = [p.rankFirst({ dimension: p.dimensionName(dimension), name: name(first!), fewest: Boolean(plan.ascending), what, byCustomers, range: plan.timeRange, figure: p.figure(figureWords(first!)) })]
  const rest = named.filter((f) => f !== first).slice(0, (plan.top ?? 5) - 1)
  if (rest.length) out.push(p.rankThen(rest.map((f) => ({ name: name(f), value: f.value, about: Boolean(f.estimate) }))))
  // "Compare billing and delivery complaints": about 30 (17–81) against about 21 (6–67) is no clear first.
  const second = rest[0]
  if (second && first!.estimate && second.estimate && first!.estimate.low <= second.estimate.high && second.estimate.low <= first!.estimate.high) out.push(p.rateOverlap(name(first!), name(second), Boolean(plan.ascending)))
  if (unnamed && named.length) out.push(p.unnamedIntents(unnamed.value, true))
  out.push(p.rankFooter(rows.some((f) => f.estimate)))
  if (plan.groupBy === 'theme' && dimension !== 'theme') out.push(p.themesByIntents())
  if (byCustomers) out.push(p.complaintPerCustomer())
  return out.join(' ')
}

/** Messages per conversation, or customers who wrote in more than one conversation: exact, from metadata. */
function measureAnswer(p: Phrases, req: AnswerRequest): string {
  const { plan, figures } = req
  const byMeasure = (measure: string) => figures.find((f) => f.group?.measure === measure)
  const conversations = figures.find((f) => f.kind === 'count' && f.unit === 'conversations' && !f.group)
  if (!conversations || conversations.value === 0) return p.nothingStarted(plan.timeRange)
  // What the measure was counted over: the filters it was narrowed by, as its figures carry them.
  const measured = filtersOf(conversations)
  const what = p.what(measured)
  const out: string[] = []
  if (plan.measure === 'messages_per_conversation') {
    const [mean, median] = [byMeasure('mean_messages'), byMeasure('median_messages')]
    const messages = figures.find((f) => f.kind === 'count' && f.unit === 'messages')
    if (mean && median && messages) out.push(p.messagesPerConversation({ mean: mean.value, median: median.value, conversations: conversations.value, messages: messages.value, what, range: plan.timeRange }))
  } else {
    const [customers, repeat, share, without] = [byMeasure('customers'), byMeasure('repeat_customers'), byMeasure('repeat_share'), byMeasure('without_handle')]
    // "on whatsapp", "mentioning "router"": what follows the customer messages in `what`.
    const everyone = p.what({ customerRole: 'customer' })
    const scope = what.startsWith(everyone) ? what.slice(everyone.length).trim() : what
    if (customers && repeat && share) out.push(p.repeatCustomers({ repeat: repeat.value, customers: customers.value, share: share.value, ...(scope ? { scope } : {}), range: plan.timeRange }))
    if (without) out.push(p.withoutHandle(without.value))
  }
  if (notNarrowed(plan.filters)) out.push(p.measureNotNarrowed())
  return out.join(' ')
}

function answerIn(p: Phrases, req: AnswerRequest): string {
  const { plan, figures, citations } = req
  if (plan.kind === 'awaiting' || plan.kind === 'response_time') return careAnswer(p, req)
  if (plan.measure) return measureAnswer(p, req)
  if (plan.kind === 'rank') return rankAnswer(p, req)
  const range = plan.timeRange
  const what = p.what(plan.filters)
  const count = figures.find((f) => f.kind === 'count' && f.unit === 'messages')
  const total = count?.value ?? 0
  if (total === 0) {
    const previous = figures.find((f) => f.kind === 'previous_count')
    const before = previous && previous.value > 0 ? { value: previous.value, range: previousOf(plan, previous) } : undefined
    // A period without any message is a gap in the data, not a period in which none of them was negative.
    // Only the count of every customer message says so: none mentioning "gets" is not a gap ("There are no customer messages at all for all time").
    const none = figures.some((f) => f.kind === 'count' && f.group?.measure === 'base' && Object.values(f.filters).every((v) => v === undefined) && f.value === 0 && f.exact)
    const everything = Object.entries(plan.filters).every(([k, v]) => k === 'customerRole' || v === undefined)
    if (none && !everything) return p.noMessagesAtAll(range, what, before)
    return p.noMatch(what, range, before)
  }
  const sentences: string[] = []
  const share = figures.find((f) => f.kind === 'share')
  const base = figures.find((f) => f.kind === 'count' && f.group?.measure === 'base')
  const breakdown = figures.filter((f) => f.kind === 'breakdown')
  const opening = count?.estimate ? p.openingEstimated(p.figure(figureWords(count)), what, range) : p.openingCounted(total, what, range, count?.exact ? 'exact' : 'theme')

  switch (plan.kind) {
    case 'count': {
      sentences.push(opening)
      // The share and the change are of the messages counted first; the conversations they came from follow.
      // Asked of customers, the share is of their conversations: say that one, the messages' one is in the figures.
      const ofCustomers = plan.countsCustomers ? figures.find((f) => f.kind === 'share' && f.group?.measure === 'conversations') : undefined
      if (!ofCustomers?.estimate && share && base) sentences.push(p.shareOf(share.value, share.estimate, { value: base.value, estimated: Boolean(base.estimate), what: p.what(filtersOf(base)) }))
      const change = changeSentence(p, plan, figures)
      if (change) sentences.push(change)
      const weeks = weekByWeekSentence(p, plan, figures)
      if (weeks) sentences.push(weeks)
      const customers = customersSentence(p, figures, plan)
      if (customers) sentences.push(customers)
      if (ofCustomers?.estimate && base) sentences.push(p.customersShare(ofCustomers.value, ofCustomers.estimate, Number(ofCustomers.group!.conversations), p.what(filtersOf(base))))
      break
    }
    case 'trend': {
      const volume = figures.filter((f) => f.kind === 'series' && f.group?.measure === 'volume')
      const negative = figures.filter((f) => f.kind === 'series' && f.group?.measure === 'negative_share')
      sentences.push(opening)
      if (volume.length >= 2) {
        const [first, last] = endWeeks(volume)
        const leftOut = volume.filter((f) => f.group?.partial === 'true' && f !== first && f !== last).map((f) => f.group!.week!)
        sentences.push(p.weeklyVolume({
          about: Boolean(first.estimate),
          first: first.value,
          firstWeek: first.group!.week!,
          firstPartial: first.group?.partial === 'true',
          last: last.value,
          lastWeek: last.group!.week!,
          lastPartial: last.group?.partial === 'true',
          leftOut,
          overlap: overlaps(first, last),
        }))
        if (negative.length >= 2) {
          const [nf, nl] = endWeeks(negative)
          const of = plan.filters.sentiment ? p.what({ ...plan.filters, sentiment: undefined }) : undefined
          sentences.push(p.negativeShareMoved({ ...(of ? { of } : {}), about: Boolean(nf.estimate), from: nf.value, to: nl.value, overlap: overlaps(nf, nl) }))
        }
      }
      const mix = figures.find((f) => f.kind === 'sentiment_mix' && f.group?.sentiment === 'negative')
      if (mix) sentences.push(p.wholePeriodNegative(mix.value, mix.estimate, mix.previousValue))
      else {
        const change = changeSentence(p, plan, figures)
        if (change) sentences.push(change)
      }
      break
    }
    case 'compare':
      sentences.push(...compareSentences(p, req, opening, share, breakdown))
      break
    case 'examples':
      return p.examples(citations.length, total, what, range, quotes(p, citations, citations.length))
    case 'why': {
      sentences.push(opening)
      // "What's the sentiment on WhatsApp this month?" listed intents and never said how customers felt.
      const mix = mixSentence(p, figures)
      if (mix) sentences.push(mix)
      if (breakdown.length > 0) {
        const top = breakdown.filter((f) => f.group!.intent !== OTHER).slice(0, TOP_TOPICS).map((f) => ({ intent: f.group!.intent!, value: f.value }))
        if (top.length) sentences.push(p.intentsMostCommon(top))
        const unnamed = breakdown.find((f) => f.group!.intent === OTHER)
        if (unnamed) sentences.push(p.unnamedIntents(unnamed.value, false))
      }
      const change = changeSentence(p, plan, figures)
      if (change) sentences.push(change)
      const theme = figures.find((f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')
      if (theme) sentences.push(themeGrewSentence(p, theme))
      const weeks = weekByWeekSentence(p, plan, figures)
      if (weeks) sentences.push(weeks)
      break
    }
  }
  const dominant = plan.kind !== 'compare' ? dominantIntents(p, citations) : undefined
  if (dominant && breakdown.length === 0) sentences.push(dominant)
  if (citations.length > 0) sentences.push(p.representative(quotes(p, citations)))
  return sentences.join(' ')
}

/** A comparison of two periods: the share of a feeling, the customers, and which topic moved most. */
function compareSentences(p: Phrases, req: AnswerRequest, opening: string, share: AskFigure | undefined, breakdown: AskFigure[]): string[] {
  const { plan, figures } = req
  const range = plan.timeRange
  const sentences: string[] = []
  // "Are customers happier than last month?": the share of the sentiment in either period answers it.
  const shareBefore = figures.find((f) => f.kind === 'share' && f.group?.period === 'previous')
  const shareSaid = share?.estimate && shareBefore?.estimate && plan.filters.sentiment
    ? p.shareMoved({
      sentiment: p.sentimentName(plan.filters.sentiment),
      what: p.what({ ...plan.filters, sentiment: undefined }),
      before: shareBefore.value,
      beforeEstimate: shareBefore.estimate,
      now: share.value,
      nowEstimate: share.estimate,
      previous: plan.previousRange,
      range,
      direction: share.value > shareBefore.value ? 'up' : share.value < shareBefore.value ? 'down' : 'unchanged',
      overlap: share.estimate.low <= shareBefore.estimate.high && shareBefore.estimate.low <= share.estimate.high,
    })
    : undefined
  if (shareSaid) sentences.push(shareSaid)
  sentences.push(opening)
  // The share answers how customers feel; the customers and messages of each period are left to the figures:
  // "Are customers happier this month than last month?" said the share fell, then that customers rose per day.
  const customers = shareSaid ? undefined : customersCompared(p, figures, plan)
  if (customers) sentences.push(customers)
  // The two periods' totals first, then what moved within them: "How did October compare to September?"
  // named the intents that grew and fell but never September's count.
  const totalsAt = sentences.length
  // Per day when the periods' lengths differ ("bug outage fell most: from 48 to 41" was a rise per day
  // over 19.5 days against 31), and only a move larger than the counts' own noise (twice the Poisson
  // standard deviation of the difference): "Complaint grew most: from 0 to 1" said nothing.
  const ratio = plan.previousRange ? lengthRatio(plan.timeRange, plan.previousRange) : 1
  const moved = breakdown.filter((f) => f.previousValue !== undefined).map((f) => {
    const before = f.previousValue ?? 0
    return { f, delta: f.value / ratio - before, noise: 2 * Math.sqrt(f.value / ratio ** 2 + before) }
  })
  const clear = moved.filter((m) => Math.abs(m.delta) > m.noise)
  const grew = clear.filter((m) => m.delta > 0).sort((a, b) => b.delta - a.delta)[0]
  const fell = clear.filter((m) => m.delta < 0).sort((a, b) => a.delta - b.delta)[0]
  const perDay = ratio === 1 || !plan.previousRange ? undefined : { range, days: daysIn(range), daysBefore: daysIn(plan.previousRange) }
  const theme = figures.find((f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')
  if (theme) sentences.push(themeGrewSentence(p, theme))
  const leader = figures.find((f) => f.kind === 'change' && f.group?.measure === 'growth')
  if (leader?.estimate && leader.value > 0) {
    const row = moved.find((m) => m.f.group?.intent === leader.group!.intent)
    sentences.push(p.leaderGrew({
      intent: leader.group!.intent!,
      ...(row ? { row: { before: row.f.previousValue ?? 0, now: row.f.value } } : {}),
      previous: plan.previousRange,
      range,
      change: leader.value,
      low: leader.estimate.low,
      high: leader.estimate.high,
      chance: Math.round(100 * (leader.probability ?? 0)),
    }))
  } else if (grew) sentences.push(p.grewMost({ intent: grew.f.group!.intent!, ...(perDay ? { perDay } : {}), previous: plan.previousRange, before: grew.f.previousValue ?? 0, now: grew.f.value, range }))
  // "No topic clearly grew" beside the theme that grew reads as a contradiction: the topics are the intents.
  else if (moved.length && !theme) sentences.push(p.noneGrew(plan.previousRange, perDay))
  // The sentence before it said whether the periods are compared per day.
  if (fell) sentences.push(p.fellMost(fell.f.group!.intent!, fell.f.previousValue ?? 0, fell.f.value))
  // The periods' lengths are said once: by the topic that grew, when it says them.
  const lengthsSaid = Boolean(perDay && !(leader?.estimate && leader.value > 0) && (grew || (moved.length && !theme)))
  const change = shareSaid ? undefined : changeSentence(p, plan, figures, Boolean(customers), lengthsSaid)
  if (change) sentences.splice(totalsAt, 0, change)
  return sentences
}

/** The theme that grew most, per week when the periods ran the weekly themes a different number of weeks. */
function themeGrewSentence(p: Phrases, theme: AskFigure): string {
  const g = theme.group!
  const weeks = Number(g.weeks ?? 1)
  return p.themeGrew({ theme: g.theme!, before: theme.previousValue ?? 0, now: theme.value, weeks, previousWeeks: Number(g.previousWeeks ?? weeks) })
}

/** How the messages felt, from the sentiment mix figures: "Of these, about 62% (…) were negative, about 8% (…) neutral and …". */
function mixSentence(p: Phrases, figures: AskFigure[]): string | undefined {
  const mix = SENTIMENT_CLASSES.flatMap((sentiment) => figures.filter((f) => f.kind === 'sentiment_mix' && f.group?.sentiment === sentiment))
  if (mix.length === 0) return undefined
  return p.mix(mix.map((f) => ({ value: f.value, ...(f.estimate ? { estimate: f.estimate } : {}), sentiment: p.sentimentName(f.group!.sentiment!) })))
}

/** The answer in the question's language (English when it is another or cannot be told). */
export function answerLocally(req: AnswerRequest): string {
  return answerIn(phrasesFor(req.question), req)
}

export function createLocalAnswerer(): AskAnswerer {
  return {
    mode: 'local',
    async answer(req) {
      return { answer: answerLocally(req), degraded: false }
    },
  }
}
