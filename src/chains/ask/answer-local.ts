// The local answer: a few sentences built only from the figures and the retrieved messages, so every
// number it states is a figure and every quote is a citation. No matching data → it says so.
import { CONFUSION_METHOD } from './confusion.ts'
import { durationText } from './care.ts'
import { MIN_RATE_MESSAGES } from './estimates.ts'
import { describeFilters } from './figures.ts'
import { groupName } from './group-names.ts'
import { isThemeBounds, isWidenedByTheme } from './theme-estimate.ts'
import { daysIn, lengthRatio } from './time.ts'
import { SENTIMENT_CLASSES, type AnswerRequest, type AskAnswerer, type AskCitation, type AskFigure, type FigureEstimate } from './types.ts'

const QUOTE_CHARS = 140
const OTHER = 'other'
const QUOTES = 3
const TOP_TOPICS = 3

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const topic = (intent: string) => intent.replace(/_/g, ' ')

export function quote(text: string, max = QUOTE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`
}

function quotes(citations: AskCitation[], n = QUOTES): string {
  return citations.slice(0, n).map((c) => `“${quote(c.text)}” [${c.n}]`).join('; ')
}

/**
 * Below this many messages before, a percentage says more about the small base than about the change:
 * app crash complaints were "up 9300% from 1".
 */
const MIN_PERCENT_BASE = 10

/** "in the previous period (…)", "in 1 Oct 2026 – 31 Oct 2026": a range's label after "in". */
const inPeriod = (label: string) => `in ${/^\d/.test(label) ? '' : 'the '}${label}`

/** Why two periods are compared per day: "as 1 Nov 2026 – 20 Nov 2026 has 19.5 days against 31". */
function lengthsText(label: string, now: { from: string; to: string }, before: { from: string; to: string }): string {
  return `as ${label} has ${daysIn(now)} days against ${daysIn(before)}`
}

/** "; compared per day, as 1 Nov 2026 – 20 Nov 2026 has 19.5 days against 31" when the periods' lengths differ. */
function perDayNote(now: AskFigure | undefined, before: AskFigure): string {
  return now ? `; compared per day, ${lengthsText(now.label.split(', ').slice(-1)[0]!, now, before)}` : ''
}

/**
 * The messages' change against the previous period. After the customers' comparison (`afterCustomers`),
 * which said why the periods are compared per day and whether the direction is certain, it says so briefly.
 */
function changeSentence(figures: AskFigure[], afterCustomers = false): string | undefined {
  const previous = figures.find((f) => f.kind === 'previous_count')
  if (!previous) return undefined
  const change = figures.find((f) => f.kind === 'change')
  const period = inPeriod(previous.label.split(', ').slice(-1)[0]!)
  const subject = afterCustomers ? 'Their messages are' : 'That is'
  if (!change) return `There were none ${period}.`
  const perDay = change.group?.measure !== 'per_day' ? '' : afterCustomers ? ', per day' : perDayNote(figures.find((f) => f.kind === 'count' && f.unit === 'messages'), previous)
  if (change.value === 0) return `${subject} unchanged from ${previous.value} ${period}${perDay}.`
  const direction = change.value > 0 ? 'up' : 'down'
  // Labels' doubt can exceed the change: then the sentence says which way it went without vouching for it.
  const overlap = change.estimate && change.estimate.low < 0 && change.estimate.high > 0
  const unsure = !overlap ? '' : afterCustomers ? '; not certain either' : "; the two periods' intervals overlap, so the direction is not certain"
  if (previous.value < MIN_PERCENT_BASE) return `${subject} ${direction} from ${previous.value} ${period}${perDay}${unsure}.`
  return `${subject} ${direction} ${Math.abs(change.value)}% from ${previous.value} ${period}${perDay}${unsure}.`
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

const weekName = (f: AskFigure) => `${f.group!.week}${f.group?.partial === 'true' ? ' (part of it)' : ''}`

/** Which weeks the range only cuts into, when they are left out of the comparison. */
function partialWeeksNote(series: AskFigure[], used: AskFigure[]): string {
  const left = series.filter((f) => f.group?.partial === 'true' && !used.includes(f)).map((f) => f.group!.week)
  return left.length ? `, whole weeks (${left.join(' and ')} ${left.length === 1 ? 'is' : 'are'} only partly in the range)` : ''
}

/** When two estimated figures' intervals overlap, which way they moved is not certain: said so, not vouched for. */
function overlapNote(a: AskFigure, b: AskFigure, which: string): string {
  if (!a.estimate || !b.estimate || a.value === b.value) return ''
  return a.estimate.low <= b.estimate.high && b.estimate.low <= a.estimate.high ? `; ${which}' intervals overlap, so the direction is not certain` : ''
}

/** The intents that dominate the cited messages: what the retrieved set is mostly about. */
function dominantIntents(citations: AskCitation[]): string | undefined {
  const counts = new Map<string, number>()
  for (const c of citations) if (c.intent) counts.set(c.intent, (counts.get(c.intent) ?? 0) + 1)
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2)
  if (top.length === 0) return undefined
  return `The cited messages are mostly about ${top.map(([k, n]) => `${topic(k)} (${n} of ${citations.length})`).join(' and ')}.`
}

const dayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/**
 * "95% interval 35–50"; for a theme's count "between 35 and 50" (bounds on what clustering may have got
 * wrong, not a probability); for labels counted within a theme, both said.
 */
export function intervalText(estimate: FigureEstimate): string {
  if (isThemeBounds(estimate)) return `between ${estimate.low} and ${estimate.high}`
  if (isWidenedByTheme(estimate)) return `between ${estimate.low} and ${estimate.high}: the labels' 95% interval widened by what the theme's clustering may have got wrong`
  return `95% interval ${estimate.low}–${estimate.high}`
}

/** "about 42 (95% interval 35–50, estimated from classifier labels)" or "42 (exact count)". */
export function figureText(f: AskFigure): string {
  if (f.estimate && isThemeBounds(f.estimate)) {
    return `about ${f.value} (counted among the messages the weekly theme runs put in the theme; ${intervalText(f.estimate)}: the low bound counts only those whose conversation names the theme's words, the high one adds messages clustering may have missed)`
  }
  if (f.estimate) {
    // Say which estimate it is: corrected for the classifier's errors measured on people's labels, or the classifier's own.
    const how = f.estimate.method.startsWith(CONFUSION_METHOD.split(':')[0]!)
      ? 'people’s labels counted exactly, the rest estimated from classifier labels corrected for their measured errors'
      : 'estimated from classifier labels'
    return `about ${f.value} (${how}, ${intervalText(f.estimate)})`
  }
  return `${f.value}`
}

/**
 * "That is about 53% (95% interval 21–100%) of the about 55 customer messages about billing." A share of
 * estimated counts carries its interval as the counts do: 12.3% of negative messages was 5–49%.
 */
function shareSentence(share: AskFigure, base: AskFigure): string {
  const of = `${base.estimate ? 'about ' : ''}${base.value} ${base.label.replace(/^all /, '').split(', ')[0]}`
  if (!share.estimate) return `That is ${share.value}% of the ${of}.`
  return `That is about ${share.value}% (95% interval ${share.estimate.low}–${share.estimate.high}%) of the ${of}.`
}

function minutesText(m: number): string {
  if (m < 90) return `${Math.round(m)} min`
  if (m < 48 * 60) return `${Math.round(m / 6) / 10} h`
  return `${Math.round(m / 144) / 10} days`
}

/** Sentences any answerer's text starts with: a question that could not be mapped, a theme matched, data that ends before the range. */
export function prefaceOf(req: Pick<AnswerRequest, 'plan' | 'dataEndsAt' | 'suggestedRange' | 'dataStartsAt'>): string {
  const { plan } = req
  const out: string[] = []
  if (plan.notComputed) out.push(`This question asks for ${plan.notComputed}, which no figure here computes, so it cannot be answered as asked; I understood: ${plan.understoodAs ?? plan.kind}. What follows is what can be counted, not an answer.`)
  else if (plan.understood === false) out.push(`I could not map this question to a figure I can compute; I understood: ${plan.understoodAs ?? plan.kind}. What follows is a search of the messages, not an answer.`)
  if (plan.periodAssumed) out.push(`No period was named: ${plan.timeRange.label} is compared with the week before, as the weekly theme report does.`)
  if (plan.unplacedTime) out.push(`"${plan.unplacedTime}" names no date I can read: the figures cover ${plan.timeRange.label}${plan.kind === 'trend' ? ', week by week' : ''}.`)
  if (plan.notNarrowedBy && plan.filters.intent) {
    // The share below is the intent's, not the part the question asked about: say so before it.
    out.push(`"${plan.notNarrowedBy}" is not counted apart: the figures are for every ${plan.filters.intent.replace(/_/g, ' ')} message.`)
  } else if (plan.notNarrowedBy && plan.kind === 'rank') {
    // A kind of message ranked by subject: its intent is the kind, so the subjects are of every message.
    out.push(`A message's intent is its subject or its kind ("${plan.notNarrowedBy}"), not both, so the ranking below is of the subjects of every customer message, not of the ${plan.notNarrowedBy} messages alone.`)
  }
  if (plan.themeMatched) {
    const labels = plan.themeMatched.split(' | ').map((l) => (/^\+\d+ more$/.test(l) ? l.replace(/^\+/, '') : `"${l}"`))
    out.push(`"${plan.filters.theme}" matched the weekly themes ${labels.join(', ')}: the figures count their messages.`)
  }
  if (req.dataEndsAt && req.suggestedRange) {
    out.push(`There is no data for ${plan.timeRange.label}: this workspace's data ends on ${dayFmt.format(new Date(req.dataEndsAt))}. Ask about ${req.suggestedRange.label} instead (the same length, ending there).`)
  }
  if (req.dataStartsAt && plan.previousRange) {
    out.push(`This workspace's data starts on ${dayFmt.format(new Date(req.dataStartsAt))}, so ${plan.previousRange.label} is only partly covered: a change against it is not a real change.`)
  }
  return out.join(' ')
}

/** A range's label inside brackets: "(this month: 1 Nov 2026 – 12 Nov 2026)", not "(this month (1 Nov 2026 – 12 Nov 2026))". */
function bracketed(label: string): string {
  return label.replace(/ \((.+)\)$/, ': $1')
}

const UNANSWERED_ASKED = /unanswered|never (?:got )?(?:an? )?(?:answer|repl)|sans r[ée]ponse|unbeantwortet|sin respuesta|sem resposta/iu

/** "x 30, chat 20, email 9": one measure's per-channel figures, most first; empty for a single channel. */
function channelCounts(figures: AskFigure[], measure: string): string {
  const list = figures.filter((f) => f.group?.measure === measure && f.group.channel)
  return list.length > 1 ? list.map((f) => `${f.group!.channel} ${f.value}`).join(', ') : ''
}

function careAnswer(req: AnswerRequest): string {
  const { plan, figures } = req
  const range = plan.timeRange.label
  const started = figures.find((f) => f.kind === 'count' && f.unit === 'conversations' && !f.group)
  const awaiting = figures.find((f) => f.kind === 'awaiting_reply')
  const unanswered = figures.find((f) => f.group?.measure === 'unanswered' && !f.group.channel)
  const complaints = figures.find((f) => f.group?.measure === 'unanswered_complaints')
  if (!started || started.value === 0) return `No conversations started in ${range}, so there is nothing to measure.`
  const out: string[] = []
  if (plan.kind === 'awaiting') {
    const byChannel = channelCounts(figures, 'awaiting')
    out.push(`${awaiting?.value ?? 0} of ${started.value} conversations (${bracketed(range)}) are still waiting for a reply: their last message is the customer's (exact count${byChannel ? `; ${byChannel}` : ''}).`)
  } else {
    const median = figures.find((f) => f.kind === 'response_time' && f.group?.measure === 'median' && !f.group.channel)
    const p90 = figures.find((f) => f.kind === 'response_time' && f.group?.measure === 'p90' && !f.group.channel)
    const within = figures.find((f) => f.group?.measure === 'answered_within' && !f.group.channel)
    if (median && p90) out.push(`Median first-response time was ${minutesText(median.value)} (90th percentile ${minutesText(p90.value)}) over ${started.value} conversations, ${range}; exact, from message timestamps.`)
    else out.push(`None of the ${started.value} conversations (${bracketed(range)}) got an agent reply.`)
    // Slowest first: "which channel is slowest / fastest" is then the first / last name of the list.
    const perChannel = figures.filter((f) => f.kind === 'response_time' && f.group?.measure === 'median' && f.group.channel)
      .sort((a, b) => b.value - a.value).map((f) => `${f.group!.channel} ${minutesText(f.value)}`)
    if (perChannel.length > 1) out.push(`By channel (median, slowest first): ${perChannel.join(', ')}.`)
    if (within) out.push(`${within.value}% were answered within ${durationText(Number(within.group!.minutes))}.`)
  }
  if (unanswered) {
    const byChannel = channelCounts(figures, 'unanswered')
    const sentence = `${unanswered.value} never got an agent reply (exact${byChannel ? `; ${byChannel}` : ''})${complaints ? `, of which ${figureText(complaints)} opened with a complaint` : ''}.`
    // Asked about unanswered conversations, that is the answer: it goes first, before the response times.
    if (UNANSWERED_ASKED.test(req.question)) out.unshift(sentence)
    else out.push(sentence)
  }
  return out.join(' ')
}

/** "How many customers …": the estimated conversations behind the messages, when labels decide them. */
function customersSentence(figures: AskFigure[], sentiment: string | undefined): string | undefined {
  const conversations = figures.find((f) => f.kind === 'count' && f.unit === 'conversations' && f.estimate)
  if (!conversations?.estimate) return undefined
  const interval = intervalText(conversations.estimate)
  if (sentiment !== 'negative') return `They came from about ${conversations.value} conversations (${interval}).`
  const reports = /neutral one reporting a problem/.test(conversations.estimate.method) ? '; a complaint is a negative message, or a neutral one reporting the problem' : ''
  // Customers who complained outnumber the negative messages when neutral reports count: say so rather than let the two figures clash.
  const messages = figures.find((f) => f.kind === 'count' && f.unit === 'messages')
  const more = reports && messages && conversations.value > messages.value ? ', so they outnumber the negative messages' : ''
  return `About ${conversations.value} customers complained (${interval}${reports}${more}).`
}

/**
 * "Did delivery complaints go up in October?": the customers who complained in each period, and which
 * way it went; when the two intervals overlap the direction is not certain and the answer says so.
 */
function customersCompared(figures: AskFigure[], plan: AnswerRequest['plan']): string | undefined {
  const now = figures.find((f) => f.kind === 'count' && f.unit === 'conversations' && f.estimate)
  const before = figures.find((f) => f.kind === 'previous_count' && f.unit === 'conversations' && f.estimate)
  if (!now?.estimate || !before?.estimate) return undefined
  // "About 93 customers wrote in this month" counted those who wrote a positive message.
  const who = plan.filters.sentiment === 'negative' ? 'customers complained' : plan.filters.sentiment ? `customers wrote a ${plan.filters.sentiment} message` : 'customers wrote'
  // Periods of different lengths are compared per day (lengthRatio): their counts and intervals scaled to the earlier one's length.
  const ratio = plan.previousRange ? lengthRatio(plan.timeRange, plan.previousRange) : 1
  const [value, low, high] = [now.value, now.estimate.low, now.estimate.high].map((n) => n / ratio) as [number, number, number]
  const direction = Math.round(value) === before.value ? 'about the same' : value > before.value ? 'up' : 'down'
  const overlap = low <= before.estimate.high && before.estimate.low <= high
  const perDay = ratio === 1 || !plan.previousRange ? '' : ` per day, ${lengthsText(plan.timeRange.label, plan.timeRange, plan.previousRange)}`
  const sure = direction === 'about the same' ? '' : overlap ? "; the two periods' intervals overlap, so the direction is not certain" : ''
  const period = plan.previousRange?.label.replace(/^previous period \((.*)\)$/, '$1') ?? 'the previous period'
  return `About ${now.value} ${who} in ${plan.timeRange.label} (${intervalText(now.estimate)}), against about ${before.value} in ${period} (${intervalText(before.estimate)}): ${direction}${perDay}${sure}.`
}

/**
 * "By channel, the negative share is highest on instagram: about 52.3% (95% interval 36–74%) of its 172
 * customer messages. Then …": each group's rate of its own messages, and whether the first is clearly first.
 */
function rateAnswer(req: AnswerRequest, rows: AskFigure[]): string {
  const { plan, figures } = req
  const dimension = Object.keys(rows[0]!.group ?? {})[0]!
  const baseOf = (f: AskFigure) => figures.find((g) => g.kind === 'count' && g.group?.[dimension] === f.group?.[dimension])
  // An intent's own count is estimated too: "of its about 160 customer messages".
  const base = (f: AskFigure) => `${baseOf(f)?.estimate ? 'about ' : ''}${baseOf(f)?.value}`
  const byConversation = baseOf(rows[0]!)?.unit === 'conversations'
  const intent = plan.filters.intent ? ` about ${topic(plan.filters.intent)}` : ''
  const what = byConversation ? `conversations with a complaint${intent}` : `customer messages that are ${[plan.filters.sentiment, intent.trim()].filter(Boolean).join(' and ')}`
  const of = byConversation ? 'conversations with customer messages' : 'customer messages'
  const [first, ...rest] = rows
  const highest = plan.ascending ? 'lowest' : 'highest'
  const name = (f: AskFigure) => groupName(dimension, f.group![dimension]!)
  const rate = (f: AskFigure) => `about ${f.value}% (${intervalText(f.estimate!)}%) of its ${base(f)} ${of}`
  const on = dimension === 'channel' ? 'on' : dimension === 'language' ? 'in' : 'for'
  const out = [`By ${dimension}, the share of ${what} is ${rows.length > 1 ? `${highest} ${on}` : 'for'} ${name(first!)} (${bracketed(plan.timeRange.label)}): ${rate(first!)}.`]
  if (rest.length) out.push(`Then ${rest.map((f) => `${name(f)} (about ${f.value}% of ${base(f)})`).join(', ')}.`)
  const second = rest[0]
  if (second?.estimate && first!.estimate && first!.estimate.low <= second.estimate.high && second.estimate.low <= first!.estimate.high) {
    out.push(`The intervals of ${name(first!)} and ${name(second)} overlap, so neither is clearly ${highest}.`)
  }
  if (byConversation) out.push('A complaint is a negative message, or a neutral one reporting a problem; a conversation counts once however many messages it has.')
  const fewer = baseOf(first!)?.estimate ? `that may have fewer than ${MIN_RATE_MESSAGES} messages` : `with fewer than ${MIN_RATE_MESSAGES} messages`
  out.push(`Shares are estimated from classifier labels, with 95% intervals; ${/^[aeiou]/.test(dimension) ? 'an' : 'a'} ${dimension} ${fewer} is not ranked.`)
  return out.join(' ')
}

/** A figure per day it occurs, as the answer writes it: "12.3". */
const perDay = (f: AskFigure) => Math.round((10 * f.value) / Math.max(1, Number(f.group!.days))) / 10

/**
 * "By weekday (UTC), Monday has the most customer messages (…): 187 on 12 Mondays, 15.6 a day. Then …":
 * each weekday or hour per day it occurs in the period the data covers, as the figures were ranked.
 */
function slotRankAnswer(req: AnswerRequest, rows: AskFigure[], dimension: 'weekday' | 'hour'): string {
  const { plan } = req
  const what = describeFilters(plan.filters)
  const name = (f: AskFigure) => groupName(dimension, f.group![dimension]!)
  const about = (f: AskFigure) => (f.estimate ? 'about ' : '')
  const days = (f: AskFigure) => plural(Number(f.group!.days), dimension === 'weekday' ? name(f) : 'day')
  const [first, ...rest] = rows
  const slot = dimension === 'weekday' ? 'weekday' : 'hour of the day'
  const out = [
    `By ${slot} (UTC), ${name(first!)} has the ${plan.ascending ? 'fewest' : 'most'} ${what} (${bracketed(plan.timeRange.label)}): ${figureText(first!)} on ${days(first!)}, ${about(first!)}${perDay(first!)} a day.`,
  ]
  if (rest.length) out.push(`Then ${rest.slice(0, (plan.top ?? (dimension === 'weekday' ? 7 : 5)) - 1).map((f) => `${name(f)} (${about(f)}${perDay(f)} a day)`).join(', ')}.`)
  const counts = rows.map((f) => Number(f.group!.days))
  const [fewest, most] = [Math.min(...counts), Math.max(...counts)]
  if (fewest !== most) out.push(`Each is compared per day, as the period the data covers has ${fewest} to ${most} of each.`)
  out.push(rows.some((f) => f.estimate) ? 'These counts are estimates from classifier labels, with 95% intervals in the figures; times are UTC.' : 'These are exact counts from message timestamps, in UTC.')
  return out.join(' ')
}

function rankAnswer(req: AnswerRequest): string {
  const { plan, figures } = req
  const rows = figures.filter((f) => f.kind === 'breakdown')
  const what = describeFilters(plan.filters)
  if (rows.length === 0) return `No ${what} match this question for ${plan.timeRange.label}, so there is nothing to rank.`
  if (rows[0]!.unit === 'percent') return rateAnswer(req, rows)
  const dimension = Object.keys(rows[0]!.group ?? {})[0] ?? plan.groupBy
  if ((dimension === 'weekday' || dimension === 'hour') && rows[0]!.group!.days) return slotRankAnswer(req, rows, dimension)
  // "other" is "no specific intent": not an answer to "what do they complain about most".
  const named = rows.filter((f) => f.group?.intent !== OTHER)
  const unnamed = rows.find((f) => f.group?.intent === OTHER)
  const [first] = named.length ? named : rows
  const name = (f: AskFigure) => groupName(dimension!, Object.values(f.group ?? {})[0] ?? '')
  const estimated = rows.some((f) => f.estimate)
  // A ranking of complaints by theme counts customers (conversations), not their messages.
  const byCustomers = first!.unit === 'conversations'
  const most = byCustomers ? 'complaints' : what
  const out = [`By ${dimension}, ${name(first!)} has the ${plan.ascending ? 'fewest' : 'most'} ${most} (${bracketed(plan.timeRange.label)}): ${byCustomers ? 'customers who complained, ' : ''}${figureText(first!)}.`]
  const rest = named.filter((f) => f !== first).slice(0, (plan.top ?? 5) - 1)
  if (rest.length) out.push(`Then ${rest.map((f) => `${name(f)} (${f.estimate ? `about ${f.value}` : f.value})`).join(', ')}.`)
  if (unnamed && named.length) out.push(`About ${unnamed.value} matched no specific intent.`)
  out.push(estimated ? 'These counts are estimates from classifier labels, with 95% intervals in the figures.' : 'These are exact counts from message metadata.')
  if (plan.groupBy === 'theme' && dimension !== 'theme') out.push('Themes are ranked by the intents under them until themes carry their messages.')
  if (byCustomers) out.push('A complaint is a negative message, or a neutral one reporting a problem; a customer counts once however many messages they wrote.')
  return out.join(' ')
}

export function answerLocally(req: AnswerRequest): string {
  const { plan, figures, citations } = req
  if (plan.kind === 'awaiting' || plan.kind === 'response_time') return careAnswer(req)
  if (plan.kind === 'rank') return rankAnswer(req)
  const range = plan.timeRange.label
  const what = describeFilters(plan.filters)
  const count = figures.find((f) => f.kind === 'count' && f.unit === 'messages')
  const total = count?.value ?? 0
  if (total === 0) {
    const previous = figures.find((f) => f.kind === 'previous_count')
    const before = previous && previous.value > 0 ? ` (there were ${previous.value} in the ${previous.label.split(', ').slice(-1)[0]})` : ''
    // A period without any message is a gap in the data, not a period in which none of them was negative.
    // Only the count of every customer message says so: none mentioning "gets" is not a gap ("There are no customer messages at all for all time").
    const none = figures.some((f) => f.kind === 'count' && f.label.startsWith('all ') && Object.values(f.filters).every((v) => v === undefined) && f.value === 0 && f.exact)
    if (none && what !== 'customer messages') return `There are no customer messages at all for ${range}: the data has nothing for that period, which says nothing about ${what}${before}; nothing is counted or quoted.`
    return `No ${what} match this question for ${range}${before}, so the data cannot answer it; nothing is counted or quoted.`
  }
  const sentences: string[] = []
  const share = figures.find((f) => f.kind === 'share')
  const base = figures.find((f) => f.kind === 'count' && f.label.startsWith('all '))
  const breakdown = figures.filter((f) => f.kind === 'breakdown')
  const opening = count?.estimate
    ? `There were ${figureText(count)} ${what} (${bracketed(range)}).`
    : `There ${total === 1 ? 'was' : 'were'} ${plural(total, what.replace(/ messages/, ' message'), what)} (${bracketed(range)}; ${count?.exact ? 'exact count from metadata' : 'counted among the messages the weekly theme runs put in the theme'}).`

  switch (plan.kind) {
    case 'count': {
      sentences.push(opening)
      const customers = customersSentence(figures, plan.filters.sentiment)
      if (customers) sentences.push(customers)
      // Asked of customers, the share is of their conversations: say that one, the messages' one is in the figures.
      const ofCustomers = plan.countsCustomers ? figures.find((f) => f.kind === 'share' && f.group?.measure === 'conversations') : undefined
      if (ofCustomers?.estimate) sentences.push(`That is about ${ofCustomers.value}% (${intervalText(ofCustomers.estimate)}%) of the ${ofCustomers.label.split(' as a share of the ')[1]}.`)
      else if (share && base) sentences.push(shareSentence(share, base))
      const change = changeSentence(figures)
      if (change) sentences.push(change)
      break
    }
    case 'trend': {
      const volume = figures.filter((f) => f.kind === 'series' && f.group?.measure === 'volume')
      const negative = figures.filter((f) => f.kind === 'series' && f.group?.measure === 'negative_share')
      sentences.push(opening)
      if (volume.length >= 2) {
        const [first, last] = endWeeks(volume)
        const roughly = first.estimate ? 'about ' : ''
        sentences.push(`Weekly volume went from ${roughly}${first.value} in ${weekName(first)} to ${roughly}${last.value} in ${weekName(last)}${partialWeeksNote(volume, [first, last])}${overlapNote(first, last, 'the two weeks')}.`)
        if (negative.length >= 2) {
          const [nf, nl] = endWeeks(negative)
          const of = plan.filters.sentiment ? ` of ${describeFilters({ ...plan.filters, sentiment: undefined })}` : ''
          const about = nf.estimate ? 'about ' : ''
          sentences.push(`The negative share${of} moved from ${about}${nf.value}% to ${about}${nl.value}%${overlapNote(nf, nl, 'the two weeks')}.`)
        }
      }
      const mix = figures.find((f) => f.kind === 'sentiment_mix' && f.group?.sentiment === 'negative')
      if (mix) {
        const share = mix.estimate ? `about ${mix.value}% (${intervalText(mix.estimate)}%)` : `${mix.value}%`
        sentences.push(`Over the whole period ${share} were negative${mix.previousValue !== undefined ? `, against about ${mix.previousValue}% in the previous period` : ''}.`)
      }
      else {
        const change = changeSentence(figures)
        if (change) sentences.push(change)
      }
      break
    }
    case 'compare': {
      // "Are customers happier than last month?": the share of the sentiment in either period answers it.
      const shareBefore = figures.find((f) => f.kind === 'share' && f.group?.period === 'previous')
      if (share?.estimate && shareBefore?.estimate && plan.filters.sentiment) {
        const rate = (f: AskFigure) => `about ${f.value}% (${intervalText(f.estimate!)}%)`
        const direction = share.value > shareBefore.value ? 'up' : share.value < shareBefore.value ? 'down' : 'unchanged'
        const overlap = share.estimate.low <= shareBefore.estimate.high && shareBefore.estimate.low <= share.estimate.high
        sentences.push(
          `The ${plan.filters.sentiment} share of ${describeFilters({ ...plan.filters, sentiment: undefined })} went from ${rate(shareBefore)} ${inPeriod(plan.previousRange?.label ?? 'previous period')} to ${rate(share)} ${inPeriod(range)}: ${direction}` +
            `${overlap && direction !== 'unchanged' ? "; the two periods' intervals overlap, so the direction is not certain" : ''}.`,
        )
      }
      sentences.push(opening)
      const customers = customersCompared(figures, plan)
      if (customers) sentences.push(customers)
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
      const perDay = ratio === 1 || !plan.previousRange ? '' : ` per day (${lengthsText(plan.timeRange.label, plan.timeRange, plan.previousRange).replace(/^as /, '')})`
      const period = plan.previousRange?.label ?? 'the previous period'
      const theme = figures.find((f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')
      if (theme) sentences.push(`The theme that grew most is "${theme.group!.theme}": ${theme.previousValue} → ${theme.value} messages (from the weekly theme runs).`)
      const leader = figures.find((f) => f.kind === 'change' && f.group?.measure === 'growth')
      if (leader?.estimate && leader.value > 0) {
        const row = moved.find((m) => m.f.group?.intent === leader.group!.intent)
        const chance = Math.round(100 * (leader.probability ?? 0))
        sentences.push(
          `${capitalise(topic(leader.group!.intent!))} most likely grew most${row ? `: from about ${row.f.previousValue} in ${period} to about ${row.f.value} in ${range}` : ''}` +
            ` (a change of about ${leader.value}, 95% interval ${leader.estimate.low} to ${leader.estimate.high}; the largest change in ${chance}% of resamples${chance < 50 ? ', so not clearly ahead of the others' : ''}).`,
        )
      } else if (grew) sentences.push(`${capitalise(topic(grew.f.group!.intent!))} grew most${perDay}: from ${grew.f.previousValue} in ${period} to ${grew.f.value} in ${range}.`)
      else if (moved.length) sentences.push(`No topic clearly grew against ${period}${perDay}.`)
      // The sentence before it said whether the periods are compared per day.
      if (fell) sentences.push(`${capitalise(topic(fell.f.group!.intent!))} fell most: from ${fell.f.previousValue} to ${fell.f.value}.`)
      if (!grew && !fell) {
        const change = changeSentence(figures, Boolean(customers))
        if (change) sentences.push(change)
      }
      break
    }
    case 'examples': {
      sentences.push(`${plural(citations.length, 'example')} of the ${total} ${what} in ${range}: ${quotes(citations, citations.length)}.`)
      return sentences.join(' ')
    }
    case 'why': {
      sentences.push(opening)
      // "What's the sentiment on WhatsApp this month?" listed intents and never said how customers felt.
      const mix = mixSentence(figures)
      if (mix) sentences.push(mix)
      if (breakdown.length > 0) {
        const named = breakdown.filter((f) => f.group!.intent !== 'other')
        const top = named.slice(0, TOP_TOPICS).map((f) => `${topic(f.group!.intent!)} (${f.value})`)
        if (top.length) sentences.push(`The most common intents were ${top.join(', ')}.`)
        const unnamed = breakdown.find((f) => f.group!.intent === 'other')
        if (unnamed) sentences.push(`${unnamed.value} matched no specific intent.`)
      }
      const change = changeSentence(figures)
      if (change) sentences.push(change)
      break
    }
  }
  const dominant = plan.kind !== 'compare' ? dominantIntents(citations) : undefined
  if (dominant && breakdown.length === 0) sentences.push(dominant)
  if (citations.length > 0) sentences.push(`Representative messages: ${quotes(citations)}.`)
  return sentences.join(' ')
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** How the messages felt, from the sentiment mix figures: "Of these, about 62% (…) were negative, about 8% (…) neutral and …". */
function mixSentence(figures: AskFigure[]): string | undefined {
  const mix = SENTIMENT_CLASSES.flatMap((sentiment) => figures.filter((f) => f.kind === 'sentiment_mix' && f.group?.sentiment === sentiment))
  if (mix.length === 0) return undefined
  const parts = mix.map((f, i) => `${f.estimate ? `about ${f.value}% (${intervalText(f.estimate)}%)` : `${f.value}%`} ${i === 0 ? 'were ' : ''}${f.group!.sentiment}`)
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]
  return `Of these, ${listed} (estimated from the sentiment labels).`
}

export function createLocalAnswerer(): AskAnswerer {
  return {
    mode: 'local',
    async answer(req) {
      return { answer: answerLocally(req), degraded: false }
    },
  }
}
