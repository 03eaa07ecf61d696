// The weekly run's own discovery (weekly-run.ts weekItems + discoverWeekThemes) is what the themes eval
// suite measures, so these pin what that recipe does to a week: masking, focus on the week, the minimum.
import { describe, expect, it } from 'vitest'
import { discoverWeekThemes, weekItems } from '../../src/chains/themes/weekly-run.ts'

/** Unit vectors around one axis per topic, with a little deterministic jitter. */
function around(axis: number, count: number, dimension = 16): Float32Array[] {
  let state = 11 + axis
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296)
  return Array.from({ length: count }, () => {
    const v = new Float32Array(dimension)
    v[axis] = 1
    for (let d = 0; d < dimension; d++) v[d] += 0.15 * (random() - 0.5)
    const norm = Math.hypot(...v)
    return v.map((x) => x / norm)
  })
}

const message = (text: string, vector: Float32Array, conversationId: string) => ({ text, vector, conversationId, intent: null, language: 'en', people: [] })

describe('weekItems', () => {
  it("masks the author's name and contact details before any word is read, and keeps intent and language", () => {
    const [vector] = around(0, 1)
    const { items, masked } = weekItems([{ text: 'Jane Moss here, ring me on 07700 900123 about the router', vector, conversationId: 'c1', intent: 'router_wifi', language: 'en', people: ['Jane Moss', null] }])
    expect(masked[0]).not.toMatch(/Jane|Moss|07700/)
    expect(items[0].text).not.toMatch(/Jane|Moss|07700/)
    expect(items[0].text).toContain('router')
    expect(items[0]).toMatchObject({ conversationId: 'c1', intent: 'router_wifi', language: 'en', vector })
  })
})

describe('discoverWeekThemes', () => {
  it('reports themes of the week only: context weeks help form clusters but are never members, and a theme needs 3 messages in the week', () => {
    const router = around(1, 12).map((v, i) => message(`router keeps dropping the wifi ${i}`, v, `r${i}`))
    const billing = around(2, 12).map((v, i) => message(`charged twice on my bill ${i}`, v, `b${i}`))
    // The week: 12 router messages and 2 billing ones; the context weeks: 10 more billing messages.
    const messages = [...router, ...billing.slice(0, 2), ...billing.slice(2)]
    const inWeek = 14
    const { items } = weekItems(messages)
    const { themes } = discoverWeekThemes(items, inWeek)
    const members = themes.flatMap((t) => t.members)
    expect(members.every((i) => i < inWeek)).toBe(true)
    expect(themes.every((t) => t.members.length >= 3)).toBe(true)
    const routerTheme = themes.find((t) => t.members.includes(0))
    expect(routerTheme?.members.filter((i) => i < 12).length).toBeGreaterThanOrEqual(10)
    // The week's 2 billing messages cluster with their context but are too few to be a theme of the week.
    expect(members).not.toContain(12)
    expect(members).not.toContain(13)
  })
})
