import { franc } from 'franc'
import { getLIDModel } from 'fasttext.wasm.js'
import type { FastTextModel } from 'fasttext.wasm.js'

export interface DetectedLanguage {
  /** ISO 639-1 code ('en', 'fr', 'ko', 'th', …) or 'und' when unsure. */
  language: string
  confidence: number
}

const UNDETERMINED: DetectedLanguage = { language: 'und', confidence: 0 }
/** Below this the library's guess on a short social post is mostly noise. */
const MIN_CONFIDENCE = 0.3
const MIN_LETTERS = 3

/**
 * fastText's lid.176 model (shipped inside the npm package, ~900 KB) is far better than trigram
 * libraries on tweet-length text, but its loader is async. Loading it with top-level await when this
 * module is first imported (≈0.1 s) keeps `detectLanguage` synchronous: after load, `predict` is a
 * plain WebAssembly call. If the wasm cannot load, franc (trigrams) answers instead.
 */
interface LoadedFastText {
  model: FastTextModel
  /** The package's own label → ISO 639 table (a static of its model class, not exported by name). */
  formatLang: (label: string) => { alpha2: string | null } | undefined
}
const fastText: LoadedFastText | null = await loadFastText()

async function loadFastText(): Promise<LoadedFastText | null> {
  try {
    const lid = await getLIDModel()
    const model = await lid.load()
    const modelClass = lid.constructor as unknown as Pick<LoadedFastText, 'formatLang'>
    return { model, formatLang: (label) => modelClass.formatLang(label) }
  } catch {
    return null
  }
}

/** Japanese kana: only Japanese writes them. */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu
/** Scripts used by (practically) one language decide on their own, whatever the library says. */
const SCRIPT_LANGUAGES: ReadonlyArray<{ pattern: RegExp; language: string }> = [
  { pattern: /\p{Script=Hangul}/gu, language: 'ko' },
  { pattern: /\p{Script=Thai}/gu, language: 'th' },
  { pattern: KANA, language: 'ja' },
  { pattern: /\p{Script=Hebrew}/gu, language: 'he' },
  { pattern: /\p{Script=Greek}/gu, language: 'el' },
]
const ARABIC_SCRIPT = /\p{Script=Arabic}/gu
const HAN = /\p{Script=Han}/gu
const ARABIC_SCRIPT_LANGUAGES = new Set(['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug'])

/** Handles, links, hashtag marks and emoji say nothing about the language and confuse short-text models. */
function stripNonLinguistic(text: string): string {
  return text
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/(^|\s)RT(?=\s)/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/#/g, ' ')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

function fastTextGuess(text: string): DetectedLanguage {
  if (!fastText) return UNDETERMINED
  const top = fastText.model.predict(text, 1, 0)
  if (top.size() === 0) return UNDETERMINED
  const [probability, label] = top.get(0)
  const code = fastText.formatLang(label)?.alpha2
  if (!code) return UNDETERMINED
  return { language: code, confidence: Math.min(1, probability) }
}

/** franc answers ISO 639-3; only the languages it confuses least on short text are mapped back. */
const FRANC_TO_ISO1: Record<string, string> = {
  eng: 'en', fra: 'fr', spa: 'es', deu: 'de', por: 'pt', ita: 'it', nld: 'nl', kor: 'ko', tha: 'th',
  jpn: 'ja', cmn: 'zh', arb: 'ar', hin: 'hi', rus: 'ru', tur: 'tr', pol: 'pl', ind: 'id', vie: 'vi',
}

function francGuess(text: string): DetectedLanguage {
  const code = FRANC_TO_ISO1[franc(text, { minLength: MIN_LETTERS })]
  // franc gives no probability; a fixed middling confidence says "library guess, not script".
  return code ? { language: code, confidence: 0.5 } : UNDETERMINED
}

export function detectLanguage(text: string): DetectedLanguage {
  const cleaned = stripNonLinguistic(text)
  const letters = countMatches(cleaned, /\p{L}/gu)
  if (letters < MIN_LETTERS) return UNDETERMINED

  for (const { pattern, language } of SCRIPT_LANGUAGES) {
    const share = countMatches(cleaned, pattern) / letters
    if (share >= 0.3) return { language, confidence: Math.min(1, 0.5 + share / 2) }
  }

  const guess = fastText ? fastTextGuess(cleaned) : francGuess(cleaned)
  if (countMatches(cleaned, ARABIC_SCRIPT) / letters >= 0.3 && !ARABIC_SCRIPT_LANGUAGES.has(guess.language)) {
    return { language: 'ar', confidence: 0.6 }
  }
  if (guess.confidence < MIN_CONFIDENCE) return { language: 'und', confidence: guess.confidence }
  // Japanese is written with kana between the kanji; text in Han characters alone is Chinese
  // ("感谢您的反馈！请先重启应用再试一次。" came back as Japanese at 0.94).
  if (guess.language === 'ja' && countMatches(cleaned, KANA) === 0 && countMatches(cleaned, HAN) / letters >= 0.3) return { language: 'zh', confidence: guess.confidence }
  return guess
}
