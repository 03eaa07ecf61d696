import type { SuggestionSource } from '../../store/suggestions.ts'
import type { ActionClaim } from './claims.ts'
import type { RepeatableStep } from './steps-taken.ts'

export type Tone = 'friendly' | 'formal' | 'empathetic' | 'concise'
export type ReplyMode = 'public' | 'private'
export const TONES: Tone[] = ['friendly', 'formal', 'empathetic', 'concise']
/** What a draft does; the N drafts of one request should differ in this, not only in wording. */
export const APPROACHES = ['ask_dm', 'ask_details', 'give_steps', 'inform', 'apologise_escalate', 'check_and_follow_up', 'acknowledge', 'other'] as const
export type Approach = (typeof APPROACHES)[number]

/** Workspace setting 'voice'. */
export interface BrandVoice {
  guidelines: string
  signOff: string
  avoidWords: string[]
  greeting?: string
  /** The brand's own handles: never stripped as "another customer's handle", never redacted. */
  handles: string[]
}

export const EMPTY_VOICE: BrandVoice = { guidelines: '', signOff: '', avoidWords: [], handles: [] }

export interface ConversationTurn {
  messageId: string
  role: 'customer' | 'agent'
  text: string
  language: string | null
  /** The classifier's intent for the message, when it has one. */
  intent?: string | null
  /** The classifier's sentiment for the message (negative, neutral, positive or uncertain), when it has one. */
  sentiment?: string | null
  needsReply: boolean | null
  urgency: string | null
  reasons: string[]
}

export interface ReplyRequest {
  workspaceId: string
  conversationId: string
  channel: string
  mode: ReplyMode
  tone: Tone
  n: number
  maxChars: number
  customer: { handle: string | null; name: string | null }
  turns: ConversationTurn[]
  voice: BrandVoice
}

/** A past agent reply (or accepted suggestion) that answered a customer message similar to this one. */
export interface ReplyCandidate {
  /** Agent message id, or suggestion id for an accepted final. */
  id: string
  kind: 'agent_message' | 'accepted_suggestion'
  conversationId: string
  /** The past customer message it answered. */
  customerMessageId: string
  customerText: string
  /** Everything that customer had written up to it (the case's details: a town named in the first message, answered in the third). */
  caseText?: string
  /** Cosine similarity of that customer message to the one being answered. */
  similarity: number
  /** The classifier's intent for that customer message, when it has one. */
  customerIntent?: string | null
  /**
   * When the message answered follows earlier turns: cosine similarity of the message before the past
   * customer message to the one before this turn (0 when the past message opened its conversation);
   * null when this turn opens the conversation.
   */
  contextSimilarity: number | null
  text: string
  language: string | null
  pastCustomer: { handle: string | null; name: string | null }
}

export interface Retrieval {
  query: string
  language: string
  candidates: ReplyCandidate[]
  /**
   * Knowledge passages, best first. `score` is how well one matches the case: its cosine (`similarity`)
   * plus the weighted share of the customer's words it says (`lexical`; see knowledge-search.ts);
   * `titled` when its article's title says one of them.
   */
  knowledge: Array<{ chunkId: string; articleId: string; title: string; text: string; language: string | null; score: number; similarity?: number; lexical?: number; titled?: boolean }>
}

export interface Draft {
  text: string
  approach: Approach
  confidence: number
  sources: SuggestionSource[]
  /** Actions the draft states as done that the conversation does not show: the agent must confirm them. */
  claims: ActionClaim[]
  /** Troubleshooting steps the draft tells the customer to take that they say they already took ("restart"): reword or pick another. */
  repeats: RepeatableStep[]
  /** Placeholders left for the agent ("[order number]", "[amount]"): facts this case could not supply. */
  placeholders: string[]
}

export interface ReplyResult {
  suggestions: Draft[]
  shouldReply: boolean
  reason: string
  language: string
  degraded: boolean
  degradedReason?: string
  /** e.g. "no past replies in French; drafts are in English" */
  note?: string
  /** The customer message answered (null when the conversation has none). */
  messageId: string | null
}

export interface ReplySuggester {
  readonly mode: 'local' | 'llm'
  suggest(req: ReplyRequest, retrieval: Retrieval, opts?: { signal?: AbortSignal }): Promise<ReplyResult>
}
