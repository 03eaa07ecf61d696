// The answer key of the ask-demo suite: computed from a small corpus whose answers are known by hand.
import { describe, expect, it } from 'vitest'
import {
  awaitingCount, channelWithMostComplaints, customerMessages, firstResponseMinutes, isoWeekRange, monthRange, topComplaintOf, topComplaintTopicIn, topicCount, TOPICS,
} from '../../evals/demo-questions.ts'
import type { ConversationRow } from '../../src/pipeline/dataset-formats.ts'

const conv = (externalId: string, channel: string, scenario: string, turns: Array<[role: 'customer' | 'agent', sentAt: string, language?: string]>): ConversationRow => ({
  externalId,
  channel,
  metadata: { scenario },
  messages: turns.map(([role, sentAt, language]) => ({ role, text: 'x', sentAt, ...(language ? { language } : {}) })),
})

const rows = [
  conv('a', 'x', 'billing_double_charge', [['customer', '2026-10-27T10:00:00Z'], ['agent', '2026-10-27T10:30:00Z'], ['customer', '2026-10-28T09:00:00Z']]),
  conv('b', 'x', 'router_wifi', [['customer', '2026-10-31T23:00:00Z', 'fr'], ['customer', '2026-11-01T01:00:00Z', 'fr']]),
  conv('c', 'email', 'router_wifi', [['customer', '2026-09-30T12:00:00Z', 'fr'], ['agent', '2026-09-30T14:00:00Z']]),
  conv('d', 'email', 'praise_support', [['customer', '2026-10-02T08:00:00Z', 'fr'], ['customer', '2026-10-02T08:05:00Z', 'fr'], ['customer', '2026-10-02T08:09:00Z', 'fr']]),
  conv('e', 'chat', 'billing_double_charge', [['customer', '2026-10-05T08:00:00Z', 'de'], ['agent', '2026-10-05T08:01:00Z']]),
]
const messages = customerMessages(rows)

describe('the ask-demo answer key', () => {
  it('reads ISO weeks and months as half-open UTC ranges', () => {
    expect(isoWeekRange(2026, 44)).toEqual({ from: '2026-10-26T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' })
    expect(isoWeekRange(2026, 1)).toEqual({ from: '2025-12-29T00:00:00.000Z', to: '2026-01-05T00:00:00.000Z' })
    expect(monthRange(2026, 10)).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' })
  })

  it('counts a topic’s customer messages and conversations inside the range only', () => {
    expect(topicCount(messages, TOPICS.wifi!, monthRange(2026, 10))).toEqual({ messages: 1, conversations: 1 })
    expect(topicCount(messages, TOPICS.billing!, monthRange(2026, 10))).toEqual({ messages: 3, conversations: 2 })
    expect(topicCount(messages, TOPICS.billing!, isoWeekRange(2026, 44))).toEqual({ messages: 2, conversations: 1 })
  })

  it('ranks by complaints only: praise on e-mail does not make e-mail the most complained-about channel', () => {
    expect(channelWithMostComplaints(messages)).toBe('x')
    expect(topComplaintOf(messages, 'fr')).toBe('router_wifi')
    // In October: billing 3 complaint messages (a twice, e once) against wifi 1 (b's first); praise never counts.
    expect(topComplaintTopicIn(messages, monthRange(2026, 10))).toBe('billing')
  })

  it('care figures come from roles and timestamps', () => {
    expect(awaitingCount(rows)).toBe(3) // a, b and d end with the customer
    expect(firstResponseMinutes(rows).sort((a, b) => a - b)).toEqual([1, 30, 120])
  })
})
