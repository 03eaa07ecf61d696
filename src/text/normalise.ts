// Every normalisation of message text that precedes tokenising, one per purpose, side by side so
// their differences are deliberate. Three of them define inputs that were frozen elsewhere: a change
// to normaliseForSentiment must bump SENTIMENT_FEATURE_VERSION (and retrain models/sentiment), to
// normaliseForIntentFeatures INTENT_FEATURE_VERSION, to normaliseForBuiltinEmbedder BUILTIN_VERSION
// (stored vectors would no longer match new ones). Ingest's own clean-up (NFC, control characters,
// length cap) is in pipeline/normalise.ts: it changes what is stored, not how it is read.

/** Links, e-mail addresses and @handles: who and where, never what a message is about. */
const LINK_HANDLE_OR_EMAIL = /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu
const HTML_ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+);/g
const FOLDABLE_LETTER_WITH_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}])\p{M}+/gu
const ASCII_ONLY = /^[\x00-\x7f]*$/

/** For topic words (key phrases, summaries, ask): lowercased, NFKC, without links, handles, e-mail addresses and HTML entities. */
export function normaliseForWords(text: string): string {
  return text.replace(LINK_HANDLE_OR_EMAIL, ' ').replace(HTML_ENTITY, ' ').normalize('NFKC').toLowerCase().replace(/’/g, "'")
}

/**
 * For the builtin hashing embedder: NFKC (full-width and compatibility forms), lowercase, links and
 * handles dropped, and accents folded where writers often omit them (Latin, Greek, Arabic/Hebrew
 * vowel signs). Marks of other scripts are left alone: in Thai or Devanagari they are the vowels.
 */
export function normaliseForBuiltinEmbedder(text: string): string {
  if (ASCII_ONLY.test(text)) return text.replace(LINK_HANDLE_OR_EMAIL, ' ').toLowerCase()
  return text
    .normalize('NFKC')
    .replace(LINK_HANDLE_OR_EMAIL, ' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(FOLDABLE_LETTER_WITH_MARKS, '$1')
    .normalize('NFKC')
}

/** For the local sentiment model: lower-cased, without what carries no sentiment in social posts (links, handles, RT, '#'). */
export function normaliseForSentiment(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+|www\.\S+|(^|\s)http(?=\s|$)/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/(^|\s)rt(?=\s)/g, ' ')
    .replace(/#/g, ' ')
    // "soooo good" and "มากกกกก" are the same words as their short forms, only louder.
    .replace(/(.)\1{3,}/gu, '$1$1$1')
    // Split contractions and elisions so negators and lexicon words are whole tokens.
    .replace(/n['’]t\b/g, ' not')
    .replace(/\b(j|l|d|c|m|t|s|n|qu)['’]/g, '$1e ')
    .replace(/['’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * For the local intent model's lexical features: lower-cased, compatibility-folded, Latin accents
 * stripped (customers often omit them), links, mentions and numbers replaced by placeholders.
 */
export function normaliseForIntentFeatures(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' url ')
    .replace(/@\w+/g, ' @mention ')
    .replace(/\d+/g, '0')
}
