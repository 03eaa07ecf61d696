// A ranking of the days of the week or the hours of the day, as the local answer states it: per day each occurs.
import { describe, expect, it } from 'vitest'
import { answerLocally } from '../../src/chains/ask/answer-local.ts'
import { slotOccurrences } from '../../src/chains/ask/time.ts'
import type { AskFigure, AskPlan } from '../../src/chains/ask/types.ts'

const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z', label: '1 Nov 2026 – 20 Nov 2026' }
const at = { from: range.from, to: range.to, filters: {} }
const plan = (groupBy: 'weekday' | 'hour'): AskPlan => ({ kind: 'rank', groupBy, timeRange: range, filters: { customerRole: 'customer' }, planner: 'local' })
const row = (dimension: string, key: string, value: number, days: number): AskFigure =>
  ({ kind: 'breakdown', label: `customer messages by ${dimension}: ${key}`, value, unit: 'messages', group: { [dimension]: key, days: String(days) }, exact: true, ...at })

describe('slotOccurrences', () => {
  it('counts each weekday and hour of a range, a slot it cuts into once', () => {
    // 1–20 Nov 2026: Sunday the 1st to Friday the 20th.
    const weekdays = slotOccurrences(range, 'weekday')
    expect(Object.fromEntries(weekdays)).toEqual({ 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 2, 7: 3 })
    const hours = slotOccurrences({ from: '2026-11-01T09:30:00.000Z', to: '2026-11-02T10:00:00.000Z' }, 'hour')
    expect(hours.get('09')).toBe(2)
    expect(hours.get('10')).toBe(1)
    expect(hours.size).toBe(24)
  })
})

describe('a ranking of weekdays or hours', () => {
  it('names the busiest weekday by its messages per day, with its total, and says when some occur more often', () => {
    const figures = [row('weekday', '1', 60, 3), row('weekday', '6', 38, 2), row('weekday', '7', 30, 3)]
    const answer = answerLocally({ question: 'Which weekday is busiest?', plan: plan('weekday'), figures, citations: [], workspaceId: 'w' })
    expect(answer).toContain('By weekday (UTC), Monday has the most customer messages (1 Nov 2026 – 20 Nov 2026): 60 on 3 Mondays, 20 a day.')
    expect(answer).toContain('Then Saturday (19 a day), Sunday (10 a day).')
    expect(answer).toContain('compared per day, as the period the data covers has 2 to 3 of each')
    expect(answer).toContain('exact counts from message timestamps, in UTC')
  })

  it('names hours as a span of the clock in UTC, and estimates as estimates', () => {
    const estimated = { ...row('hour', '18', 54, 70), estimate: { value: 54, low: 37, high: 74, method: 'test' }, exact: undefined }
    const answer = answerLocally({ question: 'What time of day do we get the most complaints?', plan: { ...plan('hour'), filters: { customerRole: 'customer', sentiment: 'negative' } }, figures: [estimated, row('hour', '03', 0, 70)], citations: [], workspaceId: 'w' })
    expect(answer).toContain('By hour of the day (UTC), 18:00–19:00 UTC has the most negative customer messages')
    expect(answer).toContain('about 54 (estimated from classifier labels, 95% interval 37–74) on 70 days, about 0.8 a day')
    // An hour without a message is not among the busiest: "Then 03:00–04:00 UTC (0 a day)" named it.
    expect(answer).not.toContain('Then')
    expect(answer).not.toContain('compared per day, as')
    // …but among the quietest it is the answer.
    const quiet = answerLocally({ question: 'What is the quietest hour?', plan: { ...plan('hour'), ascending: true }, figures: [row('hour', '03', 0, 70), row('hour', '18', 54, 70)], citations: [], workspaceId: 'w' })
    expect(quiet).toContain('03:00–04:00 UTC has the fewest customer messages')
    expect(quiet).toContain('Then 18:00–19:00 UTC (0.8 a day).')
  })
})
