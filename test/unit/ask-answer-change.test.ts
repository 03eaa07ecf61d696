// The change against the previous period, as the local answer states it.
import { describe, expect, it } from 'vitest'
import { answerLocally } from '../../src/chains/ask/answer-local.ts'
import { lengthRatio } from '../../src/chains/ask/time.ts'
import type { AskFigure, AskPlan } from '../../src/chains/ask/types.ts'

const range = { from: '2026-09-15T00:00:00.000Z', to: '2026-11-10T00:00:00.000Z', label: 'past 8 weeks' }
const before = { from: '2026-07-21T00:00:00.000Z', to: '2026-09-15T00:00:00.000Z' }
const plan: AskPlan = {
  kind: 'count', timeRange: range, previousRange: { ...before, label: 'previous period (21 Jul 2026 – 15 Sept 2026)' }, filters: { customerRole: 'customer', intent: 'bug_outage', sentiment: 'negative' }, planner: 'local',
}

function answerWith(now: number, previous: number, changeInterval?: [number, number]): string {
  const value = Math.round(((now - previous) / previous) * 100)
  const estimate = changeInterval && { value, low: changeInterval[0], high: changeInterval[1], method: 'test' }
  const figures: AskFigure[] = [
    { kind: 'count', label: 'negative customer messages about bug outage, past 8 weeks', value: now, unit: 'messages', from: range.from, to: range.to, filters: {} },
    { kind: 'previous_count', label: 'negative customer messages about bug outage, previous period (21 Jul 2026 – 15 Sept 2026)', value: previous, unit: 'messages', ...before, filters: {} },
    { kind: 'change', label: 'change against previous period (21 Jul 2026 – 15 Sept 2026)', value, unit: 'percent', from: range.from, to: range.to, filters: {}, ...(estimate ? { estimate } : {}) },
  ]
  return answerLocally({ question: 'How did app crash complaints change?', plan, figures, citations: [], workspaceId: 'w' })
}

describe('the change against the previous period', () => {
  it('is a percentage on a base of some size', () => {
    expect(answerWith(94, 40)).toContain('That is up 135% from 40 in the previous period (21 Jul 2026 – 15 Sept 2026).')
  })

  it('does not vouch for a direction the labels\' intervals do not settle ("up 6.4% from 47", each count ±30)', () => {
    expect(answerWith(50, 47, [-68, 238])).toContain('That is up 6% from 47 in the previous period (21 Jul 2026 – 15 Sept 2026); the two periods\' intervals overlap, so the direction is not certain.')
    expect(answerWith(94, 40, [60, 220])).toContain('That is up 135% from 40 in the previous period (21 Jul 2026 – 15 Sept 2026).')
  })

  it('compares periods of different lengths per day ("November" asked on the 20th was "down 68%" against October)', () => {
    const november = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-20T12:00:00.000Z', label: '1 Nov 2026 – 20 Nov 2026' }
    const october = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', label: '1 Oct 2026 – 31 Oct 2026' }
    const [inNovember, inOctober] = [november, october].map(({ from, to }) => ({ from, to }))
    // 12 in 19.5 days against 19 in 31: per day 0.615 against 0.613, about the same.
    const estimate = (value: number, low: number, high: number) => ({ value, low, high, method: 'test' })
    const figures: AskFigure[] = [
      { kind: 'count', label: `negative customer messages about delivery, ${november.label}`, value: 12, unit: 'messages', ...inNovember, filters: {}, estimate: estimate(12, 8, 20) },
      { kind: 'count', label: `conversations with such messages, ${november.label}`, value: 12, unit: 'conversations', ...inNovember, filters: {}, estimate: estimate(12, 8, 20) },
      { kind: 'previous_count', label: `negative customer messages about delivery, ${october.label}`, value: 19, unit: 'messages', ...inOctober, filters: {}, estimate: estimate(19, 14, 30) },
      { kind: 'previous_count', label: `conversations with such messages, ${october.label}`, value: 19, unit: 'conversations', ...inOctober, filters: {}, estimate: estimate(19, 14, 30) },
      { kind: 'change', label: `change against ${october.label}, per day`, value: 0, unit: 'percent', ...inNovember, filters: {}, group: { measure: 'per_day' }, estimate: estimate(0, -40, 50) },
    ]
    const compared = answerLocally({
      question: 'How many customers complained about delivery in November compared to October?', plan: { ...plan, kind: 'compare', timeRange: november, previousRange: october }, figures, citations: [], workspaceId: 'w',
    })
    expect(compared).toContain('About 12 customers complained in 1 Nov 2026 – 20 Nov 2026 (95% interval 8–20), against about 19 in 1 Oct 2026 – 31 Oct 2026 (95% interval 14–30): about the same per day, as 1 Nov 2026 – 20 Nov 2026 has 19.5 days against 31.')
    // The messages' sentence after it does not explain the per-day comparison twice.
    expect(compared).toContain('Their messages are unchanged from 19 in 1 Oct 2026 – 31 Oct 2026, per day.')
    const down: AskFigure = { ...figures[4]!, value: -45, estimate: estimate(-45, -70, -10) }
    const counted = answerLocally({ question: 'How many delivery complaints in November?', plan: { ...plan, timeRange: november, previousRange: october }, figures: [...figures.slice(0, 4), down], citations: [], workspaceId: 'w' })
    expect(counted).toContain('That is down 45% from 19 in 1 Oct 2026 – 31 Oct 2026; compared per day, as 1 Nov 2026 – 20 Nov 2026 has 19.5 days against 31.')
  })

  it('says which topic grew or fell most per day, and only beyond the counts\' noise ("Complaint grew most: from 0 to 1"; "bug outage fell most: from 48 to 41" over 19.5 days against 31)', () => {
    const november = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-20T12:00:00.000Z', label: '1 Nov 2026 – 20 Nov 2026' }
    const october = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', label: '1 Oct 2026 – 31 Oct 2026' }
    const row = (intent: string, now: number, then: number): AskFigure => ({
      kind: 'breakdown', label: `customer messages about ${intent}`, value: now, previousValue: then, unit: 'messages', from: november.from, to: november.to, filters: {}, group: { intent },
    })
    const total = (rows: AskFigure[], key: 'value' | 'previousValue') => rows.reduce((n, r) => n + (r[key] ?? 0), 0)
    const compare = (rows: AskFigure[]) => answerLocally({
      question: 'Did messages go up in November compared to October?', plan: { ...plan, filters: { customerRole: 'customer' }, kind: 'compare', timeRange: november, previousRange: october },
      figures: [
        { kind: 'count', label: `customer messages, ${november.label}`, value: total(rows, 'value'), unit: 'messages', from: november.from, to: november.to, filters: {}, exact: true },
        { kind: 'previous_count', label: `customer messages, ${october.label}`, value: total(rows, 'previousValue'), unit: 'messages', from: october.from, to: october.to, filters: {}, exact: true },
        ...rows,
      ],
      citations: [], workspaceId: 'w',
    })
    // 48 → 41 is 65 per October's length: no fall, and within the noise. 50 → 90 is 143: a rise. 0 → 1 is noise.
    const answer = compare([row('complaint', 1, 0), row('bug_outage', 41, 48), row('connectivity', 90, 50), row('delivery', 5, 60)])
    expect(answer).toContain('Connectivity grew most per day (1 Nov 2026 – 20 Nov 2026 has 19.5 days against 31): from 50 in 1 Oct 2026 – 31 Oct 2026 to 90 in 1 Nov 2026 – 20 Nov 2026.')
    expect(answer).toContain('Delivery fell most: from 60 to 5.')
    expect(answer).not.toMatch(/Complaint grew|Bug outage fell/)
    expect(compare([row('complaint', 1, 0), row('billing', 7, 9)])).toContain('No topic clearly grew against 1 Oct 2026 – 31 Oct 2026 per day')
    expect(lengthRatio(november, october)).toBeCloseTo(19.5 / 31, 3)
  })

  it('names the counts, not a percentage, on a base of a handful (app crashes were "up 9300% from 1")', () => {
    const answer = answerWith(94, 1)
    expect(answer).toContain('That is up from 1 in the previous period (21 Jul 2026 – 15 Sept 2026).')
    expect(answer).not.toMatch(/9300%/)
  })

  it('reads a weekly trend between whole weeks ("the last 8 weeks" from a Friday went "from 4 in 2026-W39 to 0 in 2026-W47")', () => {
    const week = (w: string, value: number, partial = false): AskFigure => ({
      kind: 'series', label: `customer messages, week ${w}`, value, unit: 'messages', from: range.from, to: range.to, filters: {}, group: { week: w, measure: 'volume', ...(partial ? { partial: 'true' } : {}) },
    })
    const count: AskFigure = { kind: 'count', label: 'customer messages, past 8 weeks', value: 25, unit: 'messages', from: range.from, to: range.to, filters: {}, exact: true }
    const figures = [count, week('2026-W39', 4, true), week('2026-W40', 9), week('2026-W41', 12), week('2026-W47', 0, true)]
    const answer = answerLocally({ question: 'How did messages change week by week?', plan: { ...plan, kind: 'trend' }, figures, citations: [], workspaceId: 'w' })
    expect(answer).toContain('Weekly volume went from 9 in 2026-W40 to 12 in 2026-W41, whole weeks (2026-W39 and 2026-W47 are only partly in the range).')
    // With fewer than two whole weeks, the partial ones are compared and named so.
    const short = answerLocally({ question: 'How did messages change week by week?', plan: { ...plan, kind: 'trend' }, figures: [count, week('2026-W46', 3, true), week('2026-W47', 5, true)], citations: [], workspaceId: 'w' })
    expect(short).toContain('Weekly volume went from 3 in 2026-W46 (part of it) to 5 in 2026-W47 (part of it).')
    // Weeks of labels are estimates: "about", and no direction vouched for when their intervals overlap.
    const estimated = (w: string, value: number, low: number, high: number): AskFigure => ({ ...week(w, value), estimate: { value, low, high, method: 'test' } })
    const labelled = answerLocally({ question: 'How did delivery complaints change?', plan: { ...plan, kind: 'trend' }, figures: [count, estimated('2026-W42', 3, 1, 9), estimated('2026-W45', 5, 2, 12)], citations: [], workspaceId: 'w' })
    expect(labelled).toContain("Weekly volume went from about 3 in 2026-W42 to about 5 in 2026-W45; the two weeks' intervals overlap, so the direction is not certain.")
    const clear = answerLocally({ question: 'How did delivery complaints change?', plan: { ...plan, kind: 'trend' }, figures: [count, estimated('2026-W42', 3, 1, 9), estimated('2026-W45', 30, 20, 41)], citations: [], workspaceId: 'w' })
    expect(clear).toContain('Weekly volume went from about 3 in 2026-W42 to about 30 in 2026-W45.')
  })

  it('writes a range whose label has its dates in brackets once: "(this month: 1 Nov 2026 – 12 Nov 2026)"', () => {
    const month = { ...range, label: 'this month (1 Nov 2026 – 12 Nov 2026)' }
    const figures: AskFigure[] = [{ kind: 'count', label: 'customer messages about delivery, this month', value: 7, unit: 'messages', from: range.from, to: range.to, filters: {}, exact: true }]
    const answer = answerLocally({ question: 'How many delivery messages this month?', plan: { ...plan, timeRange: month }, figures, citations: [], workspaceId: 'w' })
    expect(answer).toContain('(this month: 1 Nov 2026 – 12 Nov 2026;')
    expect(answer).not.toContain('(this month (')
  })

  it('states a share of estimated counts with its interval (12.3% of negative messages was 5–49%)', () => {
    const figures: AskFigure[] = [
      { kind: 'count', label: 'negative customer messages about billing, October', value: 29, unit: 'messages', from: range.from, to: range.to, filters: {}, estimate: { value: 29, low: 15, high: 81, method: 'test' } },
      { kind: 'count', label: 'all customer messages about billing, October', value: 55, unit: 'messages', from: range.from, to: range.to, filters: { intent: 'billing' }, group: { measure: 'base' }, estimate: { value: 55, low: 40, high: 90, method: 'test' } },
      { kind: 'share', label: 'negative customer messages about billing as a share of all customer messages about billing', value: 52.7, unit: 'percent', from: range.from, to: range.to, filters: {}, estimate: { value: 52.7, low: 21, high: 100, method: 'test' } },
    ]
    const answer = answerLocally({ question: 'What share of messages about billing were negative in October?', plan: { ...plan, filters: { customerRole: 'customer', intent: 'billing', sentiment: 'negative' } }, figures, citations: [], workspaceId: 'w' })
    expect(answer).toContain('That is about 52.7% (95% interval 21–100%) of the about 55 customer messages about billing.')
    // Counted exactly, it is stated exactly.
    const exact = figures.map(({ estimate: _e, ...f }) => f)
    expect(answerLocally({ question: 'q', plan, figures: exact, citations: [], workspaceId: 'w' })).toContain('That is 52.7% of the 55 customer messages about billing.')
  })
})

describe('lengthRatio', () => {
  const r = (from: string, to: string) => ({ from: `${from}T00:00:00.000Z`, to: `${to}T00:00:00.000Z`, label: '' })
  it('is 1 for calendar months and periods of about the same length, else how long the range is against the other', () => {
    expect(lengthRatio(r('2026-03-01', '2026-04-01'), r('2026-02-01', '2026-03-01'))).toBe(1)
    expect(lengthRatio(r('2026-11-01', '2026-11-16'), r('2026-10-01', '2026-11-01'))).toBeCloseTo(15 / 31, 6)
    expect(lengthRatio(r('2026-10-01', '2026-11-01'), r('2026-10-20', '2026-10-21'))).toBe(31)
  })
})

describe('customers who complained, beside the negative messages', () => {
  it('says why they outnumber the negative messages when neutral reports count (137 customers against 112 negative messages)', () => {
    const complaint = 'per conversation …; a complaint is a negative message, or a neutral one reporting a problem (billing, delivery, …)'
    const figures = (customers: number): AskFigure[] => [
      { kind: 'count', label: 'negative customer messages, past 8 weeks', value: 112, unit: 'messages', from: range.from, to: range.to, filters: {}, estimate: { value: 112, low: 67, high: 162, method: 'test' } },
      { kind: 'count', label: 'conversations with a complaint (a negative message, or a neutral one reporting a problem), past 8 weeks', value: customers, unit: 'conversations', from: range.from, to: range.to, filters: {}, estimate: { value: customers, low: 63, high: 155, method: complaint } },
    ]
    const ask = (customers: number) => answerLocally({ question: 'How many complaints in the past 8 weeks?', plan: { ...plan, filters: { customerRole: 'customer', sentiment: 'negative' } }, figures: figures(customers), citations: [], workspaceId: 'w' })
    expect(ask(137)).toContain('About 137 customers complained (95% interval 63–155; a complaint is a negative message, or a neutral one reporting the problem, so they outnumber the negative messages).')
    expect(ask(90)).toContain('About 90 customers complained (95% interval 63–155; a complaint is a negative message, or a neutral one reporting the problem).')
  })
})

describe('how the messages felt', () => {
  it('a question read as "why" says the sentiment mix it computed ("What\'s the sentiment on WhatsApp this month?" listed only intents)', () => {
    const estimate = (value: number, low: number, high: number) => ({ value, low, high, method: 'test' })
    const mix = (sentiment: 'negative' | 'neutral' | 'positive', value: number, low: number, high: number): AskFigure => ({
      kind: 'sentiment_mix', label: `share of customer messages on whatsapp that are ${sentiment}`, value, unit: 'percent', from: range.from, to: range.to, filters: {}, group: { sentiment }, estimate: estimate(value, low, high),
    })
    const figures: AskFigure[] = [
      { kind: 'count', label: 'customer messages on whatsapp, past 8 weeks', value: 13, unit: 'messages', from: range.from, to: range.to, filters: {}, exact: true },
      mix('negative', 61.5, 30, 90), mix('neutral', 7.7, 0, 40), mix('positive', 30.8, 5, 60),
    ]
    const answer = answerLocally({ question: "What's the sentiment on WhatsApp?", plan: { ...plan, kind: 'why', filters: { customerRole: 'customer', channel: 'whatsapp' } }, figures, citations: [], workspaceId: 'w' })
    expect(answer).toContain('Of these, about 61.5% (95% interval 30–90%) were negative, about 7.7% (95% interval 0–40%) neutral and about 30.8% (95% interval 5–60%) positive (estimated from the sentiment labels).')
    const without = answerLocally({ question: 'Why?', plan: { ...plan, kind: 'why' }, figures: figures.slice(0, 1), citations: [], workspaceId: 'w' })
    expect(without).not.toContain('Of these')
  })
})

describe('a feeling compared between two periods', () => {
  it('is answered by its share in each, with the counts left to the figures ("happier" said the share fell, then that customers rose per day)', () => {
    const est = (value: number, low: number, high: number) => ({ value, low, high, method: 'labels' })
    const month = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-10T09:00:00.000Z', label: 'this month (1 Nov 2026 – 10 Nov 2026)' }
    const last = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', label: 'last month (1 Oct 2026 – 31 Oct 2026)' }
    const at = (r: { from: string; to: string }) => ({ from: r.from, to: r.to, filters: {} })
    const figures: AskFigure[] = [
      { kind: 'count', label: 'positive customer messages, this month', value: 64, unit: 'messages', estimate: est(64, 18, 108), ...at(month) },
      { kind: 'count', label: 'all customer messages, this month', value: 247, unit: 'messages', exact: true, ...at(month) },
      { kind: 'share', label: 'positive share, this month', value: 25.9, unit: 'percent', estimate: est(25.9, 7.3, 43.7), ...at(month) },
      { kind: 'share', label: 'positive share, last month', value: 33.3, unit: 'percent', estimate: est(33.3, 16.9, 50), group: { period: 'previous' }, ...at(last) },
      { kind: 'count', label: 'conversations with a positive message, this month', value: 54, unit: 'conversations', estimate: est(54, 16, 88), ...at(month) },
      { kind: 'previous_count', label: 'conversations with a positive message, last month', value: 121, unit: 'conversations', estimate: est(121, 72, 166), ...at(last) },
      { kind: 'previous_count', label: 'positive customer messages, last month', value: 156, unit: 'messages', estimate: est(156, 110, 200), ...at(last) },
      { kind: 'change', label: 'change against last month', value: 35.7, unit: 'percent', estimate: est(35.7, -60, 140), ...at(month) },
    ]
    const compare: AskPlan = { kind: 'compare', timeRange: month, previousRange: last, filters: { customerRole: 'customer', sentiment: 'positive' }, wantsShare: true, planner: 'local' }
    const answer = answerLocally({ question: 'Are customers happier this month than last month?', plan: compare, figures, citations: [], workspaceId: 'w' })
    expect(answer).toMatch(/^The positive share of customer messages went from about 33\.3% \(95% interval 16\.9–50%\) in the last month \(1 Oct 2026 – 31 Oct 2026\) to about 25\.9% .*: down; the two periods' intervals overlap, so the direction is not certain\./)
    expect(answer).not.toMatch(/customers wrote|Their messages|per day/)
    // Asked for a count, there is no share: the customers and the change are said.
    const counts = figures.filter((f) => f.kind !== 'share')
    const count = answerLocally({ question: 'Did more customers write positive messages this month than last month?', plan: { ...compare, wantsShare: false }, figures: counts, citations: [], workspaceId: 'w' })
    expect(count).toMatch(/customers wrote a positive message/)
  })
})
