// Retrieval shared by both reply implementations: customer messages of other conversations of the
// same workspace that resemble this one, the agent reply that followed each (and accepted or edited
// suggestion finals written for them), and the workspace's knowledge passages.
import type { Embedder } from '../../embeddings/embedder.ts'
import type { Db } from '../../store/db.ts'
import type { SearchHit } from '../../store/embeddings.ts'
import { replyRetrievalRepo } from '../../store/reply-retrieval.ts'
import { suggestionsRepo } from '../../store/suggestions.ts'
import { messageCore } from '../../text/envelope.ts'
import { detectLanguage } from '../classify/language.ts'
import { searchKnowledge } from './knowledge-search.ts'
import { namesOtherProblem } from './problems.ts'
import { namesUnsaid } from './template.ts'
import type { ConversationTurn, ReplyCandidate, ReplyRequest, Retrieval } from './types.ts'

/** Similar past customer messages looked at per request. */
export const SIMILAR_MESSAGES_K = 40
export const KNOWLEDGE_K = 4
/** Past agent turns like the one a follow-up answers, whose customers' next messages are candidates too. */
export const SAME_STAGE_K = 20
/** …when their agent turn is this close to the one answered (as a clear stage is in local.ts, CLEAR_CONTEXT). */
export const SAME_STAGE_MIN = 0.5
const QUERY_MAX_CHARS = 2_000
/** Trailing customer messages taken together as what is being answered. */
const TRIGGER_MAX_MESSAGES = 3

/** The customer messages the reply answers: those after the last agent message (or the last customer one). */
export function triggerTurns(turns: ConversationTurn[]): ConversationTurn[] {
  const lastAgent = turns.findLastIndex((t) => t.role === 'agent')
  const trailing = turns.slice(lastAgent + 1).filter((t) => t.role === 'customer')
  if (trailing.length > 0) return trailing.slice(-TRIGGER_MAX_MESSAGES)
  const lastCustomer = turns.findLast((t) => t.role === 'customer')
  return lastCustomer ? [lastCustomer] : []
}

export function languageOfTurns(turns: ConversationTurn[]): string {
  const last = turns[turns.length - 1]
  if (!last) return 'und'
  if (last.language && last.language !== 'und') return last.language
  return detectLanguage(turns.map((t) => t.text).join('\n')).language
}

export async function retrieveForReply(db: Db, embedder: Embedder, req: ReplyRequest, opts: { signal?: AbortSignal } = {}): Promise<Retrieval> {
  const trigger = triggerTurns(req.turns)
  // Looked up by what the customer says: an e-mail's salutation, signature and "My account email is …
  // and the order number is …" made an outage complaint nearest to a home-move e-mail (text/envelope.ts).
  const query = trigger.map((t) => messageCore(t.text)).join('\n').slice(-QUERY_MAX_CHARS)
  const language = languageOfTurns(trigger)
  if (!query.trim()) return { query, language, candidates: [], knowledge: [] }

  // Customer message against stored customer messages is a symmetric comparison: both sides are
  // embedded as passages. Knowledge passages answer a question, so that search embeds a query.
  // Where the case stands: a follow-up ("order number is BW-6333896") is answered as the past cases
  // that stood at the same point (the agent had just asked for the order number about a double charge).
  const firstTrigger = req.turns.findIndex((t) => t.messageId === trigger[0].messageId)
  const before = firstTrigger > 0 ? req.turns[firstTrigger - 1].text.slice(0, QUERY_MAX_CHARS) : null
  // Knowledge answers the case, not only its last turn: the opening goes into the question when the last turn is a follow-up.
  const openingTurn = req.turns.find((t) => t.role === 'customer')
  const opening = openingTurn ? messageCore(openingTurn.text).slice(0, QUERY_MAX_CHARS) : query
  const knowledgeQuery = query.includes(opening) ? query : `${opening}\n${query}`
  const [[asPassage, beforeVector], [asQuery]] = await Promise.all([
    embedder.embed(before ? [query, before] : [query], { kind: 'passage', signal: opts.signal }),
    embedder.embed([knowledgeQuery], { kind: 'query', signal: opts.signal }),
  ])

  // Statements that do not depend on each other are sent together: the store runs them one after the
  // other anyway, but no request waits for a round trip to its own process between them.
  const repo = replyRetrievalRepo(db)
  const [hits, knowledge] = await Promise.all([
    repo.similarCustomerMessages(req.workspaceId, embedder.id, asPassage, SIMILAR_MESSAGES_K, req.conversationId),
    searchKnowledge(db, req.workspaceId, embedder.id, { vector: asQuery, text: knowledgeQuery, language }, KNOWLEDGE_K),
  ])
  const context = beforeVector?.some((x) => x !== 0) ? { model: embedder.id, vector: beforeVector } : undefined
  let candidates = await candidatesAnswering(db, req.workspaceId, hits, context)
  if (context && req.turns[firstTrigger - 1]?.role === 'agent' && !candidates.some((c) => (c.contextSimilarity ?? 0) >= SAME_STAGE_MIN)) {
    // A reply to the agent that no past case like it answered at the same stage is looked up by the agent's
    // turn: its own words may be little more than an e-mail address. Only then: where such cases exist, the
    // cases at their stage that also read alike answer better (IBM ROUGE-L fell 0.0043 when both were pooled).
    const seen = new Set(hits.map((h) => h.messageId))
    const atStage = await repo.customerMessagesAtStage(req.workspaceId, embedder.id, asPassage, { vector: context.vector, minScore: SAME_STAGE_MIN }, SAME_STAGE_K, req.conversationId)
    candidates = [...candidates, ...(await candidatesAnswering(db, req.workspaceId, atStage.filter((h) => !seen.has(h.messageId)), context))]
  }
  if (language !== 'und' && !candidates.some((c) => c.language === language)) {
    // None of the nearest past cases was answered in the customer's language (a French "Parfait, merci
    // pour vore aide" is nearest to English thank-yous, and got English drafts while the brand answers
    // French every day): the nearest ones written in it are looked up as well.
    const inLanguage = await repo.similarCustomerMessages(req.workspaceId, embedder.id, asPassage, SIMILAR_MESSAGES_K, req.conversationId, language)
    const seen = new Set(hits.map((h) => h.messageId))
    candidates = [...candidates, ...(await candidatesAnswering(db, req.workspaceId, inLanguage.filter((h) => !seen.has(h.messageId)), context))]
  }
  // A reply naming what its customer's message did not ("service in Pudsey is back" to "Any ETA?"), or a
  // problem it did not ("the second payment was a duplicate" to "BW-1029232"), is read with what that
  // customer wrote before (template.ts echoedDetails, problems.ts); looked up for those replies only.
  const unsaid = candidates.filter((c) => c.kind === 'agent_message' && (namesUnsaid(c.text, c.customerText) || namesOtherProblem(c.customerText, c.text)))
  const earlier = await repo.earlierCustomerTexts(req.workspaceId, [...new Set(unsaid.map((c) => c.customerMessageId))])
  for (const c of candidates) {
    const earlierText = earlier.get(c.customerMessageId)
    if (earlierText) c.caseText = `${earlierText}\n${c.customerText}`
  }
  candidates.sort((a, b) => b.similarity - a.similarity)
  return { query, language, candidates, knowledge }
}

/** The replies that answered these past customer messages: the agent's next message, and suggestions accepted or edited for them. */
async function candidatesAnswering(db: Db, workspaceId: string, hits: SearchHit[], before?: { model: string; vector: Float32Array }): Promise<ReplyCandidate[]> {
  const byId = new Map(hits.map((h) => [h.messageId, h]))
  const ids = hits.map((h) => h.messageId)
  const [rows, finals] = await Promise.all([
    replyRetrievalRepo(db).nextAgentReplies(workspaceId, ids, before),
    suggestionsRepo(db).finalsFor(workspaceId, ids),
  ])
  const contextOf = new Map(rows.map((r) => [r.customerMessageId, r.contextScore]))
  const candidates: ReplyCandidate[] = rows.map((r) => {
    const hit = byId.get(r.customerMessageId)!
    return {
      id: r.id,
      kind: 'agent_message',
      conversationId: r.conversationId,
      customerMessageId: r.customerMessageId,
      customerText: hit.text,
      similarity: hit.score,
      customerIntent: r.customerIntent,
      contextSimilarity: r.contextScore,
      text: r.text,
      language: r.language,
      pastCustomer: { handle: r.handle, name: r.name },
    }
  })
  for (const f of finals) {
    const hit = byId.get(f.messageId)!
    candidates.push({
      id: f.id,
      kind: 'accepted_suggestion',
      conversationId: f.conversationId,
      customerMessageId: f.messageId,
      customerText: hit.text,
      similarity: hit.score,
      contextSimilarity: contextOf.get(f.messageId) ?? null,
      text: f.text,
      language: f.language,
      pastCustomer: { handle: f.handle, name: f.name },
    })
  }
  return candidates
}
