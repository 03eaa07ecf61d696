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

const FNV_OFFSET = 0x811c9dc5
const SPACE = 0x20

/** FNV-1a's state after the code units of `s`, continuing from `from`. */
function fnv1a(s: string, from: number): number {
  let h = from
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h
}

const withKind = (h: number, kind: number) => ((h & ~3) | kind) >>> 0

/** 32-bit FNV-1a over UTF-16 code units; the kind lives in the low bits so word and char features never collide. */
export function hashFeature(kind: number, s: string): number {
  return withKind(fnv1a(s, FNV_OFFSET), kind)
}

export function featureKindWeight(key: number): number {
  return KIND_WEIGHTS[key & 3]
}

/** Raw feature occurrence counts keyed by hash (before tf weighting, idf and normalisation). */
export function extractFeatureCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>()
  forEachFeature(text, (key) => {
    counts.set(key, (counts.get(key) ?? 0) + 1)
  })
  return counts
}

/**
 * Every feature key of `text`, in order, repeats included. The hashes are computed over the text's
 * code units in place: hashFeature(BIGRAM, `${a} ${b}`) and hashFeature(CHAR, ` ${token} `.substring(…))
 * without building those strings (the predict path runs this for every customer message).
 */
function forEachFeature(text: string, add: (key: number) => void): void {
  const tokens = intentFeatureTokens(normaliseForIntentFeatures(text))
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    add(hashFeature(WORD, token))
    if (i + 1 < tokens.length) add(withKind(fnv1a(tokens[i + 1], Math.imul(fnv1a(token, FNV_OFFSET) ^ SPACE, 0x01000193)), BIGRAM))
    addCharNgrams(token, add)
  }
}

const SURROGATE_RE = /[\uD800-\uDFFF]/

/** The character n-grams of ` ${token} `. */
function addCharNgrams(token: string, add: (key: number) => void): void {
  if (SURROGATE_RE.test(token)) {
    // Astral characters (emoji) count as one character each: slice by code point.
    const chars = Array.from(` ${token} `)
    for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
      for (let start = 0; start + n <= chars.length; start++) add(hashFeature(CHAR, chars.slice(start, start + n).join('')))
    }
    return
  }
  // Code unit j of the padded token: a space at both ends.
  const length = token.length + 2
  const unit = (j: number) => (j === 0 || j === length - 1 ? SPACE : token.charCodeAt(j - 1))
  for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
    for (let start = 0; start + n <= length; start++) {
      let h = FNV_OFFSET
      for (let j = start; j < start + n; j++) h = Math.imul(h ^ unit(j), 0x01000193)
      add(withKind(h, CHAR))
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
  /** columnOf as a typed table, built at the first transform (after fitting). */
  private columns: KeyTable | undefined
  /** One text's counts, reused from call to call. */
  private scratch: KeyTable | undefined

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
    this.columns = undefined
    this.idf = Float32Array.from(docFreq, (df) => Math.log((1 + n) / (1 + df)) + 1)
    return counts.map((c) => this.vectorize(c))
  }

  /** The same vector as vectorize(extractFeatureCounts(text)), counted in typed arrays instead of Maps. */
  transform(text: string): SparseVector {
    const columns = (this.columns ??= KeyTable.from(this.columnOf))
    const counts = (this.scratch ??= new KeyTable(256))
    counts.clear()
    forEachFeature(text, (key) => counts.increment(key))
    const idx: number[] = []
    const val: number[] = []
    let norm = 0
    // First-seen order, as a Map iterates: the norm sums the same terms in the same order.
    for (let i = 0; i < counts.size; i++) {
      const key = counts.keyAt(i)
      const col = columns.get(key)
      if (col < 0) continue
      const v = (1 + Math.log(counts.valueAt(i))) * this.idf[col] * featureKindWeight(key)
      idx.push(col)
      val.push(v)
      norm += v * v
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
    return { indices: Int32Array.from(idx), values: Float32Array.from(val, (v) => v * scale) }
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

/**
 * Feature key → integer by open addressing, remembering first-insertion order. Keys are never 0 (the
 * kind sits in the low bits), so 0 marks a free slot.
 */
class KeyTable {
  private keys: Uint32Array
  private values: Int32Array
  /** Slots in insertion order. */
  private order: Int32Array
  size = 0

  constructor(capacity: number) {
    this.keys = new Uint32Array(capacity)
    this.values = new Int32Array(capacity)
    this.order = new Int32Array(capacity)
  }

  static from(map: ReadonlyMap<number, number>): KeyTable {
    let capacity = 16
    while (capacity < map.size * 2) capacity *= 2
    const table = new KeyTable(capacity)
    for (const [key, value] of map) table.set(key, value)
    return table
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask
    return slot
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const slot = this.slot(key)
    return this.keys[slot] === key ? this.values[slot] : -1
  }

  // The slot first: claiming may grow the table, and `this.values[…]` would read the old array first.
  set(key: number, value: number): void {
    const slot = this.claim(key)
    this.values[slot] = value
  }

  increment(key: number): void {
    const slot = this.claim(key)
    this.values[slot]++
  }

  keyAt(i: number): number {
    return this.keys[this.order[i]]
  }

  valueAt(i: number): number {
    return this.values[this.order[i]]
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) {
      this.keys[this.order[i]] = 0
      this.values[this.order[i]] = 0
    }
    this.size = 0
  }

  /** The slot of `key`, inserted (with value 0) when new. */
  private claim(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow()
    const slot = this.slot(key)
    if (this.keys[slot] !== key) {
      this.keys[slot] = key
      this.order[this.size++] = slot
    }
    return slot
  }

  private grow(): void {
    const { keys, values, order, size } = this
    this.keys = new Uint32Array(keys.length * 2)
    this.values = new Int32Array(keys.length * 2)
    this.order = new Int32Array(keys.length * 2)
    this.size = 0
    for (let i = 0; i < size; i++) this.set(keys[order[i]], values[order[i]])
  }
}
