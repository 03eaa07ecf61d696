// A theme that lumps two products together, split by the words its conversations use. The
// cross-lingual recipe clusters on the built-in embedder's vectors with a strong pull towards each
// conversation, and places messages by their intent; both join what the care taxonomy files under one
// intent (the demo's September: a back-ordered voice remote and late Brightbox 4K deliveries, both
// "delivery", one theme). The words still tell them apart:
//   - most of the theme's conversations name its product, in any language the cross-lingual map knows
//     ("remote", "télécommande", "Fernbedienung");
//   - a group of the others names another product by its name ("Brightbox"): a capitalised word that
//     the first group hardly uses and the rest of the week hardly says.
// That group, with the conversations that share its words, becomes a theme of its own. An aspect of the
// same subject ("charged twice" in a bill theme, "version 5.2" in an app crash) is a common word, not a
// name, and stays: splitting on those cost the demo's W42 and W45 NMI.
import { contentWords, isGenericWord, stopwordsFor } from '../../text/tokenize.ts'
import { canonicalWord, ELIDED_ARTICLE, isProduct, isProductWord } from './cross-lingual.ts'
import { stem } from './local-features.ts'

/** The theme's product is named by at least this share of its conversations… */
const SUBJECT_MIN_SHARE = 0.4
/** …and is this many times more common in them than in the batch's conversations. */
const SUBJECT_MIN_LIFT = 2
/** The other product is named by at least this many of the conversations that do not name the first… */
const OTHER_MIN_CONVERSATIONS = 3
/** …by at most this share of those that do… */
const OTHER_MAX_SHARE_WITH_SUBJECT = 0.15
/** …and most of the batch's conversations that use it are these (the rest of the week hardly says it). */
const OTHER_MIN_CONCENTRATION = 0.6
/** A name is written capitalised in at least this share of its uses inside a sentence. */
const NAME_MIN_CAPITALISED = 0.5
/** A word in more than this share of the batch's conversations names no subject ("order", the brand). */
const MAX_BATCH_SHARE = 0.3

interface SplitItem {
  text: string
  conversationId?: string
}

/**
 * `labels` with every theme that lumps two products split in two (new labels after the existing ones).
 * Words are read from the items `read` selects (a big week's uniform sample); every member moves with
 * its conversation.
 */
export function splitByProduct(labels: Int32Array, items: SplitItem[], opts: { inFocus: (index: number) => boolean; minSize: number; minFocus: number; read?: (index: number) => boolean }): Int32Array {
  const { inFocus, minSize, minFocus, read = () => true } = opts
  const { wordsOf, capitalised } = conversationWords(items.filter((_, i) => read(i)))
  const batch = wordCounts(wordsOf.keys(), wordsOf)
  const sayable = (w: string) => batch.get(w)! <= MAX_BATCH_SHARE * wordsOf.size
  const isName = (w: string) => (capitalised.get(w) ?? 0) >= NAME_MIN_CAPITALISED
  // A conversation none of whose messages was read says nothing here.
  const says = (c: string, w: string) => wordsOf.get(c)?.has(w) ?? false

  const conversationsOf = new Map<number, Set<string>>()
  labels.forEach((label, i) => {
    const c = items[i].conversationId
    if (label >= 0 && c) (conversationsOf.get(label) ?? conversationsOf.set(label, new Set()).get(label)!).add(c)
  })
  const result = Int32Array.from(labels)
  let next = labels.reduce((max, label) => Math.max(max, label + 1), 0)
  for (const [label, conversations] of [...conversationsOf].sort((a, b) => a[0] - b[0])) {
    const share = (n: number) => n / conversations.size
    const product = best(wordCounts(conversations, wordsOf), (w, n) => isProduct(w) && sayable(w) && share(n) >= SUBJECT_MIN_SHARE && share(n) >= SUBJECT_MIN_LIFT * (batch.get(w)! / wordsOf.size))
    if (!product) continue
    const naming = [...conversations].filter((c) => says(c, product))
    const others = [...conversations].filter((c) => wordsOf.has(c) && !says(c, product))
    const namingCounts = wordCounts(naming, wordsOf)
    // A word of the other group: hardly said by the first group, nor elsewhere in the week.
    const ownWord = (w: string, n: number) => !isProductWord(w) && sayable(w) && n >= OTHER_MIN_CONCENTRATION * batch.get(w)! && (namingCounts.get(w) ?? 0) <= OTHER_MAX_SHARE_WITH_SUBJECT * naming.length
    const otherCounts = wordCounts(others, wordsOf)
    const name = best(otherCounts, (w, n) => n >= OTHER_MIN_CONVERSATIONS && isName(w) && ownWord(w, n))
    if (!name) continue
    // The other group: conversations naming it, and those sharing the words said with it in two of them.
    const withName = others.filter((c) => says(c, name))
    const vocabulary = new Set([name, ...[...wordCounts(withName, wordsOf)].filter(([w, n]) => n >= 2 && ownWord(w, otherCounts.get(w)!)).map(([w]) => w)])
    const moving = new Set(others.filter((c) => [...vocabulary].some((w) => says(c, w))))
    const members = [...labels.keys()].filter((i) => labels[i] === label && moving.has(items[i].conversationId!))
    if (members.length < minSize || members.filter(inFocus).length < minFocus) continue
    const split = next++
    for (const i of members) result[i] = split
  }
  return result
}

/**
 * Each conversation's words (content words of all its messages; the cross-lingual map's English for the
 * words it knows, others stemmed), and for each word the share of its uses inside a sentence that are
 * capitalised ("Brightbox" as against "double").
 */
function conversationWords(items: SplitItem[]): { wordsOf: Map<string, Set<string>>; capitalised: Map<string, number> } {
  const stopwords = stopwordsFor()
  const wordsOf = new Map<string, Set<string>>()
  const uses = new Map<string, { all: number; capitalised: number }>()
  for (const { text, conversationId } of items) {
    if (!conversationId) continue
    const set = wordsOf.get(conversationId) ?? wordsOf.set(conversationId, new Set()).get(conversationId)!
    for (const token of contentWords(text, stopwords)) {
      const word = token?.replace(ELIDED_ARTICLE, '')
      if (word && !stopwords.has(word) && !isGenericWord(word)) set.add(wordKey(word))
    }
    for (const match of text.matchAll(WORD_IN_SENTENCE)) {
      const key = wordKey(match[1].toLowerCase().replace(ELIDED_ARTICLE, ''))
      const counts = uses.get(key) ?? uses.set(key, { all: 0, capitalised: 0 }).get(key)!
      counts.all++
      if (/^\p{Lu}/u.test(match[1])) counts.capitalised++
    }
  }
  return { wordsOf, capitalised: new Map([...uses].map(([key, { all, capitalised }]) => [key, capitalised / all])) }
}

/** A word preceded by a letter, digit or comma and a space: not a sentence's first word, whose capital says nothing. */
const WORD_IN_SENTENCE = /(?<=[\p{L}\p{N},] )(\p{L}[\p{L}\p{M}'’]*)/gu

/** The map's English for a word it knows; stem() and a final "e" off otherwise, so "arrive" and "arrived" are one word. */
function wordKey(word: string): string {
  if (isProductWord(word)) return canonicalWord(word)
  const stemmed = stem(word)
  return stemmed.length > 4 && stemmed.endsWith('e') ? stemmed.slice(0, -1) : stemmed
}

function wordCounts(conversations: Iterable<string>, wordsOf: Map<string, Set<string>>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const c of conversations) for (const w of wordsOf.get(c) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

/** The most common word that passes `ok` (ties by the word, so runs repeat). */
function best(counts: Map<string, number>, ok: (word: string, n: number) => boolean): string | null {
  let found: [string, number] | null = null
  for (const [w, n] of counts) if (ok(w, n) && (!found || n > found[1] || (n === found[1] && w < found[0]))) found = [w, n]
  return found?.[0] ?? null
}
