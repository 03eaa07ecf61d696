// Distinctive key phrases per cluster by class-based TF-IDF (as BERTopic): all documents of a cluster
// are one "class document"; a phrase scores high when it is frequent in that class and rare across
// all classes (noise included, so words common to the whole week sink).
import { contentWords, stopwordsFor } from '../../text/tokenize.ts'

const DEFAULT_TOP = 10
/** A phrase has to occur in this share of a cluster's messages (at least 2) to describe it. */
const MIN_CLASS_SUPPORT_SHARE = 0.02
const MIN_CLASS_SUPPORT = 2
/** Bigrams name topics better than their words ("lost luggage"), so they get a small lift. */
const BIGRAM_BOOST = 1.25

export interface Keyphrase {
  phrase: string
  weight: number
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
      scored.push({ phrase: term, weight: tf * idf * boost })
    }
    scored.sort((a, b) => b.weight - a.weight || a.phrase.localeCompare(b.phrase))
    result.set(label, withoutRedundantWords(scored, top))
  }
  return result
}

/** Unigrams and bigrams of a document, each once; bigrams never span a stopword or a dropped token. */
function documentTerms(doc: string, stopwords: ReadonlySet<string>): Set<string> {
  const tokens = contentWords(doc, stopwords)
  const terms = new Set<string>()
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]
    if (word === null) continue
    terms.add(word)
    const next = tokens[i + 1]
    if (next != null && next !== word) terms.add(`${word} ${next}`)
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
