// The reply-assist service: the API route and the eval harness both call suggestReplies, so what is
// measured is what agents get.
import { z } from 'zod'
import type { Embedder } from '../../embeddings/embedder.ts'
import { getConversation } from '../../store/conversations.ts'
import type { Db } from '../../store/db.ts'
import { suggestionsRepo, type SuggestionSource } from '../../store/suggestions.ts'
import { voiceOf } from '../../store/voice-setting.ts'
import { workspacesRepo } from '../../store/workspaces.ts'
import type { ActionClaim } from './claims.ts'
import type { RepeatableStep } from './steps-taken.ts'
import { channelLimit } from './clean.ts'
import { retrieveForReply } from './retrieve.ts'
import { TONES, type ConversationTurn, type ReplyMode, type ReplyResult, type ReplySuggester, type Tone } from './types.ts'

export const DEFAULT_SUGGESTIONS = 3
export const MAX_SUGGESTIONS = 5
/** Channels where a reply is normally a private message rather than a public post. */
const PRIVATE_CHANNELS = new Set(['whatsapp', 'email', 'chat', 'sms'])

export const suggestOptionsSchema = z.object({
  n: z.number().int().min(1).max(MAX_SUGGESTIONS).default(DEFAULT_SUGGESTIONS),
  tone: z.enum(TONES as [Tone, ...Tone[]]).default('friendly'),
  channel: z.string().trim().min(1).max(32).optional(),
  mode: z.enum(['public', 'private']).optional(),
  maxChars: z.number().int().min(40).max(10_000).optional(),
})
export type SuggestOptions = z.output<typeof suggestOptionsSchema>

/** What a suggester returns, with stored ids on the drafts and the limits they were written for. */
export interface SuggestionsResponse extends Omit<ReplyResult, 'suggestions'> {
  suggestions: Array<{ id: string; text: string; confidence: number; approach: string; sources: SuggestionSource[]; claims: ActionClaim[]; repeats: RepeatableStep[]; placeholders: string[] }>
  channel: string
  mode: ReplyMode
  maxChars: number
}

export interface ReplyDeps {
  db: Db
  embedder: Embedder
  suggester: ReplySuggester
}

/** Drafts for a conversation, stored so feedback can refer to them; undefined if no such conversation. */
export async function suggestReplies(
  deps: ReplyDeps,
  workspaceId: string,
  conversationId: string,
  options: SuggestOptions,
  signal?: AbortSignal,
): Promise<SuggestionsResponse | undefined> {
  // Both reads at once: no round trip to the store waits on the other.
  const [conv, ws] = await Promise.all([getConversation(deps.db, workspaceId, conversationId), workspacesRepo(deps.db).get(workspaceId)])
  if (!conv) return undefined
  const channel = (options.channel ?? conv.channel).toLowerCase()
  const mode: ReplyMode = options.mode ?? (PRIVATE_CHANNELS.has(channel) ? 'private' : 'public')
  const maxChars = channelLimit(channel, mode, options.maxChars)
  const turns: ConversationTurn[] = conv.messages.map((m) => ({
    messageId: m.id,
    role: m.role,
    text: m.text,
    language: m.language,
    intent: m.enrichment?.intent?.label ?? null,
    sentiment: m.enrichment?.sentiment?.label ?? null,
    needsReply: m.enrichment?.needsReply ?? null,
    urgency: m.enrichment?.urgency ?? null,
    reasons: m.enrichment?.reasons ?? [],
  }))
  const req = {
    workspaceId, conversationId, channel, mode, tone: options.tone, n: options.n, maxChars,
    customer: conv.customer as { handle: string | null; name: string | null },
    turns,
    voice: voiceOf(ws?.settings ?? {}),
  }
  const retrieval = await retrieveForReply(deps.db, deps.embedder, req, { signal })
  const result = await deps.suggester.suggest(req, retrieval, { signal })
  // Most trusted first: the suggester picks drafts for relevance and variety, and the confidence it then
  // gives each (lowered for an unbacked claim or a cut) is what an agent reading top-down should follow.
  // A flagged refund claim at 0.39 was listed above an answer at 0.52.
  const drafts = [...result.suggestions].sort((a, b) => b.confidence - a.confidence)
  const ids = await suggestionsRepo(deps.db).insert(workspaceId, {
    conversationId, messageId: result.messageId, channel, mode: result.degraded ? 'local' : deps.suggester.mode, language: result.language, drafts,
  })
  return {
    suggestions: drafts.map((d, i) => ({ id: ids[i], text: d.text, confidence: d.confidence, approach: d.approach, sources: d.sources, claims: d.claims, repeats: d.repeats, placeholders: d.placeholders })),
    shouldReply: result.shouldReply,
    reason: result.reason,
    language: result.language,
    degraded: result.degraded,
    ...(result.degradedReason ? { degradedReason: result.degradedReason } : {}),
    ...(result.note ? { note: result.note } : {}),
    messageId: result.messageId,
    channel,
    mode,
    maxChars,
  }
}
