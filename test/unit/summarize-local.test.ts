import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { leadBaseline, summarizeDialog } from '../../src/chains/summarize/local.ts'

// A made-up conversation written for this test.
const dialog = [
  { speaker: 'customer', text: '@ShopCo Hello. My order 5521 arrived with a cracked screen and I want a replacement, not a refund. Can you help?' },
  { speaker: 'agent', text: '@cust1 Hi there! So sorry to hear that. We can send a replacement right away. Please DM us your order number and a photo of the screen. ^KL' },
  { speaker: 'customer', text: '@ShopCo Sent you a DM with the photo.' },
  { speaker: 'agent', text: '@cust1 Thanks! The replacement is on its way and you will receive a tracking link by email today. https://t.co/abc /KL' },
  { speaker: 'customer', text: '@ShopCo Still no email with the tracking link?' },
]

describe('summarizeDialog', () => {
  const result = summarizeDialog(dialog)

  it('states what the customer wanted and what the agent did', () => {
    expect(result.wanted).toMatch(/cracked screen|replacement/)
    expect(result.done).toMatch(/replacement|DM us your order number/)
    expect(result.summary.startsWith('Customer: ')).toBe(true)
    expect(result.summary).toContain('Agent: ')
  })

  it('cleans handles, links and agent initials and skips pleasantries', () => {
    for (const s of result.sentences) {
      expect(s.text).not.toMatch(/@\w|https?:|\^KL|\/KL/)
      expect(s.text).not.toMatch(/^(Hi there|So sorry|Thanks!)/)
    }
  })

  it('keeps sentences in conversation order and honours maxSentences', () => {
    expect(result.sentences.length).toBeLessThanOrEqual(3)
    const positions = result.sentences.map((s) => result.summary.indexOf(s.text))
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(summarizeDialog(dialog, { maxSentences: 1 }).sentences).toHaveLength(1)
  })

  it('reports the open item when the customer ends unresolved, and none when they end satisfied', () => {
    expect(result.open).toMatch(/Still no email/)
    const happy = [...dialog.slice(0, 4), { speaker: 'customer', text: 'Got it, thanks a lot!' }]
    expect(summarizeDialog(happy).open).toBeNull()
  })

  it('handles an empty conversation', () => {
    expect(summarizeDialog([])).toEqual({ summary: '', wanted: '', done: '', open: null, sentences: [] })
  })
})

describe('leadBaseline', () => {
  it('returns the first sentences in the summary format', () => {
    expect(leadBaseline(dialog, 2)).toBe('Customer: My order 5521 arrived with a cracked screen and I want a replacement, not a refund. Can you help?')
  })
})

const TWEETSUMM = new URL('../../../shared/datasets/summaries/tweetsumm_val.jsonl', import.meta.url)
describe.skipIf(!existsSync(TWEETSUMM))('summarizeDialog on real dialogs (skipped: ../shared not present)', () => {
  it('summarises every TweetSumm validation dialog with both sides, within the sentence budget', () => {
    const rows = readFileSync(TWEETSUMM, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    for (const row of rows) {
      const summary = summarizeDialog(row.dialog)
      expect(summary.sentences.length).toBeGreaterThan(0)
      expect(summary.sentences.length).toBeLessThanOrEqual(3)
      expect(summary.wanted.length).toBeGreaterThan(0)
    }
  })
})
