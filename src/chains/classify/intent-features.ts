// Language-robust lexical features for the local (no-LLM) intent model: word uni/bigrams plus
// character n-grams, hashed so that no vocabulary has to be shipped or kept in sync.
// Character n-grams carry scripts written without spaces (Thai, Japanese) and inflected
// languages (Korean, German, French) where whole-word matches are rare.

import { normaliseForIntentFeatures } from '../../text/normalise.ts'
import { intentFeatureTokens } from '../../text/tokenize.ts'

export const INTENT_FEATURE_VERSION = 'lex-v1'

const CHAR_NGRAM_MIN = 3
const CHAR_NGRAM_MAX = 5
// Word features are sparser but more precise than character ones; the weights keep both in play.
// Indexed by feature kind, which is stored in the low two bits of each hashed key.
const KIND_WEIGHTS = [0, 1.5, 1.0, 0.5]
const WORD = 1
const BIGRAM = 2
const CHAR = 3

/** 32-bit FNV-1a over UTF-16 code units; the kind lives in the low bits so word and char features never collide. */
export function hashFeature(kind: number, s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return ((h & ~3) | kind) >>> 0
}

export function featureKindWeight(key: number): number {
  return KIND_WEIGHTS[key & 3]
}

/** Raw feature occurrence counts keyed by hash (before tf weighting, idf and normalisation). */
export function extractFeatureCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>()
  const add = (key: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const tokens = intentFeatureTokens(normaliseForIntentFeatures(text))
  for (let i = 0; i < tokens.length; i++) {
    add(hashFeature(WORD, tokens[i]))
    if (i + 1 < tokens.length) add(hashFeature(BIGRAM, `${tokens[i]} ${tokens[i + 1]}`))
    addCharNgrams(` ${tokens[i]} `, add)
  }
  return counts
}

const SURROGATE_RE = /[\uD800-\uDFFF]/

function addCharNgrams(padded: string, add: (key: number) => void): void {
  // Slicing code units is much faster and only wrong for astral characters (emoji), handled apart.
  const chars = SURROGATE_RE.test(padded) ? Array.from(padded) : null
  const length = chars ? chars.length : padded.length
  for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
    for (let start = 0; start + n <= length; start++) {
      add(hashFeature(CHAR, chars ? chars.slice(start, start + n).join('') : padded.substring(start, start + n)))
    }
  }
}

export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

/**
 * Maps hashed features to dense column indices learned from the training texts and weights them
 * with sublinear tf × idf, L2-normalised. Features never seen in training are dropped at predict time.
 */
export class TfidfVectorizer {
  private readonly columnOf = new Map<number, number>()
  private idf = new Float32Array(0)

  get dimension(): number {
    return this.idf.length
  }

  fit(texts: string[]): SparseVector[] {
    return this.fitCounts(texts.map((t) => extractFeatureCounts(t)))
  }

  /** Same as fit, from counts already extracted (training extracts once and fits several times). */
  fitCounts(counts: Array<Map<number, number>>): SparseVector[] {
    const docFreq: number[] = []
    for (const doc of counts) {
      for (const key of doc.keys()) {
        let col = this.columnOf.get(key)
        if (col === undefined) {
          col = docFreq.length
          this.columnOf.set(key, col)
          docFreq.push(0)
        }
        docFreq[col]++
      }
    }
    const n = counts.length
    this.idf = Float32Array.from(docFreq, (df) => Math.log((1 + n) / (1 + df)) + 1)
    return counts.map((c) => this.vectorize(c))
  }

  transform(text: string): SparseVector {
    return this.vectorize(extractFeatureCounts(text))
  }

  vectorize(counts: Map<number, number>): SparseVector {
    const idx: number[] = []
    const val: number[] = []
    let norm = 0
    for (const [key, count] of counts) {
      const col = this.columnOf.get(key)
      if (col === undefined) continue
      const v = (1 + Math.log(count)) * this.idf[col] * featureKindWeight(key)
      idx.push(col)
      val.push(v)
      norm += v * v
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
    return { indices: Int32Array.from(idx), values: Float32Array.from(val, (v) => v * scale) }
  }
}
