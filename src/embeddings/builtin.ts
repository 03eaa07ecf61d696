// The offline embedder: no weights, every language, deterministic. It is lexical, not semantic:
// texts that share words (or parts of words) land close together, which is what search,
// deduplication and theme clustering need when no model is available.
//
// Features, each signed-hashed into BUILTIN_DIMENSION buckets:
//   - words of spaced scripts (Latin, Cyrillic, Arabic, Hangul, Devanagari...), lightly stemmed;
//   - character n-grams inside those words, for typos, inflection and agglutination;
//   - character n-grams over runs of scripts written without spaces (Thai, Chinese, Japanese...);
//   - emoji, which carry topic and mood in social messages.
// Text is normalised and tokenised by src/text. Any change to the features (or to those two
// functions) changes the vectors, so it must bump BUILTIN_VERSION.
import { normaliseForBuiltinEmbedder } from '../text/normalise.ts'
import { builtinEmbedderTokens } from '../text/tokenize.ts'
import { l2Normalise, throwIfAborted, type EmbedOptions, type Embedder } from './embedder.ts'

export const BUILTIN_VERSION = 'v1'
export const BUILTIN_ID = `builtin:hash-ngram-${BUILTIN_VERSION}`
export const BUILTIN_DIMENSION = 384

const WORD_WEIGHT = 1
const STOPWORD_WEIGHT = 0.15
const NUMBER_WEIGHT = 0.5
const EMOJI_WEIGHT = 0.5
/** Total weight of one word's n-grams; split evenly so long words do not dominate short ones. */
const WORD_NGRAMS_WEIGHT = 1
const RUN_NGRAM_WEIGHT = 1
const CJK_UNIGRAM_WEIGHT = 0.4
/** The API and the worker share one event loop; a large batch yields to it this often. */
const TEXTS_BETWEEN_YIELDS = 256

// Distinct hash seeds keep a word and an equal-looking n-gram in different features.
const SEED_WORD = 0x9e3779b1
const SEED_WORD_NGRAM = 0x85ebca6b
const SEED_RUN_NGRAM = 0xc2b2ae35
const SEED_EMOJI = 0x27d4eb2f

const BOUNDARY = 0x1f // marks word start/end in n-grams, as fastText's '<' and '>'

const ASCII_LETTERS = /^[a-z]+$/
const DIGITS_ONLY = /^\p{N}+$/u
const EMOJI = /^\p{Extended_Pictographic}$/u

export function createBuiltinEmbedder(): Embedder {
  return {
    id: BUILTIN_ID,
    dimension: BUILTIN_DIMENSION,
    // Symmetric: queries and passages go through the same features, so `kind` is ignored.
    async embed(texts: string[], opts?: EmbedOptions): Promise<Float32Array[]> {
      const vectors: Float32Array[] = []
      for (let start = 0; start < texts.length; start += TEXTS_BETWEEN_YIELDS) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve))
        throwIfAborted(opts?.signal)
        for (const text of texts.slice(start, start + TEXTS_BETWEEN_YIELDS)) vectors.push(embedOne(text))
      }
      throwIfAborted(opts?.signal)
      return vectors
    },
  }
}

export function embedOne(text: string): Float32Array {
  const features = new Map<number, number>()
  for (const token of builtinEmbedderTokens(normaliseForBuiltinEmbedder(text))) addTokenFeatures(token, features)
  const vector = new Float32Array(BUILTIN_DIMENSION)
  for (const [hash, weight] of features) {
    // Sublinear term frequency: a word repeated five times is not five times as relevant.
    const value = weight <= 1 ? weight : 1 + Math.log(weight)
    const mixed = fmix32(hash)
    vector[mixed % BUILTIN_DIMENSION] += mixed & 0x80000000 ? -value : value
  }
  return l2Normalise(vector)
}

function addTokenFeatures(token: string, features: Map<number, number>): void {
  if (EMOJI.test(token)) {
    addFeature(features, hashString(SEED_EMOJI, token), EMOJI_WEIGHT)
    return
  }
  if (DIGITS_ONLY.test(token)) {
    addFeature(features, hashString(SEED_WORD, token), NUMBER_WEIGHT)
    return
  }
  const codePoints = Array.from(token, (c) => c.codePointAt(0)!)
  // Most tokens are one spaced-script word: the token itself, without re-assembling it from its code points.
  if (codePoints.length > 0 && !codePoints.some(isUnspaced)) {
    addWordFeatures(token, codePoints, features)
    return
  }
  // A token can mix scripts ("iphone15", "ok이요", "LINEで"): split it into same-kind stretches.
  let start = 0
  for (let i = 1; i <= codePoints.length; i++) {
    if (i === codePoints.length || isUnspaced(codePoints[i]) !== isUnspaced(codePoints[start])) {
      const piece = codePoints.slice(start, i)
      if (isUnspaced(piece[0])) addUnspacedRunFeatures(piece, features)
      else addWordFeatures(String.fromCodePoint(...piece), piece, features)
      start = i
    }
  }
}

function addWordFeatures(word: string, codePoints: number[], features: Map<number, number>): void {
  if (isStopword(word)) {
    addFeature(features, hashString(SEED_WORD, word), STOPWORD_WEIGHT)
    return
  }
  addFeature(features, hashString(SEED_WORD, stemWord(word, codePoints)), WORD_WEIGHT)
  // Hangul letters are whole syllables, so shorter n-grams already carry meaning.
  const [minN, maxN] = isHangul(codePoints[0]) ? [2, 3] : [3, 5]
  const bounded = [BOUNDARY, ...codePoints, BOUNDARY]
  const hashes: number[] = []
  for (let n = minN; n <= maxN; n++) {
    for (let i = 0; i + n <= bounded.length; i++) hashes.push(hashCodePoints(SEED_WORD_NGRAM, bounded, i, n))
  }
  const each = WORD_NGRAMS_WEIGHT / Math.sqrt(hashes.length)
  for (const hash of hashes) addFeature(features, hash, each)
}

/** Thai, Lao, Khmer, Burmese, Chinese and Japanese are written without spaces between words. */
function addUnspacedRunFeatures(codePoints: number[], features: Map<number, number>): void {
  const isCjk = !isSoutheastAsian(codePoints[0])
  const run = isCjk ? codePoints : removeThaiPoliteParticles(codePoints)
  // Thai vowels and tone marks are separate code points, so its n-grams need to be longer.
  const [minN, maxN] = isCjk ? [1, 3] : [2, 4]
  if (run.length > 0 && run.length < minN) {
    addFeature(features, hashCodePoints(SEED_RUN_NGRAM, run, 0, run.length), RUN_NGRAM_WEIGHT)
    return
  }
  for (let n = minN; n <= maxN; n++) {
    const weight = n === 1 ? CJK_UNIGRAM_WEIGHT : RUN_NGRAM_WEIGHT
    for (let i = 0; i + n <= run.length; i++) addFeature(features, hashCodePoints(SEED_RUN_NGRAM, run, i, n), weight)
  }
}

function removeThaiPoliteParticles(codePoints: number[]): number[] {
  let text = String.fromCodePoint(...codePoints)
  for (const particle of THAI_POLITE_PARTICLES) text = text.replaceAll(particle, '')
  return Array.from(text, (c) => c.codePointAt(0)!)
}

/**
 * Just enough suffix stripping that delay/delays/delayed/delaying share a word feature; the
 * n-grams cover the rest. Only plain a–z words (English, and accent-folded Romance) are touched.
 */
export function stemWord(word: string, codePoints: number[]): string {
  if (isHangul(codePoints[0])) return stripKoreanParticle(word)
  if (word.length < 4 || !ASCII_LETTERS.test(word)) return word
  let stem = word
  if (stem.endsWith('ies') && stem.length > 4) stem = stem.slice(0, -3) + 'y'
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2)
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1)
  let strippedVerbEnding = false
  if (stem.endsWith('ing') && stem.length >= 6) {
    stem = stem.slice(0, -3)
    strippedVerbEnding = true
  } else if (stem.endsWith('ed') && stem.length >= 5) {
    stem = stem.slice(0, -2)
    strippedVerbEnding = true
  } else if (stem.endsWith('ly') && stem.length >= 6) {
    stem = stem.slice(0, -2)
  }
  // cancelled → cancel, stopping → stop
  if (strippedVerbEnding && /([^aeiouys])\1$/.test(stem)) stem = stem.slice(0, -1)
  // charge/charged/charging all become charg
  if (stem.endsWith('e') && stem.length >= 5) stem = stem.slice(0, -1)
  return stem
}

function addFeature(features: Map<number, number>, hash: number, weight: number): void {
  features.set(hash, (features.get(hash) ?? 0) + weight)
}

// FNV-1a over code points (not bytes): fast, stable across platforms and Node versions.
function hashCodePoints(seed: number, codePoints: number[], start: number, length: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ codePoints[i], 0x01000193)
  return hash >>> 0
}

function hashString(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193)
  return hash >>> 0
}

/** murmur3's finaliser: FNV's low bits are weak, and the bucket is taken from them. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function isUnspaced(cp: number): boolean {
  return isSoutheastAsian(cp) || isCjkOrKana(cp)
}

function isSoutheastAsian(cp: number): boolean {
  return (
    (cp >= 0x0e00 && cp <= 0x0eff) || // Thai, Lao
    (cp >= 0x1000 && cp <= 0x109f) || // Myanmar
    (cp >= 0x1780 && cp <= 0x17ff) // Khmer
  )
}

function isCjkOrKana(cp: number): boolean {
  return (
    (cp >= 0x3040 && cp <= 0x30ff) || // Hiragana, Katakana
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  )
}

function isHangul(cp: number): boolean {
  return (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f)
}

// --- Lexicon -------------------------------------------------------------------------------------
// Function words and chat pleasantries that say nothing about a message's topic. Written
// accent-folded, since they are matched after normaliseForBuiltinEmbedder. Kept small on purpose: a word missing
// here only costs a little precision, a content word wrongly listed here is lost.
const STOPWORDS = new Set(
  [
    // English
    'a an the and or but if so of to in on at by for with from as into about than then there here',
    'i me my mine we us our you your he him his she her it its they them their this that these those',
    'is am are was were be been being do does did have has had will would can could should shall may might must',
    'not no yes just also very too only what which who whom when where why how all any some each',
    'im ive its dont didnt cant wont isnt arent doesnt hi hello hey thanks thank thx pls please ok okay',
    // French
    'le la les un une des du de d l au aux et ou mais donc car ni que qui quoi dont ce cet cette ces',
    'je j me m moi tu te toi il elle on nous vous ils elles se s lui leur leurs mon ma mes ton ta tes son sa ses',
    'notre nos votre vos est sont etait ete etre avoir ai as a avons avez ont pas ne n plus tres pour par avec',
    'dans sur sous en y c ca qu bonjour merci svp stp',
    // Spanish and Portuguese
    'el los las una unos unas lo al del y o pero que porque como con sin por para en es son fue ser estar esta',
    'este esto eso ese mi mis tu tus su sus nuestro yo me te se nos le les muy mas ya hola gracias favor',
    'os as um uma uns umas do da dos das no na nos nas e ou mas com sem pelo pela eu voce ele ela eles elas',
    'meu minha seu sua nao sim muito obrigado obrigada ola',
    // German and Dutch
    'der die das den dem des ein eine einen einem einer und oder aber nicht ist sind war ich du er sie es wir ihr',
    'mit von zu im auf fur bei aus hallo danke bitte de het een en of maar niet is zijn ik jij je hij wij dank',
    // Italian and Indonesian
    'il lo gli una di da con per tra fra non sono ciao grazie yang dan di ke dari ini itu saya kami anda tidak ada',
    'untuk dengan sudah belum terima kasih',
    // Korean words that stand alone between spaces
    '저는 제가 저 나는 내가 그리고 그런데 하지만 그래서 또 좀 너무 정말 진짜 이 그 저 것 수 안녕하세요 감사합니다 고맙습니다',
  ]
    .join(' ')
    .split(' '),
)

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word)
}

// Korean case particles and the polite ending glued to the end of a word: 배송이/배송은/배송을 → 배송.
const KOREAN_PARTICLES = ['에서', '으로', '한테', '에게', '까지', '부터', '께서', '이랑', '이', '가', '을', '를', '은', '는', '에', '의', '도', '로', '와', '과', '만', '요']

export function stripKoreanParticle(word: string): string {
  for (const particle of KOREAN_PARTICLES) {
    if (word.endsWith(particle) && word.length - particle.length >= 2) return word.slice(0, -particle.length)
  }
  return word
}

/**
 * Sentence-final politeness particles: in most Thai customer messages and topic-free. Shorter ones
 * (คะ, นะ, จ้า) are left alone because they also occur inside content words (คะแนน, ชนะ, จ้าง).
 */
const THAI_POLITE_PARTICLES = ['ครับ', 'ค่ะ']
