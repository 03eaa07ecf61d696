import { describe, expect, it } from 'vitest'
import { discoverThemes } from '../../src/chains/themes/discover.ts'
import { combinedVectors, stem, tfidfVectors } from '../../src/chains/themes/local-features.ts'

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i], 0)

describe('word features of a batch', () => {
  it('joins messages by the rare words they share, not by the word the whole batch uses', () => {
    const texts = [
      'flight delayed again, lost my bag',
      'flight late, bag lost at the airport',
      'flight crew was rude at the gate',
      'flight attendant rude to my kids',
      'flight cancelled and no rebooking',
    ]
    const vectors = tfidfVectors(texts)
    // "flight" is in every message: it weighs nothing, so the two lost-bag messages are closest.
    expect(dot(vectors[0], vectors[1])).toBeGreaterThan(0.3)
    expect(dot(vectors[0], vectors[2])).toBe(0)
    expect(dot(vectors[2], vectors[3])).toBeGreaterThan(0.2)
    // Nothing shared with any other message: no word features at all.
    expect(vectors[4].every((x) => x === 0)).toBe(true)
  })

  it('brings together messages whose words are used in the same contexts when smoothing', () => {
    const texts = ['lost luggage at baggage claim', 'lost bag at baggage claim', 'my luggage never arrived', 'my bag never arrived', 'rude crew member', 'rude gate agent']
    const plain = tfidfVectors(texts)
    const smoothed = tfidfVectors(texts, { smoothing: 0.5 })
    // "luggage" and "bag" share no message, but share their neighbours.
    expect(dot(smoothed[2], smoothed[3])).toBeGreaterThan(dot(plain[2], plain[3]))
    expect(dot(smoothed[2], smoothed[4])).toBeLessThan(dot(smoothed[2], smoothed[3]))
  })

  it('stems plurals and verb endings of Latin words only', () => {
    expect(stem('delays')).toBe('delay')
    expect(stem('delayed')).toBe('delay')
    expect(stem('delaying')).toBe('delay')
    expect(stem('class')).toBe('class')
    expect(stem('bus')).toBe('bus')
    expect(stem('โทรศัพท์')).toBe('โทรศัพท์')
  })

  it('weights the embedding and the words as asked, as unit vectors', () => {
    const embedding = [Float32Array.from([1, 0]), Float32Array.from([1, 0])]
    const words = tfidfVectors(['refund please now', 'refund delayed today'])
    const [a, b] = combinedVectors(embedding, words, 0.5)
    expect(dot(a, a)).toBeCloseTo(1, 5)
    // Same embedding (cosine 1) and the same single shared word (cosine 1): cosine 1 overall.
    expect(dot(a, b)).toBeCloseTo(1, 5)
    const noWords = combinedVectors(embedding, [new Float32Array(words[0].length), words[1]], 0.5)
    expect(dot(noWords[0], noWords[0])).toBeCloseTo(1, 5)
  })

  it('keeps theme centroids in the embedder space whatever the clustering space', () => {
    const items = Array.from({ length: 40 }, (_, i) => {
      const vector = new Float32Array(8)
      vector[i % 2] = 1
      return { text: i % 2 ? `refund for double charge ${i}` : `router wifi drops ${i}`, vector }
    })
    const { themes } = discoverThemes(items, { minClusterSize: 5 })
    expect(themes.length).toBe(2)
    for (const theme of themes) expect(theme.centroid.length).toBe(8)
  })
})
