import type { SentimentProbs, SentimentValue } from './sentiment-decision.ts'
import type { SentimentLabel } from './sentiment-local.ts'

export interface ClassifyInput {
  messageId: string
  text: string
  role: 'customer' | 'agent'
  /** Language given at ingestion, trusted over detection. */
  language: string | null
  channel?: string
  /** Consecutive customer messages since the last agent reply, this one included. */
  unansweredCustomerMessages?: number
  /** An agent wrote earlier in the conversation. */
  afterAgentReply?: boolean
  /** Messages of one conversation classified together share what the conversation is about. */
  conversationId?: string
}

export interface Classification {
  messageId: string
  /** `uncertain` when the evidence cannot back a class; `probs` are the calibrated class probabilities either way. */
  sentiment: { label: SentimentValue; score: number; confidence: number; probs: SentimentProbs }
  /**
   * `probs`: the classifier's own probabilities of its likeliest intents, read from the message alone
   * (the label may be its conversation's subject instead); a count spreads the label's doubt by them.
   */
  intent: { label: string; confidence: number; probs?: Record<string, number> } | null
  language: { code: string; confidence: number }
  needsReply: boolean
  urgency: 'none' | 'low' | 'normal' | 'high' | 'critical'
  reasons: string[]
  versions: Record<string, string>
  degraded: boolean
  degradedReason?: string
}

/** What a workspace contributes to classification: its taxonomy and its people's corrections. */
export interface WorkspaceLabels {
  workspaceId: string
  taxonomy: Array<{ name: string; description: string; examples: string[] }>
  /** `messageId`: the corrected message, whose label the correction stays through re-classification. */
  intentCorrections: Array<{ text: string; label: string; messageId?: string }>
  sentimentCorrections: Array<{ text: string; label: SentimentLabel; messageId?: string }>
  brandHandles: string[]
}

export interface Classifier {
  readonly mode: 'local' | 'llm'
  /** The local classifier's `versions.classifier`: a store relabels what an earlier one wrote. */
  readonly version?: string
  classify(labels: WorkspaceLabels, inputs: ClassifyInput[], opts?: { signal?: AbortSignal }): Promise<Classification[]>
}
