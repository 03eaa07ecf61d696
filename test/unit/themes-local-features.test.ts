import { describe, expect, it } from 'vitest'
import { discoverThemes } from '../../src/chains/themes/discover.ts'
import { combinedVectors, meaningVectors, stem, tfidfVectors } from '../../src/chains/themes/local-features.ts'

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
    const [a, b] = combinedVectors([{ vectors: embedding, weight: 0.5 }, { vectors: words, weight: 0.5 }])
    expect(dot(a, a)).toBeCloseTo(1, 5)
    // Same embedding (cosine 1) and the same single shared word (cosine 1): cosine 1 overall.
    expect(dot(a, b)).toBeCloseTo(1, 5)
    const noWords = combinedVectors([{ vectors: embedding, weight: 0.5 }, { vectors: [new Float32Array(words[0].length), words[1]], weight: 0.5 }])
    expect(dot(noWords[0], noWords[0])).toBeCloseTo(1, 5)
  })

  it('gives a channel a message lacks to the others, in their proportions', () => {
    const one = [Float32Array.from([1, 0]), Float32Array.from([1, 0])]
    const other = [Float32Array.from([0, 1]), Float32Array.from([0, 1])]
    const third = [Float32Array.from([1]), Float32Array.from([0])]
    const [withAll, without] = combinedVectors([{ vectors: one, weight: 0.4 }, { vectors: other, weight: 0.4 }, { vectors: third, weight: 0.2 }])
    // Cosine with a message on the first channel only: its share of the weights present.
    const firstOnly = Float32Array.from([1, 0, 0, 0, 0])
    expect(dot(withAll, firstOnly)).toBeCloseTo(Math.sqrt(0.4), 5)
    expect(dot(without, firstOnly)).toBeCloseTo(Math.sqrt(0.5), 5)
  })

  it('puts English complaints about the same thing close by meaning, without a shared word', () => {
    const [bag, luggage, hold] = meaningVectors(['lost my bag at the airport', 'luggage missing after landing', 'on hold with customer service for 2 hours'])
    expect(dot(bag, bag)).toBeCloseTo(1, 5)
    expect(dot(bag, luggage)).toBeGreaterThan(dot(bag, hold))
    expect(dot(luggage, hold)).toBeLessThan(dot(bag, luggage))
  })

  it('gives no meaning vector to a message in another language or with no known content word', () => {
    const [french, german, thai, empty] = meaningVectors([
      "Mon application plante depuis la mise à jour, je ne peux pas me connecter",
      'Die App stürzt seit dem Update immer ab und ich kann mich nicht anmelden',
      'แอพเด้งออกตลอดเลยค่ะ',
      'thanks so much!!',
    ])
    for (const vector of [french, german, thai, empty]) expect(vector.every((x) => x === 0)).toBe(true)
  })

  it('clusters by meaning only beside word features, so a run without them is unchanged', () => {
    const items = Array.from({ length: 40 }, (_, i) => {
      const vector = new Float32Array(8)
      vector[i % 4] = 1
      return { text: i % 2 ? `lost bag ${i}` : `flight delayed ${i}`, vector }
    })
    const without = discoverThemes(items, { wordWeight: 0, meaningWeight: 0, minClusterSize: 5 })
    const withMeaning = discoverThemes(items, { wordWeight: 0, meaningWeight: 0.5, minClusterSize: 5 })
    expect(Array.from(withMeaning.labels)).toEqual(Array.from(without.labels))
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
