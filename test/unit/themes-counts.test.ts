import { describe, expect, it } from 'vitest'
import { customerSentimentMix } from '../../src/chains/themes/counts.ts'

describe('customerSentimentMix', () => {
  it('counts each conversation once, by its first message in the theme, so closing thanks do not read as feelings about the topic', () => {
    const mix = customerSentimentMix([
      { conversationId: 'a', sentiment: 'negative' },
      { conversationId: 'b', sentiment: 'uncertain' },
      { conversationId: 'a', sentiment: 'positive' },
      { conversationId: 'c', sentiment: null },
      { conversationId: 'b', sentiment: 'positive' },
    ])
    expect(mix).toEqual({ negative: 1, neutral: 0, positive: 0, uncertain: 1, unknown: 1 })
  })
})
