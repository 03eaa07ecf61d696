// Word features of one batch of messages for clustering, alongside the embedder's vectors. The
// built-in embedder hashes every word with the same weight, so the words every message of a week
// shares ("flight", "order", "app") pull unrelated messages together; weighting words by how rare they
// are in this very batch (TF-IDF, computed fresh each run, nothing learned from a dataset) lets the
// words that tell topics apart ("lost", "bag", "refund") decide. Terms are lightly stemmed words and
// adjacent-word pairs, signed-hashed into a fixed dimension so the clustering stays dense and fast.
// Beside them, what an English message's words mean (word vectors shipped in models/word-vectors/): TF-IDF
// cannot tell that "bag" and "luggage", "late" and "delayed" say the same unless the batch says so.
import { normaliseForWords } from '../../text/normalise.ts'
import { contentWords, stopwordsFor, wordVectorTokens } from '../../text/tokenize.ts'
import { wordVectors, type WordVectors } from '../../text/word-vectors.ts'
import { normalised } from './cluster.ts'

export const LOCAL_FEATURE_DIMENSION = 512
/** A term in fewer messages than this joins no two messages, so it only adds noise to the norm. */
const MIN_DOCUMENT_FREQUENCY = 2
/** A term in more than this share of the batch names no topic of its own. */
const MAX_DOCUMENT_SHARE = 0.3
const BIGRAM_WEIGHT = 0.7

/** Unit TF-IDF vectors of the texts (all-zero when a text has no shared content word). */
export function tfidfVectors(texts: string[], opts: { language?: string; smoothing?: number } = {}): Float32Array[] {
  const stopwords = stopwordsFor(opts.language)
  const termsOf = texts.map((text) => documentTerms(text, stopwords))
  const documentFrequency = new Map<string, number>()
  for (const terms of termsOf) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  const maxDocuments = Math.max(MIN_DOCUMENT_FREQUENCY, MAX_DOCUMENT_SHARE * texts.length)
  const weighted = termsOf.map((terms) => {
    const kept: Array<[string, number]> = []
    for (const [term, weight] of terms) {
      const df = documentFrequency.get(term)!
      if (df >= MIN_DOCUMENT_FREQUENCY && df <= maxDocuments) kept.push([term, weight * Math.log(texts.length / df)])
    }
    return kept
  })
  const direct = weighted.map((terms) => {
    const vector = new Float32Array(LOCAL_FEATURE_DIMENSION)
    for (const [term, value] of terms) {
      const hash = fnv1a(term)
      vector[hash % LOCAL_FEATURE_DIMENSION] += hash & 0x80000000 ? -value : value
    }
    return normalised(vector)
  })
  const smoothing = opts.smoothing ?? 0
  if (smoothing <= 0) return direct
  // Each term's context: the sum of the messages that use it. A message also leans on the contexts
  // of its terms, so "bag" and "luggage", said around the same words, come closer (as LSA would).
  const context = new Map<string, Float32Array>()
  weighted.forEach((terms, i) => {
    for (const [term, value] of terms) {
      let sum = context.get(term)
      if (!sum) context.set(term, (sum = new Float32Array(LOCAL_FEATURE_DIMENSION)))
      for (let d = 0; d < LOCAL_FEATURE_DIMENSION; d++) sum[d] += value * direct[i][d]
    }
  })
  for (const sum of context.values()) normalised(sum)
  return weighted.map((terms, i) => {
    const vector = new Float32Array(LOCAL_FEATURE_DIMENSION)
    for (const [term, value] of terms) {
      const sum = context.get(term)!
      for (let d = 0; d < LOCAL_FEATURE_DIMENSION; d++) vector[d] += value * sum[d]
    }
    normalised(vector)
    for (let d = 0; d < LOCAL_FEATURE_DIMENSION; d++) vector[d] = (1 - smoothing) * direct[i][d] + smoothing * vector[d]
    return normalised(vector)
  })
}

/** Stemmed content words (weight 1) and the pairs of adjacent ones, each once per message. */
function documentTerms(text: string, stopwords: ReadonlySet<string>): Map<string, number> {
  const tokens = contentWords(text, stopwords).map((word) => (word === null ? null : stem(word)))
  const terms = new Map<string, number>()
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]
    if (word === null) continue
    terms.set(word, 1)
    const next = tokens[i + 1]
    if (next != null && next !== word) terms.set(`${word} ${next}`, BIGRAM_WEIGHT)
  }
  return terms
}

/** Plural and verb endings of Latin-script words, so "delays", "delayed" and "delay" are one term. */
export function stem(word: string): string {
  if (!/^[a-zà-ÿ'-]+$/.test(word) || word.length <= 4) return word
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !word.endsWith('ss')) return word.slice(0, -suffix.length)
  }
  return word
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/**
 * The SIF sentence vector of each English message: the sum of its content words' (SIF-weighted) vectors,
 * unit length. What a complaint is about ("bag lost", "on hold for an hour") lies in its nouns and verbs,
 * which the sum keeps while stop words are left out. A message written in another language (more of its
 * words are another language's stop words than English ones) or with no known word stays all-zero, so
 * it keeps the other features alone: the table is English.
 */
export function meaningVectors(texts: string[], table: WordVectors = wordVectors()): Float32Array[] {
  const english = stopwordsFor('en')
  const anyLanguage = stopwordsFor()
  return texts.map((text) => {
    const vector = new Float32Array(table.dimension)
    const tokens = wordVectorTokens(normaliseForWords(text))
    let englishStopwords = 0
    let foreignStopwords = 0
    for (const word of tokens) {
      if (english.has(word)) englishStopwords++
      else if (anyLanguage.has(word)) foreignStopwords++
    }
    if (foreignStopwords > englishStopwords) return vector
    for (const word of tokens) if (!english.has(word)) table.addTo(vector, word)
    return normalised(vector)
  })
}

/**
 * The clustering vector of each message: the channels (unit or all-zero vectors per message) side by
 * side, each scaled by √weight, so the cosine of two messages is the weighted sum of their channel
 * cosines. A channel a message lacks (all-zero: no shared word, not English) drops out and the others
 * share its weight (renormalised); a message with none stays all-zero (noise). Weights need not sum to 1.
 */
export function combinedVectors(channels: Array<{ vectors: Float32Array[]; weight: number }>): Float32Array[] {
  const used = channels.filter((channel) => channel.weight > 0 && channel.vectors.length > 0)
  const count = used[0]?.vectors.length ?? 0
  const dimension = used.reduce((sum, channel) => sum + channel.vectors[0].length, 0)
  return Array.from({ length: count }, (_, i) => {
    const combined = new Float32Array(dimension)
    let offset = 0
    for (const { vectors, weight } of used) {
      const scale = Math.sqrt(weight)
      const vector = vectors[i]
      for (let d = 0; d < vector.length; d++) combined[offset + d] = scale * vector[d]
      offset += vector.length
    }
    return normalised(combined)
  })
}
