// Figure labels in English: the labels the API has always given, and what the other languages translate.
import { groupName, languageName } from '../group-names.ts'
import { describeMentions } from '../subject-words.ts'
import type { AskFilters } from '../types.ts'
import type { FigureLabels } from './types.ts'

const DAY_MINUTES = 24 * 60

/** "an hour", "2 hours", "30 minutes", "1.5 hours", "a day", "3 days". */
export function durationText(minutes: number): string {
  if (minutes % DAY_MINUTES === 0) return minutes === DAY_MINUTES ? 'a day' : `${minutes / DAY_MINUTES} days`
  if (minutes === 60) return 'an hour'
  if (minutes % 60 === 0 || minutes > 90) return `${Math.round((10 * minutes) / 60) / 10} hours`
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** "negative customer messages about billing on x in French (airline United)". */
export function describeFilters(filters: AskFilters, opts: { noun?: string } = {}): string {
  const parts = [filters.sentiment, `customer ${opts.noun ?? 'messages'}`]
  if (filters.intent) parts.push(`about ${filters.intent.replace(/_/g, ' ')}`)
  if (filters.theme) parts.push(`in the theme "${filters.theme}"`)
  if (filters.channel) parts.push(`on ${filters.channel}`)
  if (filters.language) parts.push(`in ${languageName(filters.language)}`)
  const segment = Object.entries(filters.segment ?? {}).map(([k, v]) => `${k} ${v}`)
  if (segment.length) parts.push(`(${segment.join(', ')})`)
  if (filters.mentions) parts.push(describeMentions(filters.mentions))
  return parts.filter(Boolean).join(' ')
}

/**
 * What a conversation counted with the messages has: with negative messages asked for, a complaint, which a
 * neutral message reporting a problem is too (estimates.ts). "Conversations with such messages" were 137
 * against 112 negative messages, a figure no reader could square.
 */
function conversationsWith(filters: AskFilters): string {
  return filters.sentiment === 'negative' ? 'conversations with a complaint (a negative message, or a neutral one reporting a problem)' : 'conversations with such messages'
}

const topic = (intent: string) => intent.replace(/_/g, ' ')
/** Channels and languages by their stored value ("fr"), intents by their words. */
const keyName = (dimension: string, key: string) => (dimension === 'intent' ? groupName('intent', key) : key)
const on = (channel: string | undefined) => (channel ? ` on ${channel}` : '')
const RESPONSE_MEASURES = { median: 'median', mean: 'mean', p90: '90th percentile' }

export const enLabels: FigureLabels = {
  messages: (filters, range) => `${describeFilters(filters)}, ${range.label}`,
  conversations: (filters, range) => `${conversationsWith(filters)}, ${range.label}`,
  all: (base, range) => `all ${describeFilters(base)}, ${range.label}`,
  change: (previous, perDay) => `change against ${previous.label}${perDay ? ', per day' : ''}`,
  share: (filters, base, previous) => `${describeFilters(filters)} as a share of all ${describeFilters(base)}${previous ? `, ${previous.label}` : ''}`,
  conversationsShare: (filters, conversations, base) => `${conversationsWith(filters)} as a share of the ${conversations} conversations with ${describeFilters(base)}`,
  growth: (filters, previous, range, percent) => `change in ${describeFilters(filters)}, ${previous.label} → ${range.label} (the largest change in ${percent}% of resamples)`,
  sentimentShare: (filters, sentiment) => `share of ${describeFilters(filters)} that are ${sentiment}`,
  week: (filters, week) => `${describeFilters(filters)}, week ${week}`,
  weekNegativeShare: (filters, week) => `negative share of ${describeFilters(filters)}, week ${week}`,
  themeGrowth: (theme, weeks, previousWeeks) => `messages in theme "${theme}", weeks ${weeks.join(', ')} (previously ${previousWeeks.join(', ')})`,

  groupRate: ({ byConversation, sentiment, intent, dimension, key, range }) => {
    const that = byConversation
      ? `conversations with a complaint${intent ? ` about ${topic(intent)}` : ''}`
      : `customer messages that are ${[sentiment, intent && `about ${topic(intent)}`].filter(Boolean).join(' and ')}`
    return `share of ${that}, by ${dimension}: ${keyName(dimension, key)}, ${range.label}`
  },
  groupCount: ({ byConversation, dimension, key, range }) => `${byConversation ? 'conversations with customer messages' : 'customer messages'} by ${dimension}: ${keyName(dimension, key)}, ${range.label}`,
  ranked: ({ customers, sentiment, dimension, key, range, days }) =>
    `${customers ? 'customers who complained' : `${sentiment ? `${sentiment} ` : ''}customer messages`} by ${dimension}: ${groupName(dimension, key)}, ${range.label}${days !== undefined ? `, over ${days} days` : ''}`,

  responseTime: ({ measure, channel, range, answered }) =>
    `${RESPONSE_MEASURES[measure]} first-response time${on(channel)}, ${range.label}${answered !== undefined ? ` (${answered} answered conversations)` : ''}`,
  answeredWithin: ({ channel, minutes, range }) => `share of conversations${on(channel)} answered within ${durationText(minutes)}, ${range.label}`,
  conversationsStarted: (range) => `conversations started, ${range.label}`,
  awaitingReply: (range) => `conversations awaiting a reply (last message is the customer's), ${range.label}`,
  awaitingOn: (channel) => `awaiting a reply on ${channel}`,
  waitingLonger: (minutes, range) => `of them, waiting more than ${durationText(minutes)} since the customer's last message, ${range.label}`,
  neverAnswered: (range) => `conversations never answered by an agent, ${range.label}`,
  neverAnsweredOn: (channel) => `never answered on ${channel}`,
  unansweredComplaints: (range) => `complaints (negative opening message) never answered, ${range.label}`,

  withCustomerMessages: (range) => `conversations with customer messages, ${range.label}`,
  messagesInThem: (range) => `messages in those conversations (customers' and agents'), ${range.label}`,
  messagesPerConversation: (average, range) => `${average} messages per conversation, ${range.label}`,
  customers: (range) => `customers (a handle on a channel), ${range.label}`,
  repeatCustomers: (range) => `customers who wrote in more than one conversation, ${range.label}`,
  repeatShare: (range) => `customers who wrote in more than one conversation as a share of all customers, ${range.label}`,
  withoutHandle: (range) => `conversations without a customer handle (not counted as customers), ${range.label}`,
}
