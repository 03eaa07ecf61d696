// A ranking of each group's own rate ("Which channel is the most negative?"), as the local answer states it.
import { describe, expect, it } from 'vitest'
import { answerLocally } from '../../src/chains/ask/answer-local.ts'
import type { AskFigure, AskPlan } from '../../src/chains/ask/types.ts'

const range = { from: '1970-01-01T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z', label: 'all time' }
const plan: AskPlan = { kind: 'rank', groupBy: 'channel', wantsShare: true, timeRange: range, filters: { customerRole: 'customer', sentiment: 'negative' }, planner: 'local' }
const at = { from: range.from, to: range.to, filters: {} }

function rows(groups: Array<[string, number, number, number, number]>, unit: 'messages' | 'conversations' = 'messages'): AskFigure[] {
  return groups.flatMap(([key, share, low, high, base]) => [
    { kind: 'breakdown', label: `share, by channel: ${key}`, value: share, unit: 'percent', group: { channel: key }, estimate: { value: share, low, high, method: 'test' }, ...at },
    { kind: 'count', label: `customer messages by channel: ${key}`, value: base, unit, group: { channel: key }, exact: true, ...at },
  ] as AskFigure[])
}

describe('a ranking of rates', () => {
  it('names the group with the highest share of its own messages, with its base, and says when the first two overlap', () => {
    const answer = answerLocally({ question: 'Which channel is the most negative?', plan, figures: rows([['instagram', 52.3, 36, 74, 172], ['x', 50, 40, 61, 484]]), citations: [], workspaceId: 'w' })
    expect(answer).toContain('By channel, the share of customer messages that are negative is highest on instagram (all time): about 52.3% (95% interval 36–74%) of its 172 customer messages.')
    expect(answer).toContain('Then x (about 50% of 484).')
    expect(answer).toContain('The intervals of instagram and x overlap, so neither is clearly highest.')
    const clear = answerLocally({ question: 'Which channel is the most negative?', plan, figures: rows([['instagram', 72, 65, 80, 172], ['x', 40, 35, 45, 484]]), citations: [], workspaceId: 'w' })
    expect(clear).not.toContain('overlap')
  })

  it('says a share of complaints is of conversations, the lowest when asked for the least, and languages by name', () => {
    const complaints = answerLocally({ question: 'Which channel has the highest share of complaints?', plan: { ...plan, countsCustomers: true }, figures: rows([['chat', 88.9, 52, 97.5, 81]], 'conversations'), citations: [], workspaceId: 'w' })
    expect(complaints).toContain('the share of conversations with a complaint is for chat (all time): about 88.9% (95% interval 52–97.5%) of its 81 conversations with customer messages.')
    expect(complaints).toContain('a conversation counts once')
    const least = answerLocally({ question: 'Which channel is least negative?', plan: { ...plan, ascending: true }, figures: rows([['chat', 40, 30, 50, 100], ['x', 50, 45, 55, 400]]), citations: [], workspaceId: 'w' })
    expect(least).toContain('is lowest on chat')
    const byLanguage = rows([['de', 57.1, 35.7, 83.9, 56], ['fr', 52.6, 40, 66, 156]]).map((f) => ({ ...f, group: { language: f.group!.channel! } }))
    const languages = answerLocally({ question: 'Which language has the highest share of negative messages?', plan: { ...plan, groupBy: 'language' }, figures: byLanguage, citations: [], workspaceId: 'w' })
    expect(languages).toContain('is highest in German')
    expect(languages).toContain('Then French (about 52.6% of 156).')
  })

  it('says an intent\'s rate is of its estimated count, and names the intent', () => {
    const byIntent = rows([['bug_outage', 59.4, 23.9, 100, 165], ['billing', 56.5, 20, 100, 124]])
      .map((f) => ({ ...f, group: { intent: f.group!.channel! }, ...(f.kind === 'count' ? { exact: undefined, estimate: { value: f.value, low: f.value - 20, high: f.value + 40, method: 'test' } } : {}) }))
    const answer = answerLocally({ question: 'Which topic is the most negative?', plan: { ...plan, groupBy: 'intent' }, figures: byIntent, citations: [], workspaceId: 'w' })
    expect(answer).toContain('By intent, the share of customer messages that are negative is highest for bug outage (all time): about 59.4% (95% interval 23.9–100%) of its about 165 customer messages.')
    expect(answer).toContain('Then billing (about 56.5% of about 124).')
    expect(answer).toContain('an intent that may have fewer than 10 messages is not ranked')
  })
})

describe('a ranking of counts', () => {
  const count = (intent: string, value: number, low: number, high: number): AskFigure =>
    ({ kind: 'breakdown', label: intent, value, unit: 'messages', group: { intent }, estimate: { value, low, high, method: 'test' }, ...at })
  const ranked = (figures: AskFigure[]) => answerLocally({
    question: 'Compare billing and delivery complaints in October', plan: { ...plan, groupBy: 'intent', wantsShare: false, among: ['billing', 'delivery'] }, figures, citations: [], workspaceId: 'w',
  })

  it('says when the first two intervals overlap ("billing, about 30 (17–81), then delivery, about 21 (6–67)" named no clear first)', () => {
    expect(ranked([count('billing', 30, 17, 81), count('delivery', 21, 6, 67)])).toContain('The intervals of billing and delivery overlap, so neither is clearly highest.')
    expect(ranked([count('billing', 80, 60, 100), count('delivery', 21, 6, 40)])).not.toContain('overlap')
  })
})
