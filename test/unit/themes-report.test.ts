import { describe, expect, it } from 'vitest'
import { renderThemesHtml } from '../../src/chains/themes/report-html.ts'
import { renderThemesMarkdown } from '../../src/chains/themes/report-md.ts'
import type { ReportTheme, ThemeReport } from '../../src/chains/themes/types.ts'
import { isoWeekOf, lastCompleteWeek, weekBefore, weekRange } from '../../src/chains/themes/week.ts'

const weeks = ['2026-W42', '2026-W43', '2026-W44']
function theme(over: Partial<ReportTheme>): ReportTheme {
  return {
    id: '00000000-0000-4000-8000-000000000001', label: 'App crashes at sign-in', generatedLabel: 'App crashes at sign-in', renamed: false,
    description: 'Customers report the app closing at sign-in.', volume: 30, conversations: 25, share: 0.3, previousVolume: 10, changePct: 200,
    trend: 'rising', spike: false, trendEvidence: { baselineVolume: 10, baselineShare: 0.1, baselineWeeks: 2, test: { name: 'two-proportion z-test', z: 4.1, p: 0.0001 } }, sentiment: { negative: 15, neutral: 8, positive: 2, uncertain: 5, unknown: 0 }, intents: [{ name: 'bug_outage', count: 20 }],
    channels: [{ name: 'x', count: 18 }], keyphrases: ['app crashes', 'sign in'],
    quotes: [{ messageId: 'm1', conversationId: 'c1', channel: 'x', sentAt: '2026-10-27T10:00:00.000Z', text: 'App <b>crashes</b> [click](http://evil) | again', url: 'http://h/conversations/c1' }],
    history: weeks.map((week, i) => ({ week, volume: [0, 10, 30][i], share: [0, 0.1, 0.3][i] })), presence: { weeks: 2, of: 3, everyWeek: false }, mergedFrom: [], degraded: false, ...over,
  }
}
const report: ThemeReport = {
  week: '2026-W44', from: '2026-10-26T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', generatedAt: '2026-11-03T08:00:00.000Z', computedAt: null,
  mode: 'local', degraded: false, totals: { messages: 100, clustered: 60, unclustered: 40, themes: 2 },
  volume: { messages: 100, usual: 50, spike: true, inNewThemes: 30 }, weeks,
  highlights: { new: ['n'], rising: ['00000000-0000-4000-8000-000000000001'], falling: [], spikes: ['n'] },
  themes: [theme({}), theme({ id: 'n', label: 'Fibre outage in Leeds', trend: 'new', spike: true, volume: 30, previousVolume: 0, changePct: null, trendEvidence: { baselineVolume: null, baselineShare: null, baselineWeeks: 0, test: null } })],
}

describe('theme report renderers', () => {
  it('writes Markdown with an intro, what is new or rising, a table and escaped quotes', () => {
    const md = renderThemesMarkdown(report)
    expect(md).toMatch(/^# Customer themes — week 2026-W44\n/)
    expect(md).toContain('26 Oct 2026 – 1 Nov 2026')
    expect(md).toContain('unusually busy week: 100 messages against a usual 50')
    // Uncertain labels are a share of their own, not spread over the others (15 + 8 + 2 + 5 labelled).
    expect(md).toContain('negative 50%, neutral 27%, positive 7%, uncertain 17%')
    // A theme of a few conversations says its counts: "positive 100%" for three read surer than it is.
    const few = renderThemesMarkdown({ ...report, themes: [theme({ sentiment: { negative: 0, neutral: 1, positive: 2, uncertain: 0, unknown: 0 } })] })
    expect(few).toContain('customers feel negative 0, neutral 1, positive 2 (of 3 conversations)')
    expect(md).toContain('**Fibre outage in Leeds** — new this week (nothing like it in the weeks before), 30 messages (30% of the week), an unusual spike; ')
    // The movement states the messages and the share once: the line does not repeat them.
    expect(md).not.toMatch(/an unusual spike; \d+ messages/)
    expect(md).toContain('rising: 10 → 30 messages a week (+200%) vs the mean of the 2 weeks before, 10% → 30% of the week; two-proportion z-test p < 0.001')
    expect(md).toContain('\\[click\\](http://evil) \\| again')
    expect(md).toContain('[conversation](http://h/conversations/c1)')
    expect(md).not.toContain('standing topic')
    // A theme there in every computed week says so, whatever its trend this week.
    const standing = renderThemesMarkdown({ ...report, themes: [theme({ trend: 'steady', presence: { weeks: 3, of: 3, everyWeek: true } })] })
    expect(standing).toContain('**steady** · a standing topic, there every week (3 of 3)')
  })

  it('writes HTML with escaped text and one bar per theme in each chart', () => {
    const html = renderThemesHtml(report)
    expect(html).not.toContain('<b>crashes</b>')
    expect(html).toContain('&lt;b&gt;crashes&lt;/b&gt;')
    expect(html.match(/class="bar volume"/g)).toHaveLength(2)
    expect(html.match(/class="bar change"/g)).toHaveLength(2)
    expect(html.match(/class="bar sentiment /g)).toHaveLength(8)
    expect(html).toContain('5 uncertain')
  })
})

describe('ISO weeks', () => {
  it('knows week boundaries, year edges and the last complete week', () => {
    expect(weekRange('2026-W44').from.toISOString()).toBe('2026-10-26T00:00:00.000Z')
    expect(isoWeekOf(new Date('2026-11-01T23:59:59Z'))).toBe('2026-W44')
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53')
    expect(weekBefore('2027-W01')).toBe('2026-W53')
    expect(weekBefore('2026-W02', 3)).toBe('2025-W51')
    expect(lastCompleteWeek(new Date('2026-11-02T00:05:00Z'))).toBe('2026-W44')
    expect(() => weekRange('2025-W53')).toThrow(/does not exist/)
  })
})
