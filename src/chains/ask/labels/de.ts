// Figure labels in German: what is counted, periods, groups and numbers said by the German phrases (../phrases/de.ts).
import { de } from '../phrases/de.ts'
import type { AskFilters, TimeRange } from '../types.ts'
import type { FigureLabels } from './types.ts'

const quote = (s: string) => `„${s}“`
const CUSTOMER: AskFilters = { customerRole: 'customer' }
/** de.what names messages as "Kundennachrichten …": what follows the noun is the filters' own words. */
const afterNoun = (filters: AskFilters, fallback: string) => {
  const what = de.what(filters)
  return what.startsWith('Kundennachrichten ') ? what.slice('Kundennachrichten '.length) : fallback
}
/** A channel with the preposition the phrases give it: "per email", "im chat", "auf whatsapp". */
const on = (channel: string) => afterNoun({ ...CUSTOMER, channel }, `auf ${channel}`)
/** An intent as the phrases say messages are about it: "zur Abrechnung", "mit Fragen". */
const about = (intent: string) => afterNoun({ ...CUSTOMER, intent }, `zum Anliegen ${quote(de.intentName(intent))}`)

/**
 * What is counted where de.what's nominative would need declining (after "der", "allen", "mit"): the
 * sentiment said after it, "Kundennachrichten auf whatsapp, die negativ sind", so no adjective takes an ending.
 */
function declinable(filters: AskFilters): string {
  if (!filters.sentiment) return de.what(filters)
  const rest = de.what({ ...filters, sentiment: undefined })
  const are = `${de.sentimentName(filters.sentiment)} sind`
  return rest.includes(', die ') ? `${rest} und ${are}` : `${rest}, die ${are}`
}
/** A relative clause ending the phrase is closed by a comma before what follows. */
const closed = (s: string) => (/, die [^()]*$/.test(s) ? `${s},` : s)
/** The phrase, then when: "negative Kundennachrichten im letzten Monat (1.–31. Okt. 2026)". */
const at = (s: string, range: TimeRange) => `${closed(s)} ${de.inPeriod(range)}`
/** A ranking's group: intents and themes in quotes, as their names are words of their own. */
const group = (dimension: string, key: string) => `nach ${de.dimensionName(dimension)}: ${['intent', 'theme'].includes(dimension) ? quote(de.groupName(dimension, key)) : de.groupName(dimension, key)}`
const within = (minutes: number) => (minutes === 60 ? 'innerhalb einer Stunde' : `innerhalb von ${de.threshold(minutes)}`)
const moreThan = (minutes: number) => `mehr als ${minutes === 60 ? 'einer Stunde' : de.threshold(minutes)}`
const weeksIn = (weeks: string[]) => (weeks.length === 1 ? `in der Woche ${weeks[0]}` : `in den Wochen ${de.list(weeks)}`)

/** Complaints are counted per conversation: a negative message or a neutral one reporting a problem (estimates.ts). */
const conversationsWith = (filters: AskFilters) =>
  filters.sentiment === 'negative' ? 'Gespräche mit einer Beschwerde (eine negative Nachricht oder eine neutrale, die ein Problem meldet)' : 'Gespräche mit solchen Nachrichten'
const RESPONSE_MEASURES = { median: 'Median', mean: 'Mittelwert', p90: '90. Perzentil' }
const REPEAT = 'Kunden, die in mehr als einem Gespräch geschrieben haben'

export const deLabels: FigureLabels = {
  messages: (filters, range) => at(de.what(filters), range),
  conversations: (filters, range) => at(conversationsWith(filters), range),
  all: (base, range) => `${closed(de.what(base))} insgesamt ${de.inPeriod(range)}`,
  change: (previous, perDay) => `Veränderung gegenüber dem Wert ${de.inPeriod(previous)}${perDay ? ', pro Tag gerechnet' : ''}`,
  share: (filters, base, previous) => {
    const share = `${closed(de.what(filters))} als Anteil an allen ${declinable(base)}`
    return previous ? at(share, previous) : share
  },
  conversationsShare: (filters, conversations, base) =>
    `${conversationsWith(filters)} als Anteil ${conversations === 1 ? 'am einzigen Gespräch' : `an den ${de.num(conversations)} Gesprächen`} mit ${declinable(base)}`,
  growth: (filters, previous, range, percent) =>
    `${de.what(filters)}: Veränderung ${de.inPeriod(range)} gegenüber dem Wert ${de.inPeriod(previous)} (in ${de.pct(percent)} der Bootstrap-Stichproben die größte Veränderung)`,
  sentimentShare: (filters, sentiment) => `Anteil der ${declinable({ ...filters, sentiment: sentiment as AskFilters['sentiment'] })}`,
  week: (filters, week) => `${closed(de.what(filters))} in der Woche ${week}`,
  weekNegativeShare: (filters, week) => `Anteil der ${closed(declinable({ ...filters, sentiment: 'negative' }))} in der Woche ${week}`,
  themeGrowth: (theme, weeks, previousWeeks) =>
    `Nachrichten im Thema ${quote(theme)} ${weeksIn(weeks)}${previousWeeks.length ? ` (zuvor ${de.list(previousWeeks)})` : ''}`,

  groupRate: ({ byConversation, sentiment, intent, dimension, key, range }) => {
    const share = byConversation
      ? `Anteil der Gespräche mit einer Beschwerde${intent ? ` ${about(intent)}` : ''}`
      : intent
        ? `${de.what({ ...CUSTOMER, sentiment: sentiment as AskFilters['sentiment'], intent })} als Anteil an allen Kundennachrichten`
        : `Anteil der ${declinable({ ...CUSTOMER, sentiment: sentiment as AskFilters['sentiment'] })}`
    return `${share}, ${group(dimension, key)}, ${de.inPeriod(range)}`
  },
  groupCount: ({ byConversation, dimension, key, range }) =>
    `${byConversation ? 'Gespräche mit Kundennachrichten' : 'Kundennachrichten'} ${group(dimension, key)}, ${de.inPeriod(range)}`,
  ranked: ({ customers, sentiment, dimension, key, range, days }) =>
    `${customers ? 'Kunden, die sich beschwert haben,' : de.what({ ...CUSTOMER, sentiment: sentiment as AskFilters['sentiment'] })} ` +
    `${group(dimension, key)}, ${de.inPeriod(range)}${days !== undefined ? `, an ${de.num(days)} ${days === 1 ? 'Tag' : 'Tagen'}` : ''}`,

  responseTime: ({ measure, channel, range, answered }) =>
    `${RESPONSE_MEASURES[measure]} der Zeit bis zur ersten Antwort${channel ? ` ${on(channel)}` : ''} ${de.inPeriod(range)}` +
    `${answered !== undefined ? ` (${de.num(answered)} ${answered === 1 ? 'beantwortetes Gespräch' : 'beantwortete Gespräche'})` : ''}`,
  answeredWithin: ({ channel, minutes, range }) => `Anteil der ${within(minutes)} beantworteten Gespräche${channel ? ` ${on(channel)}` : ''} ${de.inPeriod(range)}`,
  conversationsStarted: (range) => `begonnene Gespräche ${de.inPeriod(range)}`,
  awaitingReply: (range) => `Gespräche, die auf eine Antwort warten (letzte Nachricht vom Kunden), ${de.inPeriod(range)}`,
  awaitingOn: (channel) => `${on(channel)} auf eine Antwort wartend`,
  waitingLonger: (minutes, range) => `davon seit ${moreThan(minutes)} wartend (gerechnet ab der letzten Nachricht des Kunden), ${de.inPeriod(range)}`,
  neverAnswered: (range) => `nie von einem Mitarbeiter beantwortete Gespräche ${de.inPeriod(range)}`,
  neverAnsweredOn: (channel) => `${on(channel)} nie beantwortet`,
  unansweredComplaints: (range) => `nie beantwortete Beschwerden (negative erste Nachricht) ${de.inPeriod(range)}`,

  withCustomerMessages: (range) => `Gespräche mit Kundennachrichten ${de.inPeriod(range)}`,
  messagesInThem: (range) => `Nachrichten in diesen Gesprächen (von Kunden und Mitarbeitern) ${de.inPeriod(range)}`,
  messagesPerConversation: (average, range) => `${average === 'mean' ? 'Mittelwert' : 'Median'} der Nachrichten pro Gespräch ${de.inPeriod(range)}`,
  customers: (range) => `Kunden (gezählt nach Handle je Kanal) ${de.inPeriod(range)}`,
  repeatCustomers: (range) => `${REPEAT}, ${de.inPeriod(range)}`,
  repeatShare: (range) => `Anteil der ${REPEAT}, an allen Kunden ${de.inPeriod(range)}`,
  withoutHandle: (range) => `Gespräche ohne Kunden-Handle (nicht als Kunden gezählt) ${de.inPeriod(range)}`,
}
