// Every tokeniser of src, one per purpose, and the stopwords of the local (no-LLM) text methods.
// `words` is the general one: topic words for key phrases, extractive summaries and ask, with ICU's
// word segmenter (Intl.Segmenter) for Thai, Japanese and the other scripts written without spaces.
// The others each define the tokens of a trained model or of stored vectors, so they are frozen:
// change one only with the feature version it belongs to (see the matching normaliser in
// ./normalise.ts), and never point a model at another's tokens.
import { createRequire } from 'node:module'
import { normaliseForWords } from './normalise.ts'

// The stopword package ships CommonJS without types; its lists are plain arrays keyed by ISO 639-3.
const stopwordLists = createRequire(import.meta.url)('stopword') as Record<string, unknown>

/** Letters with marks, inner apostrophes and hyphens ("don't", "check-in"); digits may follow letters ("ios11"). */
const SPACED_WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}]+)*/gu
const UNSPACED_SCRIPT = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u
const LETTER = /\p{L}/u

/**
 * Words of chat and social care that are everywhere and name no topic. The package's English list is
 * short (it keeps "just", "please", contractions), so these complete it for this domain.
 */
const CHAT_FILLER = [
  'i\'m', 'im', 'i\'ve', 'ive', 'i\'ll', 'i\'d', 'you\'re', 'you\'ve', 'you\'ll', 'we\'re', 'we\'ve', 'we\'ll', 'we\'d',
  'they\'re', 'it\'s', 'its', 'that\'s', 'there\'s', 'what\'s', 'let\'s', 'he\'s', 'she\'s', 'here\'s',
  'don\'t', 'dont', 'doesn\'t', 'didn\'t', 'can\'t', 'cant', 'won\'t', 'isn\'t', 'aren\'t', 'wasn\'t', 'weren\'t',
  'couldn\'t', 'wouldn\'t', 'shouldn\'t', 'haven\'t', 'hasn\'t', 'hadn\'t', 'ain\'t',
  'just', 'please', 'pls', 'plz', 'thanks', 'thank', 'thx', 'ty', 'hi', 'hey', 'hello', 'yes', 'no', 'not', 'ok', 'okay',
  'lol', 'omg', 'u', 'ur', 'r', 'y', 'amp', 'gt', 'lt', 'rt', 'via', 'dm', 'dms', 'us', 'will', 'can', 'one', 'even',
  'really', 'know', 'going', 'gonna', 'wanna', 'want', 'need', 'would', 'could', 'also', 'yet', 'again', 'already',
  'today', 'day', 'now', 'time', 'still', 'back', 'go', 'getting', 'see', 'say', 'tell', 'told', 'let', 'let\'s',
  'i', 'me', 'my', 'a', 'an', 'the', 'so', 'as', 'ever', 'never', 'all', 'any', 'what', 'why', 'when', 'who', 'how',
  'guys', 'guy', 'thing', 'things', 'something', 'anything', 'nothing', 'way', 'much', 'got', 'get', 'us',
]

/** Foreign stopwords that are English content words; dropped only when lists are pooled. */
const POOLED_EXCEPTIONS = new Set(['door', 'war', 'die', 'hat', 'elf', 'man', 'bin', 'son', 'come', 'art', 'fast'])

/** ISO 639-3 codes (the package's keys) of the languages pooled when no language is given. */
const POOLED_LANGUAGES = ['eng', 'spa', 'fra', 'deu', 'por', 'ita', 'nld', 'ara', 'rus', 'hin', 'tha', 'kor', 'jpn', 'zho', 'tur', 'ind']

const ISO1_TO_ISO3: Record<string, string> = {
  en: 'eng', es: 'spa', fr: 'fra', de: 'deu', pt: 'por', it: 'ita', nl: 'nld', ar: 'ara', ru: 'rus', hi: 'hin',
  th: 'tha', ko: 'kor', ja: 'jpn', zh: 'zho', tr: 'tur', id: 'ind', pl: 'pol', sv: 'swe', da: 'dan', fi: 'fin',
  nb: 'nob', no: 'nob', cs: 'ces', el: 'ell', he: 'heb', hu: 'hun', ro: 'ron', uk: 'ukr', vi: 'vie', fa: 'fas',
  ur: 'urd', ms: 'msa', tl: 'tgl', ca: 'cat', bg: 'bul', hr: 'hrv', sk: 'slk', sl: 'slv', lt: 'lit', lv: 'lav',
}

const stopwordCache = new Map<string, ReadonlySet<string>>()

/**
 * Stopwords for a language (ISO 639-1 or 639-3), always with English and chat filler because
 * social messages mix in English. Without a language, a pool of the most common languages.
 */
export function stopwordsFor(language?: string): ReadonlySet<string> {
  const key = language?.toLowerCase() ?? '*'
  const cached = stopwordCache.get(key)
  if (cached) return cached
  const codes = key === '*' ? POOLED_LANGUAGES : ['eng', ISO1_TO_ISO3[key] ?? key]
  const words = new Set<string>(CHAT_FILLER)
  for (const code of codes) {
    const list = stopwordLists[code]
    if (!Array.isArray(list)) continue
    for (const word of list as string[]) {
      const lower = word.toLowerCase()
      if (code !== 'eng' && key === '*' && POOLED_EXCEPTIONS.has(lower)) continue
      words.add(lower)
    }
  }
  stopwordCache.set(key, words)
  return words
}

let wordSegmenter: Intl.Segmenter | undefined

/**
 * Word tokens in order, lowercased; numbers and lone letters dropped. Scripts written without spaces
 * (Thai, Chinese, Japanese...) go through ICU's word segmenter; everything else through a regex,
 * which is many times faster on the bulk of messages.
 */
export function words(text: string): string[] {
  const normalised = normaliseForWords(text)
  const out: string[] = []
  if (UNSPACED_SCRIPT.test(normalised)) {
    wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })
    for (const segment of wordSegmenter.segment(normalised)) {
      if (!segment.isWordLike || !LETTER.test(segment.segment)) continue
      const word = segment.segment.replace(/^#/, '')
      if (word.length >= 2 || UNSPACED_SCRIPT.test(word)) out.push(word)
    }
    return out
  }
  for (const match of normalised.matchAll(SPACED_WORD)) {
    if (match[0].length >= 2) out.push(match[0])
  }
  return out
}

/** Words that carry content: `words(text)` less stopwords, with `null` where a stopword stood so callers can avoid bigrams across it. */
export function contentWords(text: string, stopwords: ReadonlySet<string>): Array<string | null> {
  return words(text).map((word) => (stopwords.has(word) ? null : word))
}

/**
 * Words that are content words to a stopword list but name no theme: time ("morning", "days"),
 * politeness and mood ("thanks", "great", "annoying"), chasing ("anyone", "someone", "answer"),
 * effort ("tried", "happened"). Key phrases and theme labels leave them out; clustering does not.
 * English first, then the greetings, thanks and fillers of the other languages customers write in.
 */
const GENERIC_WORDS = new Set([
  // time
  'morning', 'evening', 'night', 'tonight', 'afternoon', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years',
  'hour', 'hours', 'minute', 'minutes', 'mins', 'min', 'yesterday', 'tomorrow', 'ago', 'since', 'soon', 'later', 'earlier', 'lately',
  'second', 'first', 'last', 'next', 'old', 'long', 'times',
  // chasing and people
  'anyone', 'someone', 'somebody', 'anybody', 'nobody', 'everyone', 'else', 'answer', 'answered', 'reply', 'replied', 'respond',
  'response', 'waiting', 'wait', 'waited', 'updates', 'eta', 'team', 'support', 'help', 'helped', 'helpful', 'agent',
  // effort and happenings
  'happened', 'happen', 'happens', 'tried', 'try', 'trying', 'work', 'works', 'worked', 'working', 'says', 'said', 'done', 'doing',
  'making', 'make', 'made', 'take', 'took', 'gave', 'give', 'put', 'keep', 'keeps', 'kept', 'sort', 'sorting', 'sorted', 'fix', 'fixed',
  'went', 'got', 'came',
  'everything', 'problem', 'problems', 'issue', 'issues', 'question', 'bit', 'lot', 'little', 'maybe', 'actually', 'though', 'btw',
  'anyway', 'literally', 'seriously', 'basically', 'ever', 'either', 'whole', 'far', 'big', 'sure', 'fine', 'good', 'bad',
  'great', 'perfect', 'brilliant', 'amazing', 'awesome', 'lovely', 'cheers', 'thanks', 'thank', 'appreciated', 'appreciate',
  'annoying', 'annoyed', 'fed', 'ridiculous', 'joke', 'unacceptable', 'frustrating', 'sorry', 'hiya', 'ok', 'okay', 'regards', 'kind',
  // other languages: greetings, thanks, "still", "since", "please", "works now"
  'merci', 'bonjour', 'bonsoir', 'salut', 'svp', 'toujours', 'depuis', 'encore', 'vraiment', 'parfait', 'marche', 'fait', 'rien',
  'ça', "c'est", "j'ai", "l'air", 'deux', 'fois', 'bien', 'trop', 'tous', 'jours', 'soirs', 'après', 'déjà',
  'nada', 'ayer', 'años', 'nunca', 'bien', 'minutos', 'cada',
  'gracias', 'muchas', 'hola', 'buenas', 'buenos', 'perfecto', 'sigue', 'todavía', 'funciona', 'favor',
  'danke', 'hallo', 'guten', 'tag', 'bitte', 'immer', 'noch', 'klappt', 'super', 'vielen',
  'obrigado', 'obrigada', 'olá', 'ola', 'boa', 'bom', 'tarde', 'dia', 'ainda', 'funcionou',
  'grazie', 'ciao', 'salve', 'buongiorno', 'perfetto', 'ancora', 'funziona', 'mille',
  'ขอบคุณ', 'ค่ะ', 'ครับ', 'คะ', 'นะ', '감사합니다', '너무', '안녕하세요',
])

/** True for words that carry no theme (see GENERIC_WORDS) and for one- or two-letter Latin tokens ("bw", "st"). */
export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word) || /^[a-z]{1,2}$/.test(word)
}

// --- Tokens of trained models and stored vectors (frozen, see the header) ---------------------------

const SENTIMENT_TOKEN =
  /[\p{L}\p{M}\p{N}_]+|\p{Extended_Pictographic}|[:;=][-']?[()dp/]|<\/?3|\^[_]?\^|-_-|[.,;:!?]+/gu
const INTENT_FEATURE_TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|\p{Extended_Pictographic}/gu
const BUILTIN_EMBEDDER_TOKEN = /[\p{L}\p{M}\p{N}]+|\p{Extended_Pictographic}/gu
const LETTER_OR_DIGIT_RUN = /[\p{L}\p{N}]+/gu
const WORD_VECTOR_TOKEN = /\p{L}+(?:'\p{L}+)?|\p{N}+/gu

/** Sentiment model tokens of `normaliseForSentiment` text: words, emoji, emoticons and runs of punctuation (clause breaks). */
export function sentimentTokens(normalised: string): string[] {
  return normalised.match(SENTIMENT_TOKEN) ?? []
}

/** Intent model tokens of `normaliseForIntentFeatures` text: words (with an inner apostrophe) and emoji. */
export function intentFeatureTokens(normalised: string): string[] {
  return normalised.match(INTENT_FEATURE_TOKEN) ?? []
}

/** Builtin embedder tokens of `normaliseForBuiltinEmbedder` text: runs of letters, marks and digits, and single emoji. */
export function builtinEmbedderTokens(normalised: string): string[] {
  return normalised.match(BUILTIN_EMBEDDER_TOKEN) ?? []
}

/** Word-vector table tokens (src/text/word-vectors.ts) of `normaliseForWords` text: words with an inner apostrophe, and numbers ("2 hours"). */
export function wordVectorTokens(normalised: string): string[] {
  return normalised.match(WORD_VECTOR_TOKEN) ?? []
}

/**
 * Lowercased runs of letters and digits, for reply-to-reply word overlap (its thresholds were tuned on
 * these). A run in a script written without spaces is a whole clause ("ご不便をおかけして申し訳ございません"),
 * so it is cut into words, or two replies that share most of their words would share no run.
 */
export function letterAndDigitRuns(text: string): string[] {
  const runs = text.toLowerCase().match(LETTER_OR_DIGIT_RUN) ?? []
  if (!UNSPACED_SCRIPT.test(text)) return runs
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })
  return runs.flatMap((run) => (UNSPACED_SCRIPT.test(run) ? [...wordSegmenter!.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment) : [run]))
}
