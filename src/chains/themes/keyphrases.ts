// Distinctive key phrases per cluster by class-based TF-IDF (as BERTopic): all documents of a cluster
// are one "class document"; a phrase scores high when it is frequent in that class and rare across
// all classes (noise included, so words common to the whole week sink).
import { contentWords, isGenericWord, stopwordsFor } from '../../text/tokenize.ts'
import { canonicalWord, ELIDED_ARTICLE } from './cross-lingual.ts'
import { isPersonalToken } from '../../safety/personal.ts'

/**
 * Words of any support conversation that name no topic of their own: the identifiers customers are
 * asked for ("order number", "account email") and the channel's own talk ("dm", "message"). A theme
 * labelled with them says nothing ("Order number, email"), and matching on them joins unrelated themes.
 */
const CARE_WORDS = new Set([
  'order', 'number', 'email', 'e-mail', 'mail', 'account', 'case', 'reference', 'ref', 'details', 'detail', 'dm', 'dms', 'message',
  'messages', 'sent', 'send', 'name', 'phone', 'address', 'postcode', 'zip', 'customer', 'info', 'information', 'ticket', 'chat',
  'hello', 'please', 'still', 'get', 'got', 'now', 'today', 'back', 'need', 'want', 'know', 'let', 'can', 'could',
  // Chat spellings and asides: "Charged twice" listed "thats", "Price rise" "tbh", "Password reset" "impressed" (from "Not impressed").
  'dmed', 'thats', 'whats', 'theres', 'tbh', 'imo', 'btw', 'idk', 'ngl', 'bump', 'impressed',
  // Words the stopword list lacks that only join others: "How long does a refund take?" labelled its theme
  // "Does refund", "My wifi keeps dropping every evening" its theme "Dropping every".
  'does', 'doesnt', 'every', 'each',
])
/**
 * Prepositions the stopword list lacks: they join words and name nothing ("Can I get a refund if I cancel
 * within 14 days?" labelled its theme "Cancel within"). Out of key phrases only: clusters are still
 * compared on them (mergeTerms), as dropping one tipped a week's clusters together.
 */
const PREPOSITIONS = new Set(['within', 'until', 'till', 'without', 'onto', 'during', 'against', 'per', 'upon', 'across', 'towards', 'toward', 'among', 'throughout', 'despite', 'unless'])
/**
 * Numbers said in words count something and name nothing: "I am travelling for three months" and "abroad
 * for three months" made "three" a theme's first key phrase, and its label "Travelling for three". Out of
 * key phrases only, as the prepositions are.
 */
const NUMBER_WORDS = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'hundred',
  'deux', 'trois', 'quatre', 'cinq', 'sept', 'huit', 'neuf', 'dix', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn',
  'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'dois', 'duas', 'três', 'quatro', 'sete', 'oito', 'nove',
  'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'dieci',
])
const NO_PEOPLE: ReadonlySet<string> = new Set()

/** A word that may name a theme: not generic, not the channel's care talk, not personal data. */
export function isThemeWord(word: string): boolean {
  return !isGenericWord(word) && !CARE_WORDS.has(word) && !isPersonalToken(word, NO_PEOPLE)
}

const DEFAULT_TOP = 10
/** A phrase has to occur in this share of a cluster's messages (at least 2) to describe it. */
const MIN_CLASS_SUPPORT_SHARE = 0.02
const MIN_CLASS_SUPPORT = 2
/** Bigrams name topics better than their words ("lost luggage"), so they get a small lift. */
const BIGRAM_BOOST = 1.25

export interface Keyphrase {
  phrase: string
  weight: number
  /** Share of the cluster's messages that use the phrase (0..1). */
  support?: number
  /** How many of the cluster's messages use it. */
  messages?: number
}

export function clusterKeyphrases(
  docs: string[],
  labels: ArrayLike<number>,
  opts: { top?: number; language?: string } = {},
): Map<number, Keyphrase[]> {
  if (docs.length !== labels.length) throw new Error(`docs (${docs.length}) and labels (${labels.length}) differ in length`)
  const top = opts.top ?? DEFAULT_TOP
  const stopwords = stopwordsFor(opts.language)

  // Counts are of documents, not occurrences: one message repeating a word is still one voice.
  const classTermCounts = new Map<number, Map<string, number>>()
  const classDocCounts = new Map<number, number>()
  const totalTermCounts = new Map<string, number>()
  for (let i = 0; i < docs.length; i++) {
    const label = labels[i]
    let termCounts = classTermCounts.get(label)
    if (!termCounts) classTermCounts.set(label, (termCounts = new Map()))
    classDocCounts.set(label, (classDocCounts.get(label) ?? 0) + 1)
    for (const term of documentTerms(docs[i], stopwords)) {
      termCounts.set(term, (termCounts.get(term) ?? 0) + 1)
      totalTermCounts.set(term, (totalTermCounts.get(term) ?? 0) + 1)
    }
  }

  let totalTerms = 0
  for (const count of totalTermCounts.values()) totalTerms += count
  const averageTermsPerClass = totalTerms / Math.max(1, classTermCounts.size)

  const result = new Map<number, Keyphrase[]>()
  for (const [label, termCounts] of classTermCounts) {
    if (label < 0) continue
    let classTerms = 0
    for (const count of termCounts.values()) classTerms += count
    const minSupport = Math.max(MIN_CLASS_SUPPORT, Math.ceil(MIN_CLASS_SUPPORT_SHARE * classDocCounts.get(label)!))
    const scored: Keyphrase[] = []
    for (const [term, count] of termCounts) {
      if (count < minSupport && termCounts.size > top) continue
      const tf = count / classTerms
      const idf = Math.log(1 + averageTermsPerClass / totalTermCounts.get(term)!)
      const boost = term.includes(' ') ? BIGRAM_BOOST : 1
      scored.push({ phrase: term, weight: tf * idf * boost, support: count / classDocCounts.get(label)!, messages: count })
    }
    scored.sort((a, b) => b.weight - a.weight || a.phrase.localeCompare(b.phrase))
    result.set(label, withoutRedundantWords(scored, top))
  }
  return result
}

/**
 * Where a phrase ends: a sentence, a clause after a colon or semicolon, a line, a dash between words. A
 * dot between digits ("5.2") is not one.
 */
const CLAUSE_BREAK = /(?<!\d)[.!?;:](?!\d)|[.!?](?=\s)|[\n\r]+|\s[–—-]\s/u

/**
 * A verb whose particle says what it is, which the stopwords would drop: "I cannot sign in to the website"
 * labelled its theme "Cannot sign". Read as one word ("sign-in").
 */
const PHRASAL_VERB = /\b(sign(?:ed|ing)?|log(?:ged|ging)?|set(?:ting)?|check(?:ed|ing)?)\s+(in|up|out|on)\b/giu

/**
 * Unigrams and bigrams of a document, each once; bigrams never span a clause, a stopword, a generic word
 * or a dropped token ("took £55.00 twice. Thats my food money" gave "twice thats").
 */
function documentTerms(doc: string, stopwords: ReadonlySet<string>): Set<string> {
  const terms = new Set<string>()
  for (const clause of doc.replace(PHRASAL_VERB, '$1-$2').split(CLAUSE_BREAK)) {
    const tokens = contentWords(clause, stopwords).map((word) => (word !== null && isThemeWord(word) && !PREPOSITIONS.has(word) && !NUMBER_WORDS.has(word) ? word : null))
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]
      if (word === null) continue
      terms.add(word)
      const next = tokens[i + 1]
      if (next != null && next !== word) terms.add(`${word} ${next}`)
    }
  }
  return terms
}

/** A word already shown inside a better bigram ("luggage" under "lost luggage") only repeats it. */
function withoutRedundantWords(sorted: Keyphrase[], top: number): Keyphrase[] {
  const chosen: Keyphrase[] = []
  const coveredWords = new Set<string>()
  for (const candidate of sorted) {
    if (chosen.length >= top) break
    const parts = candidate.phrase.split(' ')
    if (parts.length === 1 && coveredWords.has(candidate.phrase)) continue
    chosen.push(candidate)
    for (const part of parts) coveredWords.add(part)
  }
  return chosen
}

/**
 * Joins clusters that talk about the same things in different words or with different follow-ups
 * (an outage reported as "no internet in Leeds" and chased as "any ETA? costing me a day's work"):
 * each cluster becomes a profile of the content words its messages use (share of its messages × idf
 * over the clusters), and the most similar pair is merged while its cosine is at least `minSimilarity`.
 * Returns new labels, numbered by size (largest first); noise stays −1.
 */
export function mergeClustersByWords(docs: string[], labels: ArrayLike<number>, minSimilarity: number, opts: { language?: string } = {}): Int32Array {
  const stopwords = stopwordsFor(opts.language)
  const profiles = new Map<number, { size: number; counts: Map<string, number> }>()
  for (let i = 0; i < docs.length; i++) {
    if (labels[i] < 0) continue
    const profile = profiles.get(labels[i]) ?? { size: 0, counts: new Map<string, number>() }
    profile.size++
    for (const term of mergeTerms(docs[i], stopwords)) profile.counts.set(term, (profile.counts.get(term) ?? 0) + 1)
    profiles.set(labels[i], profile)
  }
  const parent = new Map([...profiles.keys()].map((c) => [c, c]))
  const vectorOf = (profile: { size: number; counts: Map<string, number> }, idf: Map<string, number>) => {
    const vector = new Map<string, number>()
    let norm = 0
    for (const [word, count] of profile.counts) {
      // A word said by one or two members is that member's, not the cluster's.
      if (count < Math.max(2, MERGE_MIN_WORD_SHARE * profile.size)) continue
      const weight = (count / profile.size) * idf.get(word)!
      vector.set(word, weight)
      norm += weight * weight
    }
    norm = Math.sqrt(norm) || 1
    for (const [word, weight] of vector) vector.set(word, weight / norm)
    return vector
  }
  while (profiles.size > 1) {
    const clustersWithWord = new Map<string, number>()
    for (const profile of profiles.values()) for (const word of profile.counts.keys()) clustersWithWord.set(word, (clustersWithWord.get(word) ?? 0) + 1)
    const idf = new Map([...clustersWithWord].map(([word, n]) => [word, Math.log(1 + profiles.size / n)]))
    const vectors = new Map([...profiles].map(([c, profile]) => [c, vectorOf(profile, idf)]))
    let best: [number, number] | null = null
    let bestSimilarity = minSimilarity
    const ids = [...profiles.keys()]
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const similarity = sparseDot(vectors.get(ids[a])!, vectors.get(ids[b])!)
        if (similarity >= bestSimilarity) (bestSimilarity = similarity), (best = [ids[a], ids[b]])
      }
    }
    if (!best) break
    const [keep, absorb] = best
    const into = profiles.get(keep)!
    const from = profiles.get(absorb)!
    into.size += from.size
    for (const [word, count] of from.counts) into.counts.set(word, (into.counts.get(word) ?? 0) + count)
    profiles.delete(absorb)
    parent.set(absorb, keep)
  }
  const root = (c: number): number => (parent.get(c) === c ? c : root(parent.get(c)!))
  const sizes = new Map<number, number>()
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) sizes.set(root(labels[i]), (sizes.get(root(labels[i])) ?? 0) + 1)
  const order = new Map([...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c], index) => [c, index]))
  return Int32Array.from({ length: labels.length }, (_, i) => (labels[i] < 0 ? -1 : order.get(root(labels[i]))!))
}

/** Version-like identifiers ("5.2", "v5.2.0", "12.50"): written the same in every language. */
const IDENTIFIER = /(?<![\p{L}\p{N}.])v?(\d+)\.(\d+)(?:\.\d+)*(?![\p{N}])/gu

/**
 * The terms that may join two clusters: their content words without elided articles, and the
 * version-like identifiers they mention, cut to major.minor ("5.2.0" and "5.2" are one release).
 * Identifiers and product words ("app", "login"), each language's word mapped to one (cross-lingual.ts:
 * "appli", "Anwendung" → "app"), are what a French, a German and an English report of the same problem
 * have in common.
 */
export function mergeTerms(doc: string, stopwords: ReadonlySet<string>): Set<string> {
  const terms = new Set<string>()
  for (const word of contentWords(doc, stopwords)) {
    if (word === null) continue
    const bare = word.replace(ELIDED_ARTICLE, '')
    if (!stopwords.has(bare) && isThemeWord(bare)) terms.add(canonicalWord(bare))
  }
  for (const match of doc.matchAll(IDENTIFIER)) terms.add(`${match[1]}.${match[2]}`)
  return terms
}

/** A word has to be used by this share of a cluster's messages to count in its profile. */
const MERGE_MIN_WORD_SHARE = 0.1

function sparseDot(a: Map<string, number>, b: Map<string, number>): number {
  let sum = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const [word, weight] of small) sum += weight * (large.get(word) ?? 0)
  return sum
}
