// The local answer's sentences in English: the plan's own range labels, numbers as they are.
import { describeFilters, durationText } from '../labels/en.ts'
import { groupName } from '../group-names.ts'
import { isThemeBounds, isWidenedByTheme } from '../theme-estimate.ts'
import { listIn } from './shared.ts'
import type { PerDay, Phrases, Unsure } from './types.ts'
import type { TimeRange } from '../types.ts'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const dayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
/** "the previous period (…)", "the past 8 weeks", "this month (…)", "1 Oct 2026 – 31 Oct 2026". */
const thePeriod = (range: TimeRange) => `${/^(?:previous|last|past)\b/.test(range.label) ? 'the ' : ''}${range.label}`
/** "in the previous period (…)", "in this month (…)", "in 1 Oct 2026 – 31 Oct 2026", "since 3 Nov 2026". */
const inPeriod = (range: TimeRange) => `${/^since\b/.test(range.label) ? '' : 'in '}${thePeriod(range)}`
const lengths = (range: TimeRange, days: number, before: number) => `as ${range.label} has ${days} days against ${before}`
const perDayText = (p: PerDay) => (p.kind === 'none' ? '' : p.kind === 'short' ? ', per day' : `; compared per day, ${lengths(p.range, p.days, p.daysBefore)}`)
const unsureText = (u: Unsure) => (u === 'none' ? '' : u === 'short' ? '; not certain either' : "; the two periods' intervals overlap, so the direction is not certain")
const about = (yes: boolean) => (yes ? 'about ' : '')
const topic = (intent: string) => intent.replace(/_/g, ' ')
const previousName = (range: TimeRange | undefined) => (range ? thePeriod(range) : 'the previous period')

/** Why customers who complained can outnumber the negative messages, said wherever both are counted. */
const COMPLAINT_COUNTS = '; a complaint is a negative message, or a neutral one reporting the problem'
const SO_OUTNUMBER = ', so they outnumber the negative messages'

export const en: Phrases = {
  locale: 'en-GB',
  num: (n) => String(n),
  pct: (n) => `${n}%`,
  list: listIn('en-GB'),
  quoted: (text, n) => `“${text}” [${n}]`,

  period: (range) => range.label,
  inPeriod,
  // "(this month: 1 Nov 2026 – 12 Nov 2026)", not "(this month (1 Nov 2026 – 12 Nov 2026))".
  periodInBrackets: (range) => range.label.replace(/ \((.+)\)$/, ': $1'),
  day: (iso) => dayFmt.format(new Date(iso)),
  lengths,

  what: (filters, noun = 'messages') => describeFilters(filters, { noun }),
  intentName: topic,
  groupName,
  dimensionName: (dimension) => dimension,
  sentimentName: (sentiment) => sentiment,
  minutes(m) {
    if (m < 90) return `${Math.round(m)} min`
    if (m < 48 * 60) return `${Math.round(m / 6) / 10} h`
    return `${Math.round(m / 144) / 10} days`
  },
  threshold: durationText,

  interval(estimate) {
    if (isThemeBounds(estimate)) return `between ${estimate.low} and ${estimate.high}`
    if (isWidenedByTheme(estimate)) return `between ${estimate.low} and ${estimate.high}: the labels' 95% interval widened by what the theme's clustering may have got wrong`
    return `95% interval ${estimate.low}–${estimate.high}`
  },
  figure(f) {
    if (f.kind === 'exact') return `${f.value}`
    if (f.kind === 'theme') {
      return `about ${f.value} (counted among the messages the weekly theme runs put in the theme; between ${f.low} and ${f.high}: the low bound counts only those whose conversation names the theme's words, the high one adds messages clustering may have missed)`
    }
    // Say which estimate it is: corrected for the classifier's errors measured on people's labels, or the classifier's own.
    const how = f.corrected ? 'people’s labels counted exactly, the rest estimated from classifier labels corrected for their measured errors' : 'estimated from classifier labels'
    return `about ${f.value} (${how}, ${en.interval(f.estimate)})`
  },

  notComputed: (measure, understoodAs) =>
    `This question asks for ${measure}, which no figure here computes, so it cannot be answered as asked; I understood: ${understoodAs}. What follows is what can be counted, not an answer.`,
  notUnderstood: (understoodAs) => `I could not map this question to a figure I can compute; I understood: ${understoodAs}. What follows is a search of the messages, not an answer.`,
  periodAssumed: (range) => `No period was named: ${range.label} is compared with the week before, as the weekly theme report does.`,
  eventRead: (theme, range) => {
    const weeks = range.label.includes('–') ? 'weeks' : 'week'
    return `No dates were named: the ${weeks} of the weekly theme "${theme}" (${range.label}) ${weeks === 'week' ? 'is' : 'are'} compared with the ${weeks} before, over all the messages the question names.`
  },
  recentRead: (words, range) => `"${words}" names no dates: it is read as ${thePeriod(range)}.`,
  unplacedTime: (words, range, weekly) => `"${words}" names no date I can read: the figures cover ${range.label}${weekly ? ', week by week' : ''}.`,
  notNarrowedIntent: (words, intent) => `"${words}" is not counted apart: the figures are for every ${topic(intent)} message.`,
  notNarrowedKind: (kind) =>
    `A message's intent is its subject or its kind ("${kind}"), not both, so the ranking below is of the subjects of every customer message, not of the ${kind} messages alone.`,
  rankedByTheme: (intent) => `A message has one intent, so the messages about ${topic(intent)} are not ranked by intent: they are ranked by the weekly themes they fall in.`,
  themeMatched: (theme, labels) => `"${theme}" matched the weekly themes ${labels.map((l) => ('more' in l ? `${l.more} more` : `"${l.label}"`)).join(', ')}: the figures count their messages.`,
  noDataFor: (range, endsAt, suggested) =>
    `There is no data for ${range.label}: this workspace's data ends on ${en.day(endsAt)}. Ask about ${suggested.label} instead (the same length, ending there).`,
  dataStartsAt: (startsAt, previous) => `This workspace's data starts on ${en.day(startsAt)}, so ${previous.label} is only partly covered: a change against it is not a real change.`,

  noMessagesAtAll: (range, what, before) =>
    `There are no customer messages at all for ${range.label}: the data has nothing for that period, which says nothing about ${what}${before ? ` (there were ${before.value} in the ${before.range.label})` : ''}; nothing is counted or quoted.`,
  noMatch: (what, range, before) =>
    `No ${what} match this question for ${range.label}${before ? ` (there were ${before.value} in the ${before.range.label})` : ''}, so the data cannot answer it; nothing is counted or quoted.`,
  openingEstimated: (figure, what, range) => `There were ${figure} ${what} (${en.periodInBrackets(range)}).`,
  openingCounted: (total, what, range, how) =>
    `There ${total === 1 ? 'was' : 'were'} ${plural(total, what.replace(/ messages/, ' message'), what)} (${en.periodInBrackets(range)}; ${how === 'exact' ? 'exact count from metadata' : 'counted among the messages the weekly theme runs put in the theme'}).`,
  customersFrom: (value, estimate) => (estimate ? `They came from about ${value} conversations (${en.interval(estimate)}).` : `They came from ${plural(value, 'conversation', 'conversations')} (exact).`),
  customersComplained: (value, estimate, reports, outnumber) =>
    `About ${value} customers complained (${en.interval(estimate)}${reports ? COMPLAINT_COUNTS : ''}${reports && outnumber ? SO_OUTNUMBER : ''}).`,
  shareOf(value, estimate, base) {
    const of = `${about(base.estimated)}${base.value} ${base.what}`
    if (!estimate) return `That is ${value}% of the ${of}.`
    return `That is about ${value}% (95% interval ${estimate.low}–${estimate.high}%) of the ${of}.`
  },
  customersShare: (value, estimate, conversations, what) => `That is about ${value}% (${en.interval(estimate)}%) of the ${conversations} conversations with ${what}.`,

  changeNone: (previous) => `There were none ${inPeriod(previous)}.`,
  changeUnchanged: (their, before, previous, perDay) => `${their ? 'Their messages are' : 'That is'} unchanged from ${before} ${inPeriod(previous)}${perDayText(perDay)}.`,
  changeMoved: (their, up, percent, before, previous, perDay, unsure) =>
    `${their ? 'Their messages are' : 'That is'} ${up ? 'up' : 'down'}${percent === undefined ? '' : ` ${percent}%`} from ${before} ${inPeriod(previous)}${perDayText(perDay)}${unsureText(unsure)}.`,

  customersCompared(c) {
    const who = c.who === 'complained' ? 'customers complained' : c.who === 'wrote' ? 'customers wrote' : `customers wrote a ${c.who.sentiment} message`
    const direction = c.direction === 'same' ? 'about the same' : c.direction
    const perDay = c.perDay ? ` per day, ${lengths(c.range, c.perDay.days, c.perDay.daysBefore)}` : ''
    const sure = c.direction !== 'same' && c.overlap ? "; the two periods' intervals overlap, so the direction is not certain" : ''
    const period = c.previous?.label.replace(/^previous period \((.*)\)$/, '$1') ?? 'the previous period'
    return `About ${c.now} ${who} in ${c.range.label} (${en.interval(c.nowEstimate)}${c.outnumber ? COMPLAINT_COUNTS + SO_OUTNUMBER : ''}), against about ${c.before} in ${period} (${en.interval(c.beforeEstimate)}): ${direction}${perDay}${sure}.`
  },

  weekByWeek: (weeks) => `Week by week: ${en.list(weeks.map((w) => `${about(w.about)}${w.value} in ${w.week}${w.partial ? ' (part of it)' : ''}`))}.`,
  weeklyVolume(w) {
    const week = (name: string, partial: boolean) => `${name}${partial ? ' (part of it)' : ''}`
    // Which weeks the range only cuts into, when they are left out of the comparison.
    const left = w.leftOut.length ? `, whole weeks (${w.leftOut.join(' and ')} ${w.leftOut.length === 1 ? 'is' : 'are'} only partly in the range)` : ''
    return `Weekly volume went from ${about(w.about)}${w.first} in ${week(w.firstWeek, w.firstPartial)} to ${about(w.about)}${w.last} in ${week(w.lastWeek, w.lastPartial)}${left}${w.overlap ? "; the two weeks' intervals overlap, so the direction is not certain" : ''}.`
  },
  negativeShareMoved: (s) =>
    `The negative share${s.of ? ` of ${s.of}` : ''} moved from ${about(s.about)}${s.from}% to ${about(s.about)}${s.to}%${s.overlap ? "; the two weeks' intervals overlap, so the direction is not certain" : ''}.`,
  wholePeriodNegative: (value, estimate, previousValue) =>
    `Over the whole period ${estimate ? `about ${value}% (${en.interval(estimate)}%)` : `${value}%`} were negative${previousValue !== undefined ? `, against about ${previousValue}% in the previous period` : ''}.`,

  shareMoved: (s) =>
    `The ${s.sentiment} share of ${s.what} went from about ${s.before}% (${en.interval(s.beforeEstimate)}%) ${inPeriod(s.previous ?? { from: '', to: '', label: 'previous period' })} to about ${s.now}% (${en.interval(s.nowEstimate)}%) ${inPeriod(s.range)}: ${s.direction}` +
    `${s.overlap && s.direction !== 'unchanged' ? "; the two periods' intervals overlap, so the direction is not certain" : ''}.`,
  themeGrew: (t) =>
    t.weeks === t.previousWeeks
      ? `The theme that grew most is "${t.theme}": ${t.before} → ${t.now} messages (from the weekly theme runs).`
      : `The theme that grew most per week is "${t.theme}": ${plural(t.before, 'message')} in ${plural(t.previousWeeks, 'week')} → ${t.now} in ${plural(t.weeks, 'week')} (from the weekly theme runs).`,
  leaderGrew: (l) =>
    `${capitalise(topic(l.intent))} most likely grew most${l.row ? `: from about ${l.row.before} in ${previousName(l.previous)} to about ${l.row.now} in ${l.range.label}` : ''}` +
    ` (a change of about ${l.change}, 95% interval ${l.low} to ${l.high}; the largest change in ${l.chance}% of resamples${l.chance < 50 ? ', so not clearly ahead of the others' : ''}).`,
  grewMost: (g) =>
    `${capitalise(topic(g.intent))} grew most${g.perDay ? ` per day (${lengths(g.perDay.range, g.perDay.days, g.perDay.daysBefore).replace(/^as /, '')})` : ''}: from ${g.before} in ${previousName(g.previous)} to ${g.now} in ${g.range.label}.`,
  noneGrew: (previous, perDay) => `No topic clearly grew against ${previousName(previous)}${perDay ? ` per day (${lengths(perDay.range, perDay.days, perDay.daysBefore).replace(/^as /, '')})` : ''}.`,
  fellMost: (intent, before, now) => `${capitalise(topic(intent))} fell most: from ${before} to ${now}.`,

  examples: (n, total, what, range, quotes) => `${plural(n, 'example')} of the ${total} ${what} in ${range.label}: ${quotes}.`,
  mix(parts) {
    const said = parts.map((f, i) => `${f.estimate ? `about ${f.value}% (${en.interval(f.estimate)}%)` : `${f.value}%`} ${i === 0 ? 'were ' : ''}${f.sentiment}`)
    return `Of these, ${en.list(said)} (estimated from the sentiment labels).`
  },
  intentsMostCommon: (items) => `The most common intents were ${items.map((i) => `${topic(i.intent)} (${i.value})`).join(', ')}.`,
  unnamedIntents: (n, approx) => `${approx ? 'About ' : ''}${n} matched no specific intent.`,
  citedMostlyAbout: (items, total) => `The cited messages are mostly about ${items.map((i) => `${topic(i.intent)} (${i.n} of ${total})`).join(' and ')}.`,
  representative: (quotes) => `Representative messages: ${quotes}.`,

  nothingToRank: (what, range) => `No ${what} match this question for ${range.label}, so there is nothing to rank.`,
  rankFirst: (r) =>
    `By ${r.dimension}, ${r.name} has the ${r.fewest ? 'fewest' : 'most'} ${r.byCustomers ? 'complaints' : r.what} (${en.periodInBrackets(r.range)}): ${r.byCustomers ? 'customers who complained, ' : ''}${r.figure}.`,
  rankThen: (items) => `Then ${items.map((i) => `${i.name} (${about(i.about)}${i.value})`).join(', ')}.`,
  rankFooter: (estimated) => (estimated ? 'These counts are estimates from classifier labels, with 95% intervals in the figures.' : 'These are exact counts from message metadata.'),
  themesByIntents: () => 'Themes are ranked by the intents under them until themes carry their messages.',
  complaintPerCustomer: () => 'A complaint is a negative message, or a neutral one reporting a problem; a customer counts once however many messages they wrote.',

  rateFirst(r) {
    const intent = r.intent ? ` about ${topic(r.intent)}` : ''
    const what = r.byConversation ? `conversations with a complaint${intent}` : `customer messages that are ${[r.sentiment, intent.trim()].filter(Boolean).join(' and ')}`
    const of = r.byConversation ? 'conversations with customer messages' : 'customer messages'
    const on = r.dimension === 'channel' ? 'on' : r.dimension === 'language' ? 'in' : 'for'
    const where = r.single ? 'for' : `${r.lowest ? 'lowest' : 'highest'} ${on}`
    return `By ${r.dimension}, the share of ${what} is ${where} ${r.name} (${en.periodInBrackets(r.range)}): about ${r.value}% (${en.interval(r.estimate)}%) of its ${about(r.baseAbout)}${r.base} ${of}.`
  },
  rateThen: (items) => `Then ${items.map((i) => `${i.name} (about ${i.value}% of ${about(i.baseAbout)}${i.base})`).join(', ')}.`,
  rateOverlap: (first, second, lowest) => `The intervals of ${first} and ${second} overlap, so neither is clearly ${lowest ? 'lowest' : 'highest'}.`,
  complaintPerConversation: () => 'A complaint is a negative message, or a neutral one reporting a problem; a conversation counts once however many messages it has.',
  rateFooter: (dimension, mayHaveFewer, min) =>
    `Shares are estimated from classifier labels, with 95% intervals; ${/^[aeiou]/.test(dimension) ? 'an' : 'a'} ${dimension} ${mayHaveFewer ? `that may have fewer than ${min} messages` : `with fewer than ${min} messages`} is not ranked.`,

  slotFirst(s) {
    const slot = s.slot === 'weekday' ? 'weekday' : 'hour of the day'
    const days = plural(s.days, s.slot === 'weekday' ? s.name : 'day')
    return `By ${slot} (UTC), ${s.name} has the ${s.fewest ? 'fewest' : 'most'} ${s.what} (${en.periodInBrackets(s.range)}): ${s.figure} on ${days}, ${about(s.about)}${s.perDay} a day.`
  },
  slotThen: (items) => `Then ${items.map((i) => `${i.name} (${about(i.about)}${i.perDay} a day)`).join(', ')}.`,
  slotPerDay: (fewest, most) => `Each is compared per day, as the period the data covers has ${fewest} to ${most} of each.`,
  slotFooter: (estimated) => (estimated ? 'These counts are estimates from classifier labels, with 95% intervals in the figures; times are UTC.' : 'These are exact counts from message timestamps, in UTC.'),

  nothingStarted: (range) => `No conversations started in ${range.label}, so there is nothing to measure.`,
  awaiting: (n, started, range, byChannel) =>
    `${n} of ${started} conversations (${en.periodInBrackets(range)}) are still waiting for a reply: their last message is the customer's (exact count${byChannel ? `; ${byChannel}` : ''}).`,
  waitingLonger: (n, minutes) => `Of these, ${n} ${n === 1 ? 'has' : 'have'} waited more than ${en.threshold(minutes)} since the customer's last message.`,
  medianResponse: ({ median, mean, p90, started, range }) =>
    `Median first-response time was ${en.minutes(median)} (mean ${en.minutes(mean)}, 90th percentile ${en.minutes(p90)}) over ${started} conversations, ${range.label}; exact, from message timestamps.`,
  noneAnswered: (started, range) => `None of the ${started} conversations (${en.periodInBrackets(range)}) got an agent reply.`,
  byChannelMedian: (items) => `By channel (median, slowest first): ${items.map((i) => `${i.channel} ${en.minutes(i.minutes)}`).join(', ')}.`,
  answeredWithin: (pct, minutes) => `${pct}% were answered within ${en.threshold(minutes)}.`,
  unanswered: (n, byChannel, complaints) => `${n} never got an agent reply (exact${byChannel ? `; ${byChannel}` : ''})${complaints ? `, of which ${complaints} opened with a complaint` : ''}.`,
  channelCounts: (items) => items.map((i) => `${i.channel} ${i.value}`).join(', '),

  messagesPerConversation: ({ mean, median, conversations, messages, what, range }) =>
    `The ${plural(conversations, 'conversation')} with ${what} (${en.periodInBrackets(range)}) had ${plural(messages, 'message')} in all, customers' and agents': ` +
    `${mean} per conversation on average (median ${median}); exact, from the stored messages.`,
  repeatCustomers: ({ repeat, customers, share, scope, range }) =>
    `Of the ${plural(customers, 'customer')}${scope ? ` ${scope}` : ''} (${en.periodInBrackets(range)}), ${repeat} (${share}%) wrote in more than one conversation; exact, counting a customer by their handle on each channel, so the same person on two channels counts twice.`,
  withoutHandle: (n) => `${plural(n, 'conversation')} without a customer handle ${n === 1 ? 'is' : 'are'} not counted.`,
  measureNotNarrowed: () => "These figures are for every conversation in the period, whatever its subject or tone: which conversations are about what is the classifier's guess, and these figures are exact.",
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
