// The enrichment's hot paths were rewritten for CPU (issue 16) on the promise of identical outputs.
// Each test here holds a fast path to the straightforward code it replaced (kept below as the
// reference) over texts in many scripts, emoji and long texts included: any difference fails.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFeatureCounts, hashFeature, TfidfVectorizer } from '../../src/chains/classify/intent-features.ts'
import { detectLanguage } from '../../src/chains/classify/language.ts'
import {
  emojiHits, hashFeatureName, hashTransferFeatureName, isTransferableFeature, sentimentFeatures, TRANSFER_HEAD_PREFIX, vaderCompound,
} from '../../src/chains/classify/sentiment-features.ts'
import {
  DEFAULT_SENTIMENT_MODEL_DIR, sentimentModelFromFile, softmax, type SentimentLabel, type SentimentModelFile,
} from '../../src/chains/classify/sentiment-local.ts'
import { NEGATIVE_EMOJI, POSITIVE_EMOJI } from '../../src/chains/classify/lexicons/emoji.ts'
import { seededRandom } from '../../src/seeded-random.ts'
import { normaliseForIntentFeatures, normaliseForSentiment } from '../../src/text/normalise.ts'
import { intentFeatureTokens, sentimentTokens } from '../../src/text/tokenize.ts'

const SENTENCES = [
  'My order never arrived and nobody answers!!', "I don't like this, it's not good at all", 'thanks so much, great service 😀👍',
  'Ma commande n’est pas arrivée, c’est inadmissible', 'No me gusta nada, el pedido llegó roto', 'Das gefällt mir nicht, gar nicht gut',
  'A encomenda ainda não chegou', 'Il pacco non è arrivato', '배송이 너무 늦어요 😡', '안 좋아요', 'ไม่ดีเลย ส่งช้ามาก', '注文した商品が届きません',
  '@support http://x.co/abc RT #fail soooo bad', 'ok', '', '   ', '😀', '👍🏽 love it❤️', 'order #12345 refund €30', 'ÇA NE MARCHE PAS',
  'мой заказ не пришёл', 'طلبي لم يصل', 'मेरा ऑर्डर नहीं आया', 'iphone15 ok이요 LINEで', '𝒻𝒶𝓃𝒸𝓎 letters', 'lone \uD83D surrogate',
]
const ALPHABET = [...'abcdeéèçñüßxyz   .,!?\'’-@#0123456789', '가', '나', 'ก', 'ไ', '日', '本', 'д', 'ع', '😀', '😡', '👍', '❤', '️', '☺']

/** SENTENCES plus random texts over ALPHABET, and a long one (more distinct features than any table starts with). */
function texts(count: number): string[] {
  const random = seededRandom(16)
  const out = [...SENTENCES]
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 80)
    out.push(Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''))
  }
  out.push(Array.from({ length: 400 }, (_, i) => `word${i} mot${i * 7}`).join(' '))
  return out
}
const TEXTS = texts(2_000)

// --- the replaced implementations -----------------------------------------------------------------

function referenceIntentCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>()
  const add = (key: number) => counts.set(key, (counts.get(key) ?? 0) + 1)
  const tokens = intentFeatureTokens(normaliseForIntentFeatures(text))
  for (let i = 0; i < tokens.length; i++) {
    add(hashFeature(1, tokens[i]))
    if (i + 1 < tokens.length) add(hashFeature(2, `${tokens[i]} ${tokens[i + 1]}`))
    const padded = ` ${tokens[i]} `
    const chars = /[\uD800-\uDFFF]/.test(padded) ? Array.from(padded) : null
    const length = chars ? chars.length : padded.length
    for (let n = 3; n <= 5; n++) {
      for (let start = 0; start + n <= length; start++) add(hashFeature(3, chars ? chars.slice(start, start + n).join('') : padded.substring(start, start + n)))
    }
  }
  return counts
}

function referenceEmojiHits(normalized: string, tokens: readonly string[]) {
  const tokenSet = new Set(tokens)
  const count = (list: readonly string[]) =>
    tokens.filter((token) => list.includes(token)).length + list.filter((e) => [...e].length === 1 && normalized.includes(e) && !tokenSet.has(e)).length
  return { positive: count(POSITIVE_EMOJI), negative: count(NEGATIVE_EMOJI) }
}

/** The sentiment model's probabilities as computed before: a Map from bucket to row, and prefixed names built as strings. */
function referenceSentimentProbs(file: SentimentModelFile, text: string, language: string): number[] {
  // What predict does with its language argument: a two-letter code is taken, anything else detected.
  const code = /^[a-z]{2}$/.test(language) ? language : detectLanguage(text).language
  const bucketBytes = Buffer.from(file.buckets, 'base64')
  const weightBytes = Buffer.from(file.weights, 'base64')
  const buckets = new Uint32Array(bucketBytes.buffer, bucketBytes.byteOffset, bucketBytes.byteLength / 4)
  const weights = new Int16Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.byteLength / 2)
  const classes = file.labels.length
  const rowOfBucket = (referenceRows ??= new Map([...buckets].map((bucket, row) => [bucket, row])))
  const features = sentimentFeatures(text, code, file.featureVersion)
  const logitsOf = (names: Iterable<[string, number]>) => {
    const logits = new Array<number>(classes).fill(0)
    for (const [name, value] of names) {
      const row = rowOfBucket.get(hashFeatureName(name, file.hashBits))
      if (row === undefined || value === 0) continue
      for (let c = 0; c < classes; c++) logits[c] += value * weights[row * classes + c] * file.quantScale
    }
    return logits
  }
  let p = softmax(logitsOf(features), file.temperature)
  const transfer = file.transferHead
  if (transfer && transfer.weight > 0 && code !== 'und' && !file.trainedLanguages.includes(code)) {
    const shared = [...features].filter(([name]) => !/^(w|b|c|lang):/.test(name)).map(([name, value]): [string, number] => [TRANSFER_HEAD_PREFIX + name, value])
    const q = softmax(logitsOf(shared), transfer.temperature)
    p = p.map((value, c) => (1 - transfer.weight) * value + transfer.weight * q[c])
  }
  if (['en', 'und'].includes(code) && !file.trainedLanguages.includes(code) && classes === 3) {
    const compound = vaderCompound(text)
    const lexical = softmax([-compound - 0.05, 0, compound - 0.05].map((s) => s * 4), 1)
    p = p.map((value, c) => 0.5 * value + 0.5 * lexical[c])
    const neutral = file.labels.indexOf('neutral')
    if (code === 'en' && neutral >= 0) {
      const q = p.map((value, c) => (c === neutral ? value * 1.4 : value))
      const total = q.reduce((a, b) => a + b, 0)
      p = q.map((value) => value / total)
    }
  }
  return p
}
let referenceRows: Map<number, number> | undefined

// --- the tests ------------------------------------------------------------------------------------

describe('intent features', () => {
  it('counts the same features, in the same order, as building every n-gram and bigram string', () => {
    for (const text of TEXTS) expect([...extractFeatureCounts(text)]).toEqual([...referenceIntentCounts(text)])
  })

  it('transform gives the vector of vectorize(extractFeatureCounts(text)), bit for bit, for short and long texts alike', () => {
    const vectorizer = new TfidfVectorizer()
    vectorizer.fit(TEXTS.filter((_, i) => i % 2 === 0))
    for (const text of TEXTS) {
      const fast = vectorizer.transform(text)
      const reference = vectorizer.vectorize(referenceIntentCounts(text))
      expect([...fast.indices]).toEqual([...reference.indices])
      expect([...fast.values]).toEqual([...reference.values])
    }
  })
})

describe('sentiment features and model', () => {
  it('hashes a transfer-head name as the prefixed string, and tells transferable features as the pattern did', () => {
    for (const name of ['x:url', 'w:good', 'b:<s> good', 'c:ดี', 'lang:en', 'lex:pos', 'bias', 'w', 'wx:y', 'language:x', ...TEXTS.slice(0, 300)]) {
      expect(hashTransferFeatureName(name, 20)).toBe(hashFeatureName(TRANSFER_HEAD_PREFIX + name, 20))
      expect(isTransferableFeature(name)).toBe(!/^(w|b|c|lang):/.test(name))
    }
  })

  it('counts emoji as searching the text for every listed emoji', () => {
    const glued = [...POSITIVE_EMOJI, ...NEGATIVE_EMOJI].map((e, i) => `word${e}${i % 3 === 0 ? 'next' : ''}`)
    for (const text of [...TEXTS, ...glued]) {
      const normalized = normaliseForSentiment(text)
      const tokens = sentimentTokens(normalized)
      expect(emojiHits(normalized, tokens)).toEqual(referenceEmojiHits(normalized, tokens))
    }
  })

  it('predicts the probabilities of the Map-based model, bit for bit, in trained, transfer and VADER languages', () => {
    const file = JSON.parse(readFileSync(join(DEFAULT_SENTIMENT_MODEL_DIR, 'model.json'), 'utf8')) as SentimentModelFile
    const model = sentimentModelFromFile(file, 'test')
    for (const text of TEXTS.slice(0, 600)) {
      for (const code of ['en', 'und', 'fr', 'ko', 'th', 'ja', detectLanguage(text).language]) {
        const { probs } = model.predict(text, code)
        expect(file.labels.map((label: SentimentLabel) => probs[label])).toEqual(referenceSentimentProbs(file, text, code))
      }
    }
  })
})
