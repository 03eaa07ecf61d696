// Features for the local sentiment model (text normalised and tokenised by src/text): hashed word uni/bigrams with negation marking, character
// n-grams for scripts without word spaces, and a handful of dense cues (hand-written lexicons, emoji,
// VADER) whose weights are shared by all languages, so a language with no training data (Korean)
// still gets a learned use of its lexicon.
import { ENGLISH, FRENCH, GERMAN, ITALIAN, PORTUGUESE, SPANISH } from './lexicons/european.ts'
import { KOREAN } from './lexicons/korean.ts'
import { THAI } from './lexicons/thai.ts'
import { NEGATIVE_EMOJI, POSITIVE_EMOJI } from './lexicons/emoji.ts'
import type { PolarityLexicon } from './lexicons/types.ts'
import { normaliseForSentiment } from '../../text/normalise.ts'
import { sentimentTokens } from '../../text/tokenize.ts'
import { vaderScores, type VaderScores } from './vader.ts'

/**
 * Bump when feature extraction changes: weights trained on another version are meaningless. The
 * previous version stays readable so a shipped model.json keeps working until it is retrained.
 */
export const SENTIMENT_FEATURE_VERSION = 'sent-features-v2'
export const SUPPORTED_SENTIMENT_FEATURE_VERSIONS: readonly string[] = ['sent-features-v1', SENTIMENT_FEATURE_VERSION]

export type SparseFeatures = Map<string, number>

/** Names of the transfer head's copies of the language-independent features (see sentiment-local.ts). */
export const TRANSFER_HEAD_PREFIX = 'T|'

/** Everything but word, bigram, character and language-identity features carries across languages. */
export function isTransferableFeature(name: string): boolean {
  // /^(w|b|c|lang):/ without a regular expression: this runs on every feature of most messages.
  const first = name.charCodeAt(0)
  if (name.charCodeAt(1) === COLON && (first === W || first === B || first === C)) return false
  return !name.startsWith('lang:')
}
const COLON = 0x3a
const W = 0x77
const B = 0x62
const C = 0x63

/** VADER's compound score in [-1, 1] (an English lexicon with emoticons, negation and boosters). */
export function vaderCompound(text: string): number {
  return vaderScores(text).compound
}

const LEXICONS: Record<string, PolarityLexicon> = {
  en: ENGLISH, fr: FRENCH, es: SPANISH, de: GERMAN, pt: PORTUGUESE, it: ITALIAN, ko: KOREAN, th: THAI,
}
const NEGATION_SCOPE = 3
const CLAUSE_BREAK = /^[.,;:!?]+$/
const NO_SPACE_SCRIPT = /[\p{Script=Thai}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

/**
 * A word lexicon compiled for lookups: the same answers as testing every entry in turn (an entry
 * ending in '*' matches a token it prefixes, any other one an equal token, and any entry equal to
 * "token next" matches the pair), at a Set lookup per token instead of a scan of the list.
 */
interface CompiledLexicon {
  positive: CompiledEntries
  negative: CompiledEntries
  negators: ReadonlySet<string>
  postNegators: ReadonlySet<string>
}
interface CompiledEntries { tokens: ReadonlySet<string>; prefixes: readonly string[]; pairs: ReadonlySet<string> }

function compileEntries(entries: readonly string[]): CompiledEntries {
  return {
    tokens: new Set(entries.filter((e) => !e.endsWith('*'))),
    prefixes: entries.filter((e) => e.endsWith('*')).map((e) => e.slice(0, -1)),
    pairs: new Set(entries),
  }
}

const compiled = new WeakMap<PolarityLexicon, CompiledLexicon>()
function compile(lexicon: PolarityLexicon): CompiledLexicon {
  let c = compiled.get(lexicon)
  if (!c) {
    c = {
      positive: compileEntries(lexicon.positive),
      negative: compileEntries(lexicon.negative),
      negators: new Set(lexicon.negators),
      postNegators: new Set(lexicon.postNegators ?? []),
    }
    compiled.set(lexicon, c)
  }
  return c
}

function lookup(entries: CompiledEntries, token: string, nextToken: string | undefined): boolean {
  return entries.tokens.has(token) || entries.prefixes.some((p) => token.startsWith(p)) ||
    (nextToken !== undefined && entries.pairs.has(`${token} ${nextToken}`))
}

export interface PolarityHits { positive: number; negative: number }

/** Which tokens sit in the scope of a preceding negator (or of a following post-negator). */
function negationMask(tokens: readonly string[], lexicon: PolarityLexicon): boolean[] {
  const { negators, postNegators } = compile(lexicon)
  const negated = tokens.map(() => false)
  tokens.forEach((token, i) => {
    if (negators.has(token)) {
      for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length && !CLAUSE_BREAK.test(tokens[j]); j++) {
        negated[j] = true
      }
    }
    if (postNegators.has(token)) {
      for (let j = i - 1; j >= i - NEGATION_SCOPE && j >= 0 && !CLAUSE_BREAK.test(tokens[j]); j--) negated[j] = true
    }
  })
  return negated
}

function wordLexiconHits(tokens: readonly string[], lexicon: PolarityLexicon, hits: PolarityHits): void {
  const negated = negationMask(tokens, lexicon)
  const { positive, negative } = compile(lexicon)
  tokens.forEach((token, i) => {
    let polarity = 0
    if (lookup(positive, token, tokens[i + 1])) polarity = 1
    else if (lookup(negative, token, tokens[i + 1])) polarity = -1
    if (negated[i]) polarity = -polarity
    if (polarity > 0) hits.positive++
    else if (polarity < 0) hits.negative++
  })
}

const KOREAN_NEGATED_ENDING = /^[가-힣]?지[는도]?\s*(않|못|마)/
const KOREAN_NEGATOR_BEFORE = /(^|\s)(안|못|전혀)\s?$/
const THAI_NEGATOR_BEFORE = /(ไม่ค่อย|ไม่ได้|ไม่เคย|ไม่มี|ไม่ถึง|ไม่)\s?$/

/** For Korean and Thai: longest entries first, each character counted once, negation by context. */
function substringLexiconHits(text: string, lexicon: PolarityLexicon, language: string, hits: PolarityHits): void {
  const entries = [
    ...lexicon.positive.map((entry) => ({ entry, polarity: 1 })),
    ...lexicon.negative.map((entry) => ({ entry, polarity: -1 })),
  ].sort((a, b) => b.entry.length - a.entry.length)
  const used = new Array<boolean>(text.length).fill(false)
  for (const { entry, polarity } of entries) {
    for (let at = text.indexOf(entry); at >= 0; at = text.indexOf(entry, at + entry.length)) {
      if (used.slice(at, at + entry.length).some(Boolean)) continue
      used.fill(true, at, at + entry.length)
      const before = text.slice(Math.max(0, at - 8), at)
      const after = text.slice(at + entry.length, at + entry.length + 6)
      const isNegated = language === 'ko'
        ? KOREAN_NEGATOR_BEFORE.test(before) || KOREAN_NEGATED_ENDING.test(after)
        : THAI_NEGATOR_BEFORE.test(before)
      const signed = isNegated ? -polarity : polarity
      if (signed > 0) hits.positive++
      else hits.negative++
    }
  }
}

/** Counts of positive and negative lexicon cues after negation, for the text's language plus English. */
export function lexiconHits(normalized: string, tokens: readonly string[], language: string): PolarityHits {
  const hits: PolarityHits = { positive: 0, negative: 0 }
  const own = LEXICONS[language]
  if (own?.substring) substringLexiconHits(normalized, own, language, hits)
  else if (own) wordLexiconHits(tokens, own, hits)
  // English words are common in posts of every language (and 'und' is often English slang).
  if (own !== ENGLISH) wordLexiconHits(tokens, ENGLISH, hits)
  return hits
}

const emojiSet = (list: readonly string[]) => ({ all: new Set(list), single: list.filter((e) => [...e].length === 1) })
const POSITIVE_EMOJI_SET = emojiSet(POSITIVE_EMOJI)
const NEGATIVE_EMOJI_SET = emojiSet(NEGATIVE_EMOJI)
/** First code units of every single-character emoji: a text with none of them contains none of those emoji. */
const EMOJI_FIRST_UNITS = new Set([...POSITIVE_EMOJI_SET.single, ...NEGATIVE_EMOJI_SET.single].map((e) => e.charCodeAt(0)))

function mayContainSingleEmoji(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (EMOJI_FIRST_UNITS.has(text.charCodeAt(i))) return true
  return false
}

export function emojiHits(normalized: string, tokens: readonly string[]): PolarityHits {
  // Most texts hold no emoji: one pass over the text instead of a search for each emoji of the lists.
  const glued = mayContainSingleEmoji(normalized)
  const tokenSet = glued ? new Set(tokens) : undefined
  const count = (list: { all: ReadonlySet<string>; single: readonly string[] }) =>
    tokens.filter((token) => list.all.has(token)).length +
    // Emoji glued to words or each other are not always separate tokens.
    (tokenSet ? list.single.filter((e) => normalized.includes(e) && !tokenSet.has(e)).length : 0)
  return { positive: count(POSITIVE_EMOJI_SET), negative: count(NEGATIVE_EMOJI_SET) }
}

function characterNgrams(token: string, into: SparseFeatures): void {
  const chars = [...token]
  for (let n = 2; n <= 3; n++) {
    for (let i = 0; i + n <= chars.length; i++) add(into, `c:${chars.slice(i, i + n).join('')}`, 0.5)
  }
}

function add(features: SparseFeatures, name: string, value: number): void {
  features.set(name, (features.get(name) ?? 0) + value)
}

/** VADER's normalisation of a summed valence into (-1, 1), so every language's score has one scale. */
const squash = (sum: number) => sum / Math.sqrt(sum * sum + 15)
/** Undoes VADER's squashing, in units of one typical word (VADER valences are about 2 per word). */
function vaderWordCount(compound: number): number {
  const c = Math.max(-0.995, Math.min(0.995, compound))
  return (c * Math.sqrt(15 / (1 - c * c))) / 2
}
const URL_RE = /https?:\/\/|www\.|(^|\s)http(\s|$)/i
const SHOUTED_WORD_RE = /\b\p{Lu}{3,}\b/gu
const ELONGATED_RE = /(\p{L})\1{2,}/u
const DIGIT_RE = /\p{N}/u

/**
 * Language-independent cues whose weights are learned on the languages with training rows and
 * carry over to those without (English): one polarity scale for all languages (the own lexicon plus
 * emoji; VADER for English), whether any polarity evidence exists at all, and the surface marks
 * of news-like or conversational posts that separate neutral from opinion (links, handles,
 * hashtags, questions, digits, shouting, elongation, length).
 */
function transferableCues(text: string, tokens: readonly string[], language: string, lexical: PolarityHits,
  emoji: PolarityHits, vaderScores: VaderScores, features: SparseFeatures): void {
  const ownScore = squash(lexical.positive - lexical.negative + 2 * (emoji.positive - emoji.negative))
  const polarity = language === 'en' || language === 'und'
    ? squash(vaderWordCount(vaderScores.compound) + 2 * (emoji.positive - emoji.negative))
    : ownScore
  add(features, 'x:polarity', polarity)
  add(features, 'x:polarity+', Math.max(0, polarity))
  add(features, 'x:polarity-', Math.max(0, -polarity))
  const evidence = lexical.positive + lexical.negative + emoji.positive + emoji.negative
  add(features, 'x:no-evidence', evidence === 0 && Math.abs(vaderScores.compound) < 0.05 ? 1 : 0)
  add(features, 'x:mixed', Math.min(lexical.positive + emoji.positive, lexical.negative + emoji.negative) > 0 ? 1 : 0)
  add(features, 'x:url', URL_RE.test(text) ? 1 : 0)
  add(features, 'x:mentions', Math.log1p((text.match(/@\w+/g) ?? []).length))
  add(features, 'x:hashtags', Math.log1p((text.match(/#[\p{L}\p{N}_]+/gu) ?? []).length))
  add(features, 'x:question', text.includes('?') || text.includes('؟') ? 1 : 0)
  add(features, 'x:exclaim', text.includes('!') ? 1 : 0)
  add(features, 'x:digits', DIGIT_RE.test(text) ? 1 : 0)
  add(features, 'x:shouting', Math.log1p((text.match(SHOUTED_WORD_RE) ?? []).length))
  add(features, 'x:elongated', ELONGATED_RE.test(text) ? 1 : 0)
  const words = tokens.filter((token) => !CLAUSE_BREAK.test(token)).length
  add(features, words <= 6 ? 'x:short' : words <= 18 ? 'x:medium' : 'x:long', 1)
}

/**
 * All features of one text; `language` is an ISO 639-1 code or 'und'. `version` selects the
 * extraction a model file was trained with (see SUPPORTED_SENTIMENT_FEATURE_VERSIONS).
 */
export function sentimentFeatures(text: string, language: string, version = SENTIMENT_FEATURE_VERSION): SparseFeatures {
  const features: SparseFeatures = new Map()
  const normalized = normaliseForSentiment(text)
  const tokens = sentimentTokens(normalized)
  const lexicon = LEXICONS[language] ?? ENGLISH
  const negated = lexicon.substring ? tokens.map(() => false) : negationMask(tokens, lexicon)

  let previous = '<s>'
  tokens.forEach((token, i) => {
    if (CLAUSE_BREAK.test(token)) {
      if (token.includes('!')) add(features, 'p:!', 1)
      if (token.includes('?')) add(features, 'p:?', 1)
      previous = '<s>'
      return
    }
    const word = negated[i] ? `NOT_${token}` : token
    add(features, `w:${word}`, 1)
    add(features, `b:${previous} ${word}`, 1)
    previous = word
    if (NO_SPACE_SCRIPT.test(token)) characterNgrams(token, features)
  })

  const lexicalHits = lexiconHits(normalized, tokens, language)
  const emoji = emojiHits(normalized, tokens)
  const vader = vaderScores(text)
  add(features, 'bias', 1)
  add(features, `lang:${language}`, 1)
  add(features, 'lex:pos', Math.log1p(lexicalHits.positive))
  add(features, 'lex:neg', Math.log1p(lexicalHits.negative))
  add(features, 'lex:none', lexicalHits.positive + lexicalHits.negative === 0 ? 1 : 0)
  add(features, 'emo:pos', Math.log1p(emoji.positive))
  add(features, 'emo:neg', Math.log1p(emoji.negative))
  add(features, 'vader:compound', vader.compound)
  add(features, 'vader:pos', vader.pos)
  add(features, 'vader:neg', vader.neg)
  if (version !== 'sent-features-v1') transferableCues(text, tokens, language, lexicalHits, emoji, vader, features)
  return features
}

const FNV_OFFSET = 0x811c9dc5

/** FNV-1a's state after `text`, continuing from `from`: hashing "a" then "b" this way is hashing "ab". */
function fnv1a(text: string, from: number): number {
  let hash = from
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash
}

/** 32-bit FNV-1a; the model stores only the buckets of features seen in training. */
export function hashFeatureName(name: string, bits: number): number {
  return (fnv1a(name, FNV_OFFSET) >>> 0) & ((1 << bits) - 1)
}

const TRANSFER_HEAD_STATE = fnv1a(TRANSFER_HEAD_PREFIX, FNV_OFFSET)

/** hashFeatureName(TRANSFER_HEAD_PREFIX + name, bits), without building the string. */
export function hashTransferFeatureName(name: string, bits: number): number {
  return (fnv1a(name, TRANSFER_HEAD_STATE) >>> 0) & ((1 << bits) - 1)
}
