// Hybrid retrieval of the messages an answer cites: vector similarity and Postgres full-text search,
// both restricted by the plan's filters, merged by reciprocal-rank fusion, re-ranked, then diversified
// (one message per conversation, MMR over embeddings, near-duplicates dropped) so five citations are
// five different voices rather than five copies of one complaint.
import { cosine, type Embedder } from '../../embeddings/embedder.ts'
import type { Queryable } from '../../store/db.ts'
import { filterCandidates, textCandidates, vectorCandidates, vectorsOf, type CandidateRow } from '../../store/ask.ts'
import { words } from '../../text/tokenize.ts'
import { cellKey } from './confusion.ts'
import { citationLikelihoods } from './estimates.ts'
import { namesOf } from './subject-words.ts'
import type { AskPlan, RetrievedMessage } from './types.ts'

export const DEFAULT_CITATIONS = 5
export const CANDIDATES_PER_LIST = 40
/** The usual RRF constant: ranks deep in a list still count, the top of each list counts most. */
export const RRF_K = 60
/** The filters-only list fills in when the question has no topic words; it ranks below real matches. */
const FILTER_LIST_WEIGHT = 0.5
export const MMR_LAMBDA = 0.7
export const NEAR_DUPLICATE_COSINE = 0.95
const SHORT_MESSAGE_CHARS = 25
/** With label filters, a short message counts as half as likely to stand for the labels: a longer one says what they are about. */
const SHORT_MESSAGE_LIKELIHOOD = 0.5
/**
 * A chaser says as little, at any length up to a line: "Still waiting for a reply…" was cited for why
 * customers are unhappy with billing (it inherits its case's label).
 */
// "Bump. Nobody has got back to me." was the one quote for "Are people still angry about the price rise?".
const CHASER = /^[^.!?]{0,20}(?:still waiting|any updates?|any news|hello\?|anyone there|anybody there|no reply|no answer|no response|bump\b|(?:nobody|no one|no-one) (?:has )?(?:got|gotten|gets|came) back|following up|chasing (?:this|up)|relance|nachfrage|ich frage nochmal|sigo sin respuesta|ninguém respondeu|nessuno mi ha risposto|toujours rien|toujours pas de r[ée]ponse|sigo esperando|alguna novedad|immer noch keine antwort|gibt es neuigkeiten|ainda nada|alguma novidade|ancora niente|novit[àa]\?)/iu
const CHASER_MAX_CHARS = 60

const saysLittle = (text: string) => {
  const t = text.trim()
  return t.length < SHORT_MESSAGE_CHARS || (t.length <= CHASER_MAX_CHARS && CHASER.test(t))
}
/**
 * A message that only hands over a detail says nothing at all of its case: "It's [EMAIL_1]" was cited
 * for how many sign-in problems there were (it inherits its case's label, at 0.99). Under this many
 * letters once its details (placeholders, e-mails, anything with a digit) are taken out.
 */
const DETAIL_ONLY_LETTERS = 12
const DETAIL_ONLY_LIKELIHOOD = 0.1
const handsOverDetailOnly = (text: string) => (text.replace(/\[[A-Z_]+\d*\]|\S+@\S+|\S*\d\S*/gu, '').match(/\p{L}/gu)?.length ?? 0) < DETAIL_ONLY_LETTERS
/** How much a message's words can stand for its labels: a detail handed over least, a closer or a chaser little. */
const standsFor = (text: string) => (handsOverDetailOnly(text) ? DETAIL_ONLY_LIKELIHOOD : saysLittle(text) ? SHORT_MESSAGE_LIKELIHOOD : 1)

export interface RetrieveDeps {
  db: Queryable
  embedder: Embedder
}

/** A word without an elided article or a possessive ending. */
function withoutElision(word: string): string {
  const [head = '', ...rest] = word.split(/['’]/u)
  return rest.length > 0 && head.length <= 2 ? rest.join('') : head
}

/**
 * Any of the topic words, or another name of the thing one names ("wlan" finds "wifi"), in websearch
 * syntax ('simple' config: no stemming, language-neutral).
 */
export function fullTextQuery(topic: string | undefined): string | undefined {
  // "l'appli" is searched as "appli", "customer's" as "customer", "wi-fi" as "wi".
  const terms = [...new Set(words(topic ?? '').map(withoutElision).flatMap(namesOf).map((w) => w.replace(/-.*$/u, '')))]
    .filter((w) => /^[\p{L}\p{N}]+$/u.test(w)).slice(0, 24)
  return terms.length > 0 ? terms.join(' or ') : undefined
}

export function reciprocalRankFusion(lists: Array<{ rows: CandidateRow[]; weight: number }>): Map<string, { row: CandidateRow; fused: number }> {
  const fused = new Map<string, { row: CandidateRow; fused: number }>()
  for (const { rows, weight } of lists) {
    rows.forEach((row, rank) => {
      const entry = fused.get(row.messageId) ?? { row, fused: 0 }
      entry.fused += weight / (RRF_K + rank + 1)
      fused.set(row.messageId, entry)
    })
  }
  return fused
}

/**
 * How likely the message carries the labels the plan filters on: 1 for each label a person gave it,
 * the classifier's confidence otherwise (multiplied over the filtered labels); undefined without label
 * filters.
 */
export function labelLikelihood(row: CandidateRow, plan: AskPlan): number | undefined {
  const parts: number[] = []
  if (plan.filters.sentiment) parts.push(row.sentimentCorrected ? 1 : Math.min(LIKELIEST_UNCORRECTED, row.sentimentConfidence ?? 0))
  if (plan.filters.intent) parts.push(row.intentCorrected ? 1 : Math.min(LIKELIEST_UNCORRECTED, row.intentConfidence ?? 0))
  return parts.length ? parts.reduce((p, x) => p * x, 1) : undefined
}
/** A person gave the message every label the plan filters on. */
export const labelledByPeople = (row: CandidateRow, plan: AskPlan) =>
  (!plan.filters.sentiment || row.sentimentCorrected) && (!plan.filters.intent || row.intentCorrected)

/** A classifier's label, however confident, ranks below a person's. */
const LIKELIEST_UNCORRECTED = 0.99
/**
 * Below this measured likelihood an uncorrected message is more likely wrong than right: it is cited
 * only when no message a person labelled so is there to cite instead.
 */
export const MIN_CITED_LIKELIHOOD = 0.5
/** How much relevance to the question's words can reorder messages of about equal likelihood. */
const TOPIC_TIEBREAK = 0.05

/**
 * With label filters, a citation stands for the labels asked about: messages most likely to carry them
 * come first (those a person labelled, then by the classifier's confidence), and the question's words
 * only break near-ties. Without, relevance decides, preferring messages with something to say.
 */
export function rerankScore(row: CandidateRow, fused: number, plan: AskPlan, maxFused = fused): number {
  const likelihood = labelLikelihood(row, plan)
  if (likelihood !== undefined) {
    // A person's labels outrank any guess, whatever the words.
    const byPeople = labelledByPeople(row, plan) ? 1 : 0
    // A closer inherits its case's label ("Perfect, tank you!" cited for billing): it stands for the label, but says nothing of it.
    return byPeople + likelihood * standsFor(row.text) + TOPIC_TIEBREAK * (maxFused > 0 ? fused / maxFused : 0)
  }
  let factor = 1
  if (plan.kind === 'why' && row.sentiment === 'negative') factor += 0.1
  if (saysLittle(row.text)) factor *= 0.8
  return fused * factor
}

/** Share of the shorter message's words found in the other: templated complaints and copy-paste score near 1. */
export function wordContainment(a: string, b: string): number {
  const wa = new Set(words(a))
  const wb = new Set(words(b))
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa]
  if (small.size === 0) return a.trim() === b.trim() ? 1 : 0
  let shared = 0
  for (const w of small) if (large.has(w)) shared++
  return shared / small.size
}
export const NEAR_DUPLICATE_CONTAINMENT = 0.8

/** Maximal marginal relevance with one message per conversation and no near-duplicates. */
export function diversify<T extends { messageId: string; conversationId: string; text: string; score: number }>(
  ranked: T[], vectors: Map<string, Float32Array>, k: number, lambda = MMR_LAMBDA,
): T[] {
  const pool = ranked.slice()
  const chosen: T[] = []
  const top = pool[0]?.score || 1
  while (chosen.length < k && pool.length > 0) {
    let best = -1
    let bestValue = -Infinity
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i]!
      const v = vectors.get(c.messageId)
      const similarity = v ? Math.max(0, ...chosen.map((s) => (vectors.has(s.messageId) ? cosine(v, vectors.get(s.messageId)!) : 0))) : 0
      const value = lambda * (c.score / top) - (1 - lambda) * similarity
      if (value > bestValue) {
        bestValue = value
        best = i
      }
    }
    const [pick] = pool.splice(best, 1)
    const v = vectors.get(pick!.messageId)
    const duplicate = chosen.some(
      (s) => s.conversationId === pick!.conversationId
        || wordContainment(s.text, pick!.text) >= NEAR_DUPLICATE_CONTAINMENT
        || (v && vectors.has(s.messageId) && cosine(v, vectors.get(s.messageId)!) >= NEAR_DUPLICATE_COSINE),
    )
    if (!duplicate) chosen.push(pick!)
  }
  return chosen
}

export async function retrieve(deps: RetrieveDeps, workspaceId: string, plan: AskPlan, question: string, k = DEFAULT_CITATIONS): Promise<RetrievedMessage[]> {
  const { db, embedder } = deps
  const { filters, timeRange } = plan
  const topicText = [plan.topic, filters.theme].filter(Boolean).join(' ') || undefined
  const ftsQuery = fullTextQuery(topicText)
  const [vector] = await embedder.embed([topicText ?? question], { kind: 'query' })
  const [byVector, byText, byFilters] = await Promise.all([
    vector ? vectorCandidates(db, workspaceId, embedder.id, vector, CANDIDATES_PER_LIST, filters, timeRange) : Promise.resolve([]),
    ftsQuery ? textCandidates(db, workspaceId, ftsQuery, CANDIDATES_PER_LIST, filters, timeRange) : Promise.resolve([]),
    filterCandidates(db, workspaceId, CANDIDATES_PER_LIST, filters, timeRange),
  ])
  const fused = reciprocalRankFusion([
    { rows: byVector, weight: 1 },
    { rows: byText, weight: 1 },
    { rows: byFilters, weight: FILTER_LIST_WEIGHT },
  ])
  const maxFused = Math.max(0, ...[...fused.values()].map((f) => f.fused))
  let ranked = [...fused.values()]
    .map(({ row, fused: f }) => ({ ...row, score: rerankScore(row, f, plan, maxFused) }))
    .sort((a, b) => b.score - a.score || a.messageId.localeCompare(b.messageId))
  // Where the confusion was measured, an uncorrected message is as likely to carry the labels as its
  // predicted cell turned out to be on corrected messages: below even odds it is no example, unless
  // no message a person labelled so is there instead.
  const measured = filters.sentiment || filters.intent ? await citationLikelihoods(db, workspaceId, filters, timeRange) : undefined
  if (measured && ranked.some((r) => labelledByPeople(r, plan))) {
    ranked = ranked.filter((r) => labelledByPeople(r, plan) || (measured.get(cellKey(r)) ?? 1) >= MIN_CITED_LIKELIHOOD)
  }
  const vectors = await vectorsOf(db, workspaceId, embedder.id, ranked.slice(0, 3 * CANDIDATES_PER_LIST).map((r) => r.messageId))
  return diversify(ranked, vectors, k).map(({ sentimentScore: _s, sentimentConfidence: _sc, intentConfidence: _ic, sentimentCorrected: _c1, intentCorrected: _c2, ...r }) => ({ ...r, score: Math.round(r.score * 1e5) / 1e5 }))
}
