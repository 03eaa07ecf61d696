import { describe, expect, it } from 'vitest'
import { scoreWords } from '../../src/chains/replies/knowledge-search.ts'
import type { TermMatch, TermMatches } from '../../src/store/knowledge.ts'

const match = (chunkId: string, word: string, extra: Partial<TermMatch> = {}): TermMatch => ({ chunkId, word, count: 1, inTitle: false, length: 60, plain: false, ...extra })

describe('scoreWords', () => {
  // "How long does a refund take?" over ten chunks: "refund" is in two of them, "take" in eight.
  const refund: TermMatches = {
    words: ['long', 'refund', 'take'],
    plainWords: ['how', 'long', 'does', 'a', 'refund', 'take'],
    chunks: 10,
    averageLength: 60,
    matches: [
      match('policy', 'refund', { count: 4, inTitle: true }),
      match('policy', 'take'),
      match('duplicate', 'refund'),
      ...['hub', 'wifi', 'moving', 'plans', 'outage', 'setup'].map((id) => match(id, 'take')),
      match('duplicate', 'take'),
    ],
  }

  it('weighs a rare word above a common one: the chunk saying "refund" covers more than those saying "take"', () => {
    const { coverage, bm25 } = scoreWords(refund)
    expect(coverage.get('policy')!).toBeGreaterThan(coverage.get('hub')! * 4)
    expect(coverage.get('duplicate')!).toBeGreaterThan(coverage.get('hub')!)
    // No chunk says "long": none covers all that was asked.
    expect(Math.max(...coverage.values())).toBeLessThan(1)
    // Saying "refund" four times and in the title ranks first by words.
    const ranked = [...bm25].sort((a, b) => b[1] - a[1]).map(([id]) => id)
    expect(ranked[0]).toBe('policy')
    expect(ranked[1]).toBe('duplicate')
  })

  it('covers all of a question whose every word the chunk says, and none of one it never meets', () => {
    const all = scoreWords({ words: ['outag', 'leed'], plainWords: ['outage', 'leeds'], chunks: 5, averageLength: 60, matches: [match('outage', 'outag'), match('outage', 'leed')] })
    expect(all.coverage.get('outage')).toBeCloseTo(1, 6)
    expect(scoreWords({ words: ['tv', 'guid'], plainWords: ['tv', 'guide'], chunks: 5, averageLength: 60, matches: [] }).coverage.size).toBe(0)
  })

  it('measures a chunk of an article without a language against the words as written', () => {
    const { coverage } = scoreWords({
      words: ['refund'], plainWords: ['refunds', 'please'], chunks: 4, averageLength: 60,
      matches: [match('unlabelled', 'refunds', { plain: true }), match('english', 'refund')],
    })
    // "refunds" is half of what was written ("refunds please": a word no chunk says weighs as one only a chunk says); "refund" all of the stemmed words.
    expect(coverage.get('english')).toBeCloseTo(1, 6)
    expect(coverage.get('unlabelled')!).toBeGreaterThan(0.4)
    expect(coverage.get('unlabelled')!).toBeLessThan(0.6)
  })
})
