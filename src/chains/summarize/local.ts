// Extractive conversation summary without an LLM: the customer sentence that best states the problem
// (early, specific, shares words with the rest of the conversation), the agent sentences that best
// state what was done (actions, not pleasantries, about the customer's words), and what is still open
// (a customer who ends unsatisfied, or an agent request still waiting for an answer).
import { stopwordsFor, words } from '../../text/tokenize.ts'

export interface DialogTurn {
  speaker: string
  text: string
}

export interface LocalSummary {
  summary: string
  wanted: string
  done: string
  open: string | null
  sentences: Array<{ text: string; speaker: string }>
}

// Weights and the default length were tuned on tweetsumm_train (scripts/measure-summaries.ts).
export const DEFAULT_MAX_SENTENCES = 3
const MIN_SENTENCE_WORDS = 3
const CONTENT_WORDS_CAP = 12
const WEIGHT_POSITION = 2.0
const WEIGHT_CONTENT = 0.08
const WEIGHT_CENTRALITY = 1.5
const WEIGHT_CUE = 0.6
const WEIGHT_PLEASANTRY = -1.2

// English cues: the bulk of social care traffic; other languages fall back to position and overlap.
const PROBLEM_CUE = /\b(can'?t|cannot|won'?t|unable|not (?:working|able|receiv\w*|get\w*)|doesn'?t|didn'?t|isn'?t|issue|problem|error|broken|crash\w*|charged|refund|cancel\w*|delay\w*|lost|missing|wrong|help|why|how (?:do|can))\b|\?/i
const ACTION_CUE = /\b(dm|direct message|send us|follow|try|tried|reinstall\w*|restart\w*|log ?out|update|check\w*|refund\w*|replace\w*|escalat\w*|forward\w*|look into|looking into|investigat\w*|fix\w*|resolved?|contact|reach out|link|steps|call|visit|credit\w*|sent|share|confirm\w*|provide)\b/i
const PLEASANTRY = /^(hi|hey|hello|thanks?|thank you|sorry|we'?re sorry|apologi[sz]e|no worries|you'?re welcome|happy to help|glad|have a (?:great|good|nice)|we'?re here|we understand|that'?s not what we like)\b/i
const RESOLVED_CUE = /\b(thanks?|thank you|thx|ty|worked|works now|fixed|sorted|resolved|perfect|great|awesome|appreciate)\b/i
const UNRESOLVED_CUE = /\b(still|not|no|never|doesn'?t|didn'?t|won'?t|can'?t|nothing|waiting|yet)\b|\?/i
const REQUEST_CUE = /\?|\b(dm|direct message|send us|please (?:provide|share|send|confirm|follow|let us know)|let us know|could you|can you)\b/i

// Social care replies start with handles and end with agent initials ("/JI", "^AB", "-Sam").
const LEADING_HANDLES = /^(?:\s*@[\w.]+)+/u
const LINKS = /\bhttps?:\/\/\S+|\bwww\.\S+/g
const SIGN_OFF = /\s*(?:[/^*~]\s?[A-Z]{1,3}|-\s?[A-Z][a-z]+|-\s?[A-Z]{1,3})\s*$/u

interface Sentence {
  text: string
  speaker: string
  turn: number
  /** Index among the sentences of the same speaker, for the position prior. */
  order: number
  position: number
  content: Set<string>
}

export function summarizeDialog(dialog: DialogTurn[], opts: { maxSentences?: number } = {}): LocalSummary {
  const maxSentences = Math.max(1, opts.maxSentences ?? DEFAULT_MAX_SENTENCES)
  const sentences = splitDialog(dialog)
  const customer = sentences.filter((s) => isCustomer(s.speaker))
  const agent = sentences.filter((s) => !isCustomer(s.speaker))

  const customerWords = wordCounts(customer)
  const agentWords = wordCounts(agent)
  const rankedCustomer = rank(customer, (s) => centrality(s, customerWords, agentWords), PROBLEM_CUE)
  const rankedAgent = rank(agent, (s) => centrality(s, agentWords, customerWords), ACTION_CUE)

  // The customer's problem first, then alternate, so both sides are told even with two sentences.
  const chosen: Sentence[] = []
  const queues = [rankedCustomer, rankedAgent]
  for (let round = 0; chosen.length < maxSentences && queues.some((q) => q.length > 0); round++) {
    const next = queues[round % 2].shift() ?? queues[(round + 1) % 2].shift()
    if (next) chosen.push(next)
  }
  chosen.sort((a, b) => a.position - b.position)

  const wantedSentences = chosen.filter((s) => isCustomer(s.speaker))
  const doneSentences = chosen.filter((s) => !isCustomer(s.speaker))
  return {
    summary: formatSummary(chosen),
    wanted: wantedSentences.map((s) => s.text).join(' '),
    done: doneSentences.map((s) => s.text).join(' '),
    open: openQuestion(sentences),
    sentences: chosen.map((s) => ({ text: s.text, speaker: s.speaker })),
  }
}

/** The first `n` sentences of the conversation in the summary's format: the baseline to beat. */
export function leadBaseline(dialog: DialogTurn[], n = DEFAULT_MAX_SENTENCES): string {
  return formatSummary(splitDialog(dialog).slice(0, n))
}

function formatSummary(sentences: Array<{ text: string; speaker: string }>): string {
  const parts: string[] = []
  let lastSpeaker: string | null = null
  for (const s of sentences) {
    const speaker = isCustomer(s.speaker) ? 'Customer' : 'Agent'
    parts.push(speaker === lastSpeaker ? s.text : `${speaker}: ${s.text}`)
    lastSpeaker = speaker
  }
  return parts.join(' ')
}

function isCustomer(speaker: string): boolean {
  return speaker.toLowerCase() === 'customer'
}

let sentenceSegmenter: Intl.Segmenter | undefined

function splitDialog(dialog: DialogTurn[]): Sentence[] {
  sentenceSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' })
  const stopwords = stopwordsFor()
  const sentences: Sentence[] = []
  const orderBySpeaker = new Map<string, number>()
  dialog.forEach((turn, turnIndex) => {
    const cleaned = cleanTurn(turn.text)
    for (const { segment } of sentenceSegmenter!.segment(cleaned)) {
      const text = segment.replace(SIGN_OFF, '').trim()
      const tokens = words(text)
      if (tokens.length < MIN_SENTENCE_WORDS) continue
      const key = isCustomer(turn.speaker) ? 'customer' : 'agent'
      const order = orderBySpeaker.get(key) ?? 0
      orderBySpeaker.set(key, order + 1)
      sentences.push({
        text,
        speaker: turn.speaker,
        turn: turnIndex,
        order,
        position: sentences.length,
        content: new Set(tokens.filter((w) => !stopwords.has(w))),
      })
    }
  })
  return sentences
}

function cleanTurn(text: string): string {
  return text.replace(LEADING_HANDLES, '').replace(LINKS, '').replace(/\s+/g, ' ').replace(SIGN_OFF, '').trim()
}

function wordCounts(sentences: Sentence[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of sentences) for (const w of s.content) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

/** Share of a sentence's words that recur elsewhere in the conversation (own side beyond itself, or the other side). */
function centrality(sentence: Sentence, ownSide: Map<string, number>, otherSide: Map<string, number>): number {
  if (sentence.content.size === 0) return 0
  let shared = 0
  for (const w of sentence.content) if ((ownSide.get(w) ?? 0) > 1 || otherSide.has(w)) shared++
  return shared / sentence.content.size
}

function rank(sentences: Sentence[], centralityOf: (s: Sentence) => number, cue: RegExp): Sentence[] {
  const score = (s: Sentence) =>
    WEIGHT_POSITION / (1 + s.order) +
    WEIGHT_CONTENT * Math.min(s.content.size, CONTENT_WORDS_CAP) +
    WEIGHT_CENTRALITY * centralityOf(s) +
    (cue.test(s.text) ? WEIGHT_CUE : 0) +
    (PLEASANTRY.test(s.text) && !cue.test(s.text) ? WEIGHT_PLEASANTRY : 0)
  const scores = new Map(sentences.map((s) => [s, score(s)]))
  return [...sentences].sort((a, b) => scores.get(b)! - scores.get(a)! || a.position - b.position)
}

/** What still waits: the customer's last unresolved words, or the agent's last unanswered request. */
function openQuestion(sentences: Sentence[]): string | null {
  if (sentences.length === 0) return null
  const lastTurn = sentences[sentences.length - 1].turn
  const last = sentences.filter((s) => s.turn === lastTurn)
  const lastText = last.map((s) => s.text).join(' ')
  if (isCustomer(last[0].speaker)) {
    if (RESOLVED_CUE.test(lastText) && !/\bstill\b|\?/i.test(lastText)) return null
    const unresolved = last.filter((s) => UNRESOLVED_CUE.test(s.text))
    return unresolved.length > 0 ? unresolved[unresolved.length - 1].text : null
  }
  const request = last.filter((s) => REQUEST_CUE.test(s.text))
  return request.length > 0 ? request[request.length - 1].text : null
}
