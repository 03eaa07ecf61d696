// The demo corpus's questions for the `ask-demo` suite: what a leader, a product manager and a care
// lead would ask of demo/conversations.jsonl, each with its answer computed from the file itself. The
// truth comes from `metadata.scenario` (which Parley never reads: the suite withholds it) and from the
// messages' roles and timestamps.
import type { ConversationRow } from '../src/pipeline/dataset-formats.ts'

export { median } from '../src/chains/ask/care.ts'

export const DEMO_NOW = '2026-11-10T09:00:00Z'

/** Scenarios that are not complaints (questions, thanks, app likes). */
export const NOT_COMPLAINTS: ReadonlySet<string> = new Set(['plan_question', 'praise_support', 'app_feedback'])

/** A subject people ask about, the scenarios that are it, and the labels an answer may name it by. */
export interface Topic {
  words: string
  scenarios: string[]
  /** Default-taxonomy intents that name this subject. */
  intents: string[]
  /** A theme label naming this subject. */
  themePattern: RegExp
}

export const TOPICS: Record<string, Topic> = {
  billing: { words: 'billing', scenarios: ['billing_double_charge'], intents: ['billing'], themePattern: /bill|charg|payment|refund/i },
  delivery: { words: 'delivery', scenarios: ['delivery_delay', 'remote_backorder'], intents: ['delivery'], themePattern: /deliver|order|stock|remote|ship/i },
  wifi: { words: 'wifi dropouts', scenarios: ['router_wifi'], intents: ['connectivity'], themePattern: /wi-?fi|router|connect|dropout/i },
  password: { words: 'password resets', scenarios: ['password_reset'], intents: ['account_login'], themePattern: /password|log ?in|account|reset/i },
  cancellation: { words: 'cancellations', scenarios: ['cancellation'], intents: ['cancellation'], themePattern: /cancel/i },
  app: { words: 'the app crashing', scenarios: ['app_52_crash'], intents: ['product_fault', 'bug_outage'], themePattern: /app|crash|update/i },
  outage: { words: 'the outage', scenarios: ['regional_outage'], intents: ['connectivity', 'bug_outage'], themePattern: /outage|down|internet|connect/i },
  // A part of delivery (listed after it, so a scenario's subject stays delivery): the back-ordered voice remote.
  remote: { words: 'the voice remote', scenarios: ['remote_backorder'], intents: ['delivery'], themePattern: /remote/i },
}

export interface Range {
  from: string
  to: string
}

export interface CustomerMessage {
  conversation: string
  channel: string
  scenario: string
  language: string | undefined
  sentAt: string
}

export function customerMessages(rows: readonly ConversationRow[]): CustomerMessage[] {
  return rows.flatMap((row) =>
    row.messages
      .filter((m) => m.role === 'customer')
      .map((m) => ({
        conversation: row.externalId,
        channel: row.channel,
        scenario: String(row.metadata.scenario ?? ''),
        language: typeof m.language === 'string' ? m.language : undefined,
        sentAt: new Date(Date.parse(m.sentAt)).toISOString(),
      })),
  )
}

const inRange = (at: string, range: Range) => at >= range.from && at < range.to

/** Customer messages of the topic in the range, and the conversations they belong to. */
export function topicCount(messages: readonly CustomerMessage[], topic: Topic, range: Range): { messages: number; conversations: number } {
  const hits = messages.filter((m) => topic.scenarios.includes(m.scenario) && inRange(m.sentAt, range))
  return { messages: hits.length, conversations: new Set(hits.map((m) => m.conversation)).size }
}

/** The value with the most votes (ties: the first seen). */
export function mostCommon(values: readonly string[]): string | undefined {
  const votes = new Map<string, number>()
  for (const v of values) votes.set(v, (votes.get(v) ?? 0) + 1)
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0]
}

/** The channel with the most complaint messages. */
export function channelWithMostComplaints(messages: readonly CustomerMessage[]): string | undefined {
  return mostCommon(messages.filter((m) => !NOT_COMPLAINTS.has(m.scenario)).map((m) => m.channel))
}

/** Per channel, the share (percent) of its conversations with customer messages that are about a complaint. */
export function complaintShareByChannel(messages: readonly CustomerMessage[]): Map<string, number> {
  const conversations = new Map<string, { channel: string; complaint: boolean }>()
  for (const m of messages) conversations.set(m.conversation, { channel: m.channel, complaint: !NOT_COMPLAINTS.has(m.scenario) })
  const counts = new Map<string, { all: number; complaints: number }>()
  for (const { channel, complaint } of conversations.values()) {
    const c = counts.get(channel) ?? { all: 0, complaints: 0 }
    c.all++
    if (complaint) c.complaints++
    counts.set(channel, c)
  }
  return new Map([...counts].map(([channel, c]) => [channel, (100 * c.complaints) / c.all]))
}

/** The scenario most complaint conversations of customers writing in `language` are about. */
export function topComplaintOf(messages: readonly CustomerMessage[], language: string): string | undefined {
  const conversations = new Map<string, string>()
  for (const m of messages) if (m.language === language && !NOT_COMPLAINTS.has(m.scenario)) conversations.set(m.conversation, m.scenario)
  return mostCommon([...conversations.values()])
}

/** The subject (topic key) with the most complaint messages in the range. */
export function topComplaintTopicIn(messages: readonly CustomerMessage[], range: Range): string | undefined {
  const keyOf = (scenario: string) => Object.entries(TOPICS).find(([, t]) => t.scenarios.includes(scenario))?.[0]
  return mostCommon(messages.filter((m) => !NOT_COMPLAINTS.has(m.scenario) && inRange(m.sentAt, range)).map((m) => keyOf(m.scenario) ?? m.scenario))
}

/** Conversations whose last message is the customer's. */
export function awaitingCount(rows: readonly ConversationRow[]): number {
  return rows.filter((row) => [...row.messages].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)).at(-1)?.role === 'customer').length
}

/** Minutes from each conversation's first customer message to the first agent message after it. */
export function firstResponseMinutes(rows: readonly ConversationRow[]): number[] {
  const out: number[] = []
  for (const row of rows) {
    const first = row.messages.filter((m) => m.role === 'customer').map((m) => Date.parse(m.sentAt)).sort((a, b) => a - b)[0]
    if (first === undefined) continue
    const reply = row.messages.filter((m) => m.role === 'agent' && Date.parse(m.sentAt) > first).map((m) => Date.parse(m.sentAt)).sort((a, b) => a - b)[0]
    if (reply !== undefined) out.push((reply - first) / 60_000)
  }
  return out
}

export const round1 = (x: number) => Math.round(10 * x) / 10

/** Half-open ISO week range (Monday 00:00 UTC). */
export function isoWeekRange(year: number, week: number): Range {
  const jan4 = Date.UTC(year, 0, 4)
  const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000) + (week - 1) * 7 * 86_400_000
  return { from: new Date(monday).toISOString(), to: new Date(monday + 7 * 86_400_000).toISOString() }
}

export const monthRange = (year: number, month: number): Range => ({
  from: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
  to: new Date(Date.UTC(year, month, 1)).toISOString(),
})
