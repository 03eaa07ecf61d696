// The labels of the figures an answer states, one set per language the question may be asked in: the
// figure table under a French answer reads in French. Like the answer's phrases (../phrases/), a language
// only says what figures.ts, estimates.ts, care.ts and conversation-measures.ts decided to count.
import type { AskFilters, TimeRange } from '../types.ts'

/** The three first-response measures (care.ts). */
export type ResponseMeasure = 'median' | 'mean' | 'p90'

export interface FigureLabels {
  // Counts of messages and conversations (figures.ts).
  /** "negative customer messages about billing, last month (1 Oct 2026 – 31 Oct 2026)". */
  messages(filters: AskFilters, range: TimeRange): string
  /** "conversations with such messages, …", or with a negative filter "conversations with a complaint (a negative message, or a neutral one reporting a problem), …". */
  conversations(filters: AskFilters, range: TimeRange): string
  /** The whole a share is of: "all customer messages on whatsapp, …". */
  all(base: AskFilters, range: TimeRange): string
  /** "change against previous period (1 Sept 2026 – 30 Sept 2026)", with ", per day" when the periods' lengths differ. */
  change(previous: TimeRange, perDay: boolean): string
  /** "negative customer messages as a share of all customer messages", with the earlier period when it is that period's share. */
  share(filters: AskFilters, base: AskFilters, previous?: TimeRange): string
  /** "conversations with such messages as a share of the 83 conversations with customer messages on whatsapp". */
  conversationsShare(filters: AskFilters, conversations: number, base: AskFilters): string
  /** "change in customer messages about billing, previous period (…) → last month (…) (the largest change in 62% of resamples)". */
  growth(filters: AskFilters, previous: TimeRange, range: TimeRange, percentOfResamples: number): string
  /** "share of customer messages that are negative". */
  sentimentShare(filters: AskFilters, sentiment: string): string
  /** A trend's week: "customer messages about billing, week 2026-W44". */
  week(filters: AskFilters, week: string): string
  /** "negative share of customer messages, week 2026-W44". */
  weekNegativeShare(filters: AskFilters, week: string): string
  /** 'messages in theme "Charged twice", weeks 2026-W44 (previously 2026-W43)'. */
  themeGrowth(theme: string, weeks: string[], previousWeeks: string[]): string

  // Rankings (estimates.ts). `key` is the group's stored value: a channel, a language code, an intent…
  /** A group's own rate: "share of customer messages that are negative, by channel: whatsapp, …", "share of conversations with a complaint about billing, by language: fr, …". */
  groupRate(input: { byConversation: boolean; sentiment?: string; intent?: string; dimension: string; key: string; range: TimeRange }): string
  /** What that rate is of: "customer messages by channel: whatsapp, …", "conversations with customer messages by language: fr, …". */
  groupCount(input: { byConversation: boolean; dimension: string; key: string; range: TimeRange }): string
  /** A ranking's row: "negative customer messages by weekday: Monday, …, over 12 days", "customers who complained by theme: Charged twice, …". */
  ranked(input: { customers: boolean; sentiment?: string; dimension: string; key: string; range: TimeRange; days?: number }): string

  // Care (care.ts).
  /** "median first-response time on email, all time (83 answered conversations)"; the mean and the 90th percentile without the count. */
  responseTime(input: { measure: ResponseMeasure; channel?: string; range: TimeRange; answered?: number }): string
  /** "share of conversations on email answered within an hour, all time". */
  answeredWithin(input: { channel?: string; minutes: number; range: TimeRange }): string
  conversationsStarted(range: TimeRange): string
  /** "conversations awaiting a reply (last message is the customer's), …". */
  awaitingReply(range: TimeRange): string
  /** "awaiting a reply on whatsapp". */
  awaitingOn(channel: string): string
  /** "of them, waiting more than a day since the customer's last message, …". */
  waitingLonger(minutes: number, range: TimeRange): string
  /** "conversations never answered by an agent, …". */
  neverAnswered(range: TimeRange): string
  /** "never answered on whatsapp". */
  neverAnsweredOn(channel: string): string
  /** "complaints (negative opening message) never answered, …". */
  unansweredComplaints(range: TimeRange): string

  // Measures of conversations (conversation-measures.ts).
  /** "conversations with customer messages, …". */
  withCustomerMessages(range: TimeRange): string
  /** "messages in those conversations (customers' and agents'), …". */
  messagesInThem(range: TimeRange): string
  /** "mean messages per conversation, …", "median messages per conversation, …". */
  messagesPerConversation(average: 'mean' | 'median', range: TimeRange): string
  /** "customers (a handle on a channel), …". */
  customers(range: TimeRange): string
  /** "customers who wrote in more than one conversation, …". */
  repeatCustomers(range: TimeRange): string
  /** "customers who wrote in more than one conversation as a share of all customers, …". */
  repeatShare(range: TimeRange): string
  /** "conversations without a customer handle (not counted as customers), …". */
  withoutHandle(range: TimeRange): string
}
