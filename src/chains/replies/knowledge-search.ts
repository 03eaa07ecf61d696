// Knowledge passages for a case, found by meaning and by words. The builtin embedder scores "How long
// does a refund take?" 0.19 against the refund policy and 0.21 against the double-charge article; the
// words "refund" and "take" put the policy first. Each passage's score adds to its cosine the share of
// what the customer said that it says, each word weighted by how rare it is in the knowledge base (its
// inverse document frequency), so "refund" counts and "month" hardly does. A passage found by its words
// answers only when its article's title says one of them (knowledge-draft.ts).
import type { Db } from '../../store/db.ts'
import { knowledgeRepo, type KnowledgeHit, type TermMatches } from '../../store/knowledge.ts'
import type { Retrieval } from './types.ts'

/**
 * What the words weigh against the cosine: a passage saying all of the customer's rare words gains 0.8.
 * Set on the dev half of the `knowledge` eval (demo openings) with the answer score (knowledge-draft.ts):
 * 0.5 offered fewer right articles, 1 as many only from a higher answer score.
 */
export const LEXICAL_WEIGHT = 0.8
/** Passages found by their words alone, added to those found by meaning. */
export const LEXICAL_K = 4
// BM25's usual constants: how fast repeated words stop counting, and how much a long passage is discounted.
const BM25_K1 = 1.2
const BM25_B = 0.75
/** A word of the title counts as this many more occurrences when ranking by words. */
const TITLE_BOOST = 1

type Passage = Retrieval['knowledge'][number]

interface WordScores {
  /** Share of the question's rarity-weighted words the chunk says (0–1). */
  coverage: Map<string, number>
  /** Chunks whose article's title says one of the question's words. */
  titled: Set<string>
  /** BM25 of the chunk for the question: how passages are ranked by words. */
  bm25: Map<string, number>
}

/** Coverage and BM25 of each chunk that says at least one of the question's words. */
export function scoreWords(terms: TermMatches): WordScores {
  const documents = new Map<string, number>()
  for (const m of terms.matches) documents.set(m.word, (documents.get(m.word) ?? 0) + 1)
  const n = Math.max(1, terms.chunks)
  const idf = (word: string) => {
    // A word no chunk says ("hiya", a town, a typo) weighs as one that a single chunk says: it tells that
    // the knowledge base does not cover all of the message, without outweighing what it does cover.
    const df = Math.max(1, documents.get(word) ?? 0)
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }
  const total = (words: string[]) => [...new Set(words)].reduce((sum, w) => sum + idf(w), 0)
  const [stemmed, plain] = [total(terms.words), total(terms.plainWords)]
  const coverage = new Map<string, number>()
  const bm25 = new Map<string, number>()
  const titled = new Set<string>()
  for (const m of terms.matches) {
    if (m.inTitle) titled.add(m.chunkId)
    const weight = idf(m.word)
    const of = m.plain ? plain : stemmed
    if (of > 0) coverage.set(m.chunkId, (coverage.get(m.chunkId) ?? 0) + weight / of)
    const tf = m.count + (m.inTitle ? TITLE_BOOST : 0)
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * m.length) / Math.max(1, terms.averageLength))
    bm25.set(m.chunkId, (bm25.get(m.chunkId) ?? 0) + (weight * tf * (BM25_K1 + 1)) / (tf + norm))
  }
  return { coverage, bm25, titled }
}

/**
 * The passage as retrieval gives it: its cosine kept as `similarity`, its score the two together, at most 1
 * (agents read it as a percentage beside the draft).
 */
function scored(hit: KnowledgeHit, coverage: number, titled: boolean): Passage {
  const lexical = Math.min(1, coverage)
  return { ...hit, similarity: hit.score, lexical, titled, score: Math.min(1, hit.score + LEXICAL_WEIGHT * lexical) }
}

/** The k best passages by their combined score, among the k nearest by meaning and the LEXICAL_K best by words. */
export async function searchKnowledge(
  db: Db, workspaceId: string, model: string, query: { vector: Float32Array; text: string; language: string }, k: number,
): Promise<Passage[]> {
  const repo = knowledgeRepo(db)
  const [byMeaning, terms] = await Promise.all([
    repo.search(workspaceId, model, query.vector, k),
    repo.termMatches(workspaceId, query.language, query.text),
  ])
  const { coverage, bm25, titled } = scoreWords(terms)
  const found = new Set(byMeaning.map((h) => h.chunkId))
  const byWords = [...bm25].sort((a, b) => b[1] - a[1]).slice(0, LEXICAL_K).map(([id]) => id).filter((id) => !found.has(id))
  const more = await repo.chunksByIds(workspaceId, model, query.vector, byWords)
  return [...byMeaning, ...more].map((hit) => scored(hit, coverage.get(hit.chunkId) ?? 0, titled.has(hit.chunkId))).sort((a, b) => b.score - a.score).slice(0, k)
}
