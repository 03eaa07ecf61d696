// A count filtered by a theme carries bounds on clustering's error: the answer states them as bounds
// ("between 66 and 187"), never as a 95% interval, and a label estimate keeps its 95% interval.
import { describe, expect, it } from 'vitest'
import { answerLocally, figureText } from '../../src/chains/ask/answer-local.ts'
import { isThemeBounds, isWidenedByTheme, THEME_BOUNDS_METHOD, widenedByTheme } from '../../src/chains/ask/theme-estimate.ts'
import type { AskFigure, AskPlan } from '../../src/chains/ask/types.ts'

const range = { from: '2026-09-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z', label: '1 Sept 2026 – 30 Sept 2026' }
const plan: AskPlan = { kind: 'count', timeRange: range, filters: { customerRole: 'customer', theme: 'voice remote' }, planner: 'local', themeMatched: 'Voice remote' }
const bounds = (value: number, low: number, high: number) => ({ value, low, high, method: `${THEME_BOUNDS_METHOD}: members, bounded by mentions` })
const figures: AskFigure[] = [
  { kind: 'count', label: 'customer messages in the theme "voice remote"', value: 139, unit: 'messages', from: range.from, to: range.to, filters: {}, estimate: bounds(139, 66, 187) },
  { kind: 'count', label: 'conversations with such messages', value: 75, unit: 'conversations', from: range.from, to: range.to, filters: {}, estimate: bounds(75, 37, 98) },
]

describe('a theme count with bounds', () => {
  it('is told apart from a label estimate by its method', () => {
    expect(isThemeBounds(figures[0]!.estimate!)).toBe(true)
    expect(isThemeBounds({ method: 'sum of calibrated probabilities' })).toBe(false)
  })

  it('the answer states the messages and conversations with their bounds, not as a 95% interval', () => {
    const answer = answerLocally({ question: 'How many messages about the voice remote in September?', plan, figures, citations: [], workspaceId: 'w' })
    expect(answer).toContain('about 139 (counted among the messages the weekly theme runs put in the theme; between 66 and 187')
    expect(answer).toContain('about 75 conversations (between 37 and 98)')
    expect(answer).not.toMatch(/95% interval/)
  })

  it('a label estimate keeps its 95% interval', () => {
    const labelled: AskFigure = { ...figures[0]!, estimate: { value: 40, low: 35, high: 50, method: 'sum of calibrated probabilities' }, value: 40 }
    expect(figureText(labelled)).toBe('about 40 (estimated from classifier labels, 95% interval 35–50)')
  })

  it('a label estimate within a theme keeps its value and takes the theme\'s bounds on top of its own, and says both', () => {
    // 31 customers complained among the wifi theme's members (labels: 20–34); the theme holds 40
    // conversations, 30 of them naming its words, and may have missed 26 more.
    const labels = { value: 31, low: 20, high: 34, method: 'per conversation, its likeliest message' }
    const widened = widenedByTheme(labels, bounds(40, 30, 66))
    expect(widened).toMatchObject({ value: 31, low: 15, high: 60 })
    expect(isWidenedByTheme(widened)).toBe(true)
    expect(isThemeBounds(widened)).toBe(false)
    const figure: AskFigure = { ...figures[1]!, value: 31, estimate: widened }
    expect(figureText(figure)).toBe('about 31 (estimated from classifier labels, between 15 and 60: the labels\' 95% interval widened by what the theme\'s clustering may have got wrong)')
    // A theme whose members all name its words and that can have missed nothing leaves the labels' interval as it was.
    expect(widenedByTheme(labels, bounds(40, 40, 40))).toMatchObject({ value: 31, low: 20, high: 34 })
  })
})
