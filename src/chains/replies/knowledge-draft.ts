// The local path drafts from the workspace's knowledge when an article answers the case, instead of
// only pointing at it: the passage's sentences that share the most content words with what the
// customer wrote, in the article's own order. Sentences written to agents ("If a customer reports…,
// ask for…") are left out: they instruct, they do not answer.
import { detectLanguage } from '../classify/language.ts'
import { sentencesOf } from '../../text/sentences.ts'
import { stopwordsFor, words } from '../../text/tokenize.ts'
import { aboutOtherSubjectOnly, namesOtherProblem, problemsIn, subjectProblem, tellsOfGoodsToCome } from './problems.ts'
import type { Retrieval } from './types.ts'

type KnowledgeHit = Retrieval['knowledge'][number]

/**
 * A passage scoring at least this (its cosine plus its share of the customer's words, knowledge-search.ts)
 * answers the case. Set on the dev half of the `knowledge` eval (demo openings against the demo's 14
 * articles): every draft offered there came from an article that answers; at 0.35, 2% did not.
 */
export const KNOWLEDGE_ANSWER_SCORE = 0.4
/**
 * When no past reply fits, a passage from this score answers when its sentences share at least
 * FALLBACK_SHARED_STEMS words with the case: "How long does delivery of a Brightbox usually take?" met
 * the delivery article below the answer score and got "Congratulations on the move!" (0.17) as its first draft.
 */
export const KNOWLEDGE_FALLBACK_SCORE = 0.32
/**
 * A passage this close in meaning alone (the builtin embedder's cosine) is on the case's subject: above it
 * nearly every top passage of the demo is; between 0.2 and 0.28 about half are.
 */
const KNOWLEDGE_CLOSE_SIMILARITY = 0.28
const FALLBACK_SHARED_STEMS = 2
const MAX_SENTENCES = 2
const MAX_CHARS = 360
/** Words compared by their first letters, so "charged", "charges" and "charge" meet. */
const STEM_LETTERS = 5
// Sentences addressed to agents, in the supported languages: they speak of customers or agents, or
// open (after an "If …," clause) with an instruction: "ask for…", "offer…", "add a £10 credit…".
const TO_AGENTS = [
  /\b(?:customers?|agents?|clients?|kunden?|kundin|clientes?|agentes?|mitarbeiter)\b/iu,
  /^(?:(?:if|once|when|si|wenn|sobald|se|quando|cuando)\b[^,]{0,120},\s*)?(?:ask|offer|add|refund|tell|check|escalate|log|book|send|push|never|always|do not|don't|demandez|proposez|fragen|bieten|pregunta|ofrece|pergunte|ofereça|chiedi|offri)\b/iu,
  // …or give it after a colon: "…, it is a range issue: offer the free wifi booster".
  /[:;]\s*(?:ask|offer|add|refund|tell|check|escalate|log|book|send|push|run|demandez|proposez|fragen|bieten|pregunta|ofrece|pergunte|ofereça|chiedi|offri)\b/iu,
]

/** What an article says customers may do, in the plural, said to the customer: "Customers can cancel…" → "You can cancel…". */
const CUSTOMERS_DO = /\b(?:[Cc]ustomers|[Tt]he customer|[Aa] customer)\s+(can|may|will|do not|don't|do|are|need|needs|receive|receives|get|gets|have|has|reset|resets|take|takes|keep|keeps)\b/gu
/** Verbs an article says a customer does ("the customer takes…", "… and plugs it in"), in the customer's own form. */
const TO_YOU: Record<string, string> = {
  has: 'have',
  ...Object.fromEntries(
    ['needs', 'plugs', 'returns', 'sends', 'calls', 'pays', 'signs', 'logs', 'uses', 'chooses', 'moves', 'leaves', 'shows', 'brings', 'contacts', 'asks', 'keeps', 'takes', 'gets',
      'receives', 'waits', 'restarts', 'resets', 'switches', 'opens', 'closes', 'books', 'cancels', 'follows', 'enters', 'selects', 'taps', 'clicks', 'visits', 'checks']
      .map((verb) => [verb, verb.replace(/(?<=(?:ch|sh|ss|x))es$|s$/, '')]),
  ),
}

/**
 * An English article's sentence about what customers can do, told to the customer ("Customers can cancel
 * an equipment order … for a full refund … within 14 days" answered "can I get a refund if I cancel within
 * 14 days?", and was dropped as a sentence about customers). Sentences still about customers after it
 * ("When many customers in one area report no service, check…") remain addressed to agents.
 */
function toTheCustomer(sentence: string): string {
  const told = sentence.replace(CUSTOMERS_DO, (whole, verb: string) => `${/^[A-Z]/.test(whole) ? 'You' : 'you'} ${TO_YOU[verb] ?? verb}`)
  if (told === sentence) return sentence
  // The rest of the sentence speaks of the same customer: "the customer takes the Hub with them and plugs it in"
  // became "you take the Hub with them and plugs it in".
  return told
    .replace(/\btheir\b/g, 'your').replace(/\bthemselves\b/g, 'yourself').replace(/\bthey\b/g, 'you')
    .replace(/\b(with|to|for) them\b/g, '$1 you')
    .replace(/\b(and|or|then) ([a-z]+)\b/g, (whole, joiner: string, verb: string) => (TO_YOU[verb] ? `${joiner} ${TO_YOU[verb]}` : whole))
}

export interface KnowledgeAnswer {
  hit: KnowledgeHit
  body: string
}

function stems(text: string, language: string): Set<string> {
  const stop = stopwordsFor(language)
  return new Set(words(text).filter((w) => w.length >= 3 && !stop.has(w)).map((w) => w.slice(0, STEM_LETTERS)))
}

/** The best passage that answers the case in its language, reduced to the sentences that answer; null when none does. */
export function knowledgeAnswer(hits: KnowledgeHit[], customerText: string, language: string, opts: { fallback?: boolean; subject?: string } = {}): KnowledgeAnswer | null {
  const asked = stems(customerText, language)
  const ours = problemsIn(customerText)
  if (opts.subject) ours.add(subjectProblem(opts.subject))
  for (const hit of [...hits].sort((a, b) => b.score - a.score)) {
    if (hit.score < (opts.fallback ? KNOWLEDGE_FALLBACK_SCORE : KNOWLEDGE_ANSWER_SCORE)) break
    const closeEnough = hit.score >= KNOWLEDGE_ANSWER_SCORE
    // Close in meaning, the passage is on the case's subject; one that scores by its words is on it only when
    // its article's title says one of them: "Why is my bill higher this month?" scored 0.47 against the
    // double-charge article for "bill" and "month", and its answer would have been "a payment is taken twice".
    if ((hit.similarity ?? hit.score) < KNOWLEDGE_CLOSE_SIMILARITY && hit.titled === false) continue
    const hitLanguage = hit.language && hit.language !== 'und' ? hit.language : detectLanguage(hit.text).language
    if (hitLanguage !== language) continue
    const scored = sentencesOf(hit.text, language)
      .map((sentence) => (language === 'en' ? toTheCustomer(sentence) : sentence))
      .map((sentence, position) => {
        const own = stems(sentence, language)
        let shared = 0
        for (const s of own) if (asked.has(s)) shared++
        return { sentence, position, shared, overlap: own.size ? shared / Math.sqrt(own.size) : 0 }
      })
      .filter((s) => !TO_AGENTS.some((re) => re.test(s.sentence)))
    const answering = scored.filter((s) => s.overlap > 0).sort((a, b) => b.overlap - a.overlap)
    // Below the usual score, only a passage that says the case's own words answers it.
    if (!closeEnough && !answering.some((s) => s.shared >= FALLBACK_SHARED_STEMS)) continue
    const chosen: typeof scored = []
    for (const s of answering.length ? answering : scored) {
      if (chosen.length >= MAX_SENTENCES) break
      if ([...chosen, s].reduce((n, c) => n + c.sentence.length + 1, 0) > MAX_CHARS) continue
      chosen.push(s)
    }
    if (chosen.length === 0) continue
    const body = chosen.sort((a, b) => a.position - b.position).map((s) => s.sentence).join(' ')
    // Below the usual score, sharing the case's words is not enough when the sentences are about a
    // problem the customer never names: "can I change my direct debit date?" met "Very occasionally a
    // payment is taken twice, usually because … a Direct Debit both went through" (0.20).
    if (!closeEnough && namesOtherProblem(customerText, body)) continue
    // At any score, sentences about another subject only answer another case: "the engineer is booked for
    // tomorrow but I won't be home, can I move it?" met "Moving home" (0.30) and got "If the new address is
    // not covered, you can leave without an early exit fee" (0.45).
    if (aboutOtherSubjectOnly(ours, body) || tellsOfGoodsToCome(ours, body)) continue
    return { hit, body }
  }
  return null
}
