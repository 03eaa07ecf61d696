// The weekly run's own discovery (weekly-run.ts weekItems + discoverWeekThemes) is what the themes eval
// suite measures, so these pin what that recipe does to a week: masking, focus on the week, the minimum.
import { describe, expect, it } from 'vitest'
import { discoverWeekThemes, ONE_LANGUAGE_DISCOVERY, ONE_LANGUAGE_MAX_MESSAGES, weekDiscoveryOptions, weekItems, WEEKLY_DISCOVERY } from '../../src/chains/themes/weekly-run.ts'

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

/** Twelve vectors between a shared axis and one of their own (cosine 0.5 with the shared one, 0.25 between two such topics). */
function halfway(shared: number, own: number): Float32Array[] {
  return around(own, 12).map((v) => {
    const mixed = v.map((x, d) => 0.866 * x + (d === shared ? 0.5 : 0))
    const norm = Math.hypot(...mixed)
    return mixed.map((x) => x / norm)
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

  it("gives a message that names a topic its conversation's subject intent: a follow-up read as another topic goes with its thread, thanks keep theirs", () => {
    const [vector] = around(0, 1)
    const at = (conversationId: string, intent: string | null, text = 'x') => ({ text, vector, conversationId, intent, language: 'en', people: [] })
    const { items } = weekItems([
      at('c1', 'billing', 'You charged me twice'),
      at('c1', 'delivery', "order number is BW-1, I've DMed you"),
      at('c1', 'billing', 'Still two payments on my statement'),
      at('c1', 'praise', 'Thanks!'),
      at('c2', 'praise', 'Great service'),
      at('c3', null, 'hello'),
    ])
    expect(items.map((i) => i.intent)).toEqual(['billing', 'billing', 'billing', 'praise', 'praise', null])
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

describe('the recipe of a week by its languages', () => {
  const week = (languages: Array<string | null>) => languages.map((language) => ({ language }))

  it('reads words when nine in ten messages of known language share one, and keeps the cross-lingual recipe otherwise', () => {
    expect(weekDiscoveryOptions(week([...Array(9).fill('en'), 'fr', 'und', null]))).toBe(ONE_LANGUAGE_DISCOVERY)
    expect(weekDiscoveryOptions(week([...Array(8).fill('en'), 'fr', 'de']))).toBe(WEEKLY_DISCOVERY)
    expect(weekDiscoveryOptions(week(['und', null]))).toBe(WEEKLY_DISCOVERY)
  })

  it('keeps the cheaper cross-lingual recipe for a week too big to read the words of in time', () => {
    expect(weekDiscoveryOptions(week(Array(ONE_LANGUAGE_MAX_MESSAGES).fill('en')))).toBe(ONE_LANGUAGE_DISCOVERY)
    expect(weekDiscoveryOptions(week(Array(ONE_LANGUAGE_MAX_MESSAGES + 1).fill('en')))).toBe(WEEKLY_DISCOVERY)
  })

  it('tells apart two topics the embedding runs together when the week is in one language, not across languages', () => {
    // Lost bags and refunds: their embeddings have a cosine near 0.25 (linked by the cross-lingual
    // recipe's threshold, apart in the word recipe's); six more topics have directions of their own.
    const topics = [
      { vectors: () => halfway(1, 4), text: (i: number) => `my suitcase went missing, bag ${i} lost at baggage claim` },
      { vectors: () => halfway(1, 5), text: (i: number) => `refund ${i} please, my money for the cancelled ticket` },
      { vectors: () => around(2, 12), text: (i: number) => `the crew was rude to me on board, seat ${i}` },
      { vectors: () => around(3, 12), text: (i: number) => `delayed ${i} hours at the gate waiting` },
      { vectors: () => around(6, 12), text: (i: number) => `the wifi on the plane ${i} never connected` },
      { vectors: () => around(7, 12), text: (i: number) => `booking ${i} on your website keeps failing` },
      { vectors: () => around(8, 12), text: (i: number) => `they gave my seat ${i} away, overbooked again` },
      { vectors: () => around(9, 12), text: (i: number) => `the food ${i} served was cold and stale` },
    ]
    const build = (languageOf: (i: number) => string) =>
      weekItems(topics.flatMap((topic, t) => topic.vectors().map((v, i) => ({ ...message(topic.text(i), v, `c${t}-${i}`), language: languageOf(t * 12 + i) })))).items
    const themeOf = (items: ReturnType<typeof build>) => {
      const { themes } = discoverWeekThemes(items, items.length)
      return (i: number) => themes.findIndex((t) => t.members.includes(i))
    }
    const english = themeOf(build(() => 'en'))
    expect(english(0)).toBeGreaterThanOrEqual(0)
    expect(english(12)).toBeGreaterThanOrEqual(0)
    expect(english(0)).not.toBe(english(12))
    // Half the week in French (by its language labels): words no longer decide, the embedding does.
    const mixed = themeOf(build((i) => (i % 2 ? 'fr' : 'en')))
    expect(mixed(0)).toBe(mixed(12))
  })
})
