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

  it('reads a conversation by its first message that does more than close the case ("Perfect, thank you!" made a cancellation over a price rise positive)', () => {
    const mix = customerSentimentMix([
      { conversationId: 'a', sentiment: 'positive', closes: true },
      { conversationId: 'a', sentiment: 'negative', closes: false },
      { conversationId: 'b', sentiment: 'positive', closes: true },
      { conversationId: 'c', sentiment: 'neutral' },
    ])
    // b is only a thank-you in this theme: it says nothing of how its customer feels about the subject.
    expect(mix).toEqual({ negative: 1, neutral: 1, positive: 0, uncertain: 0, unknown: 0 })
  })
})
