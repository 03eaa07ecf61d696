import { readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  APP_52_RELEASE,
  DEMO_CONVERSATIONS_PATH,
  DEMO_KNOWLEDGE_ARTICLES,
  DEMO_KNOWLEDGE_PATH,
  OUTAGE_RESTORED,
  OUTAGE_WINDOW,
  generateDemoConversations,
  toJsonl,
  type DemoConversation,
} from '../../scripts/make-demo-corpus.ts'

// The ingest contract of POST /v1/conversations (ARCHITECTURE.md), plus the demo's ground truth.
const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
const conversationSchema = z.strictObject({
  channel: z.enum(['x', 'instagram', 'facebook', 'whatsapp', 'email', 'chat']),
  externalId: z.string().min(1),
  customer: z.strictObject({ handle: z.string().min(1), name: z.string().min(1).optional() }),
  messages: z
    .array(
      z.strictObject({
        externalId: z.string().min(1),
        role: z.enum(['customer', 'agent']),
        author: z.string().min(1),
        text: z.string().min(1),
        sentAt: isoInstant,
        language: z.enum(['en', 'fr', 'es', 'de', 'pt', 'it', 'ko', 'th']),
      }),
    )
    .min(1)
    .max(6),
  metadata: z.strictObject({ scenario: z.string().min(1), resolved: z.boolean() }),
})
const knowledgeSchema = z.strictObject({
  externalId: z.string().min(1),
  title: z.string().min(1),
  body: z.string().min(200),
  language: z.literal('en'),
  tags: z.array(z.string().min(1)).min(1),
})

function isoWeek(instant: string): string {
  const date = new Date(instant)
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of this week decides the ISO year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

const committedText = readFileSync(DEMO_CONVERSATIONS_PATH, 'utf8')
const committed: DemoConversation[] = committedText.trimEnd().split('\n').map((line) => JSON.parse(line))
const startedIn = (c: DemoConversation): string => isoWeek(c.messages[0].sentAt)

function weeklyCounts(scenario: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const c of committed.filter((c) => c.metadata.scenario === scenario)) {
    counts.set(startedIn(c), (counts.get(startedIn(c)) ?? 0) + 1)
  }
  return counts
}

describe('demo corpus', () => {
  it('is exactly what the generator produces, and the generator is deterministic', () => {
    expect(toJsonl(generateDemoConversations())).toBe(committedText)
    expect(toJsonl(DEMO_KNOWLEDGE_ARTICLES)).toBe(readFileSync(DEMO_KNOWLEDGE_PATH, 'utf8'))
    expect(toJsonl(generateDemoConversations(7))).not.toBe(committedText)
  })

  it('stays small and has a few hundred conversations in the ingest format', () => {
    expect(statSync(DEMO_CONVERSATIONS_PATH).size).toBeLessThan(1.5 * 1024 * 1024)
    expect(committed.length).toBeGreaterThanOrEqual(400)
    expect(committed.length).toBeLessThanOrEqual(600)
    for (const conversation of committed) conversationSchema.parse(conversation)
    const ids = committed.flatMap((c) => [c.externalId, ...c.messages.map((m) => m.externalId)])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('spans at least 8 consecutive ISO weeks, 4 channels and 6 languages', () => {
    const weeks = [...new Set(committed.flatMap((c) => c.messages.map((m) => isoWeek(m.sentAt))))].sort()
    expect(weeks.length).toBeGreaterThanOrEqual(8)
    expect(weeks[0]).toBe('2026-W36')
    expect(weeks.at(-1)).toBe('2026-W45')
    expect(new Set(committed.map((c) => c.channel)).size).toBeGreaterThanOrEqual(4)
    const languages = new Set(committed.map((c) => c.messages[0].language))
    expect(languages.size).toBeGreaterThanOrEqual(6)
    // Mostly English, as the brand's home market.
    expect(committed.filter((c) => c.messages[0].language === 'en').length / committed.length).toBeGreaterThan(0.5)
  })

  it('keeps every conversation coherent: customer first, in time order, one language, slots filled', () => {
    for (const c of committed) {
      expect(c.messages[0].role).toBe('customer')
      const times = c.messages.map((m) => Date.parse(m.sentAt))
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(new Set(c.messages.map((m) => m.language)).size).toBe(1)
      for (const m of c.messages) expect(m.text).not.toMatch(/\{\w+\}/)
      // resolved means the agent got to the closing reply, so it needs at least one agent message
      if (c.metadata.resolved) expect(c.messages.some((m) => m.role === 'agent')).toBe(true)
    }
    expect(committed.some((c) => c.messages.length === 1)).toBe(true)
    expect(committed.some((c) => c.messages.length === 6)).toBe(true)
  })

  it('keeps X messages within 280 characters, and email longer than X on average', () => {
    const xMessages = committed.filter((c) => c.channel === 'x').flatMap((c) => c.messages)
    expect(xMessages.length).toBeGreaterThan(50)
    for (const m of xMessages) expect([...m.text].length).toBeLessThanOrEqual(280)
    const meanLength = (channel: string): number => {
      const texts = committed.filter((c) => c.channel === channel).flatMap((c) => c.messages.map((m) => m.text.length))
      return texts.reduce((a, b) => a + b, 0) / texts.length
    }
    expect(meanLength('email')).toBeGreaterThan(meanLength('x') * 1.5)
  })

  it('carries fictional PII for redaction to find: emails, order numbers, reserved phone numbers', () => {
    const texts = committed.flatMap((c) => c.messages.map((m) => m.text))
    expect(texts.filter((t) => /[\w.]+@(example\.(com|org|net)|mail\.example)/.test(t)).length).toBeGreaterThan(50)
    expect(texts.filter((t) => /BW-\d{7}/.test(t)).length).toBeGreaterThan(50)
    expect(texts.some((t) => /07700 900\d{3}/.test(t))).toBe(true)
  })

  it('starts the app 5.2 crash theme at the release and grows it every week', () => {
    const crashes = committed.filter((c) => c.metadata.scenario === 'app_52_crash')
    for (const c of crashes) expect(Date.parse(c.messages[0].sentAt)).toBeGreaterThanOrEqual(Date.parse(APP_52_RELEASE))
    const weekly = [...weeklyCounts('app_52_crash').entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, n]) => n)
    expect(weekly.length).toBeGreaterThanOrEqual(4)
    for (let i = 1; i < weekly.length; i++) expect(weekly[i]).toBeGreaterThan(weekly[i - 1])
  })

  it('puts the regional outage in one week only, inside its window', () => {
    const counts = weeklyCounts('regional_outage')
    expect([...counts.keys()]).toEqual(['2026-W44'])
    expect(counts.get('2026-W44')).toBeGreaterThanOrEqual(20)
    for (const c of committed.filter((c) => c.metadata.scenario === 'regional_outage')) {
      const start = Date.parse(c.messages[0].sentAt)
      expect(start).toBeGreaterThanOrEqual(Date.parse(OUTAGE_WINDOW.start))
      expect(start).toBeLessThanOrEqual(Date.parse(OUTAGE_WINDOW.end))
      // "service is back" replies come after the repair, not before
      if (c.metadata.resolved) {
        const closing = c.messages.filter((m) => m.role === 'agent').at(-1)!
        expect(Date.parse(closing.sentAt)).toBeGreaterThan(Date.parse(OUTAGE_RESTORED))
      }
    }
  })

  it('fades the remote back-order out after stock arrives', () => {
    const counts = weeklyCounts('remote_backorder')
    expect(counts.get('2026-W38')).toBeGreaterThan(10)
    for (const week of ['2026-W43', '2026-W44', '2026-W45']) expect(counts.get(week) ?? 0).toBe(0)
  })

  it('makes wifi dropouts the top complaint of French-speaking customers', () => {
    const counts = new Map<string, number>()
    for (const c of committed.filter((c) => c.messages[0].language === 'fr')) {
      counts.set(c.metadata.scenario, (counts.get(c.metadata.scenario) ?? 0) + 1)
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1])
    expect(ranked[0][0]).toBe('router_wifi')
  })

  it('ships 10–20 knowledge articles covering the scenarios agents need', () => {
    expect(DEMO_KNOWLEDGE_ARTICLES.length).toBeGreaterThanOrEqual(10)
    expect(DEMO_KNOWLEDGE_ARTICLES.length).toBeLessThanOrEqual(20)
    for (const a of DEMO_KNOWLEDGE_ARTICLES) knowledgeSchema.parse(a)
    const tags = new Set(DEMO_KNOWLEDGE_ARTICLES.flatMap((a) => a.tags))
    for (const tag of ['refund', 'router', 'known-issue', 'delivery', 'cancellation', 'password', 'outage']) expect(tags).toContain(tag)
  })
})
