// The ask chain: a plain-language question → a plan (how it was understood) → figures computed by SQL
// → citations retrieved from stored messages → an answer that only states what those support.
import { z } from 'zod'

/**
 * rank: "which channel has the most complaints", "top 3 intents"; awaiting: "still waiting for a reply";
 * response_time: first-response times ("how fast do we reply on X", "answered within an hour").
 */
export const ASK_KINDS = ['count', 'trend', 'why', 'examples', 'compare', 'rank', 'awaiting', 'response_time'] as const
export type AskKind = (typeof ASK_KINDS)[number]
/** The sentiment classes a person can give and a count can estimate. */
export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const
/** What a message's sentiment can be: a class, or `uncertain` when the classifier could not back one (a filter counts those exactly). */
export const SENTIMENTS = [...SENTIMENT_CLASSES, 'uncertain'] as const
/**
 * What a ranking groups by; `theme` ranks by theme volume from the weekly theme snapshots, `day` by calendar
 * day (UTC), `weekday` and `hour` by the day of the week and the hour of the day (UTC), per day they occur.
 */
export const GROUP_BYS = ['channel', 'intent', 'language', 'sentiment', 'theme', 'day', 'weekday', 'hour'] as const
export type GroupBy = (typeof GROUP_BYS)[number]

/** What a count of conversations can measure besides their number (see AskPlan.measure). */
export const CONVERSATION_MEASURES = ['messages_per_conversation', 'repeat_customers'] as const
export type ConversationMeasure = (typeof CONVERSATION_MEASURES)[number]

/** Half-open [from, to) in ISO 8601; `label` says it in words ("last month", "1–15 Oct 2026"). */
export const timeRangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  label: z.string(),
  /** A calendar period still under way ("this week" on a Tuesday): it is compared with the same part of the one before. */
  underway: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(),
})
export type TimeRange = z.infer<typeof timeRangeSchema>

export const askFiltersSchema = z.object({
  channel: z.string().optional(),
  language: z.string().optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  intent: z.string().optional(),
  theme: z.string().optional(),
  /** Conversation metadata the workspace declared as segments (settings.ask.segments), e.g. { airline: 'United' }. */
  segment: z.record(z.string(), z.string()).optional(),
  /** Messages must mention one of these words (full-text): the subject when no intent or theme names it ("the app"). */
  mentions: z.string().optional(),
  customerRole: z.literal('customer'),
})
export type AskFilters = z.infer<typeof askFiltersSchema>

export const askPlanSchema = z.object({
  kind: z.enum(ASK_KINDS),
  timeRange: timeRangeSchema,
  previousRange: timeRangeSchema.optional(),
  filters: askFiltersSchema,
  /** Free text for retrieval: the question's content words without time words and cue words. */
  topic: z.string().optional(),
  /** True when the question asked for a proportion ("what share", "what percentage"). */
  wantsShare: z.boolean().optional(),
  /**
   * The filter a share is of, when the question names both: "what share of billing messages were
   * negative" asks for the negative part of billing ('sentiment'); "what share of negative messages were
   * about billing" for the billing part of negative ('intent', the default).
   */
  sharePart: z.enum(['intent', 'sentiment']).optional(),
  /** True when the question counts people ("what do customers complain about"): a ranking counts each customer's conversation once. */
  countsCustomers: z.boolean().optional(),
  /**
   * rank: the dimension ranked and how many rows the question wants ("top 3"). A ranking of channels or
   * languages with `wantsShare` and a label filter (or of intents with a sentiment) ranks each group's own
   * rate ("which channel is the most negative": the negative share of each channel's messages), not its count.
   */
  groupBy: z.enum(GROUP_BYS).optional(),
  top: z.number().int().positive().optional(),
  /** response_time: the threshold asked for, in minutes ("answered within 2 hours"); an hour when none is named. */
  withinMinutes: z.number().positive().optional(),
  /** awaiting: the wait asked about, in minutes ("waiting more than a day for a reply"). */
  waitingMinutes: z.number().positive().optional(),
  /** rank: the fewest first ("which channel has the fewest complaints"). */
  ascending: z.boolean().optional(),
  /** rank: only these groups, as the question named them ("sentiment on WhatsApp against email"). */
  among: z.array(z.string()).optional(),
  /** False when no cue, filter or time of the question could be mapped: the answer says so. */
  understood: z.boolean().optional(),
  /** What the planner read, in words: shown when the question could not be mapped, and for audit. */
  understoodAs: z.string().optional(),
  /** Topic words the figures were not narrowed by, because the intent names the subject and no weekly theme about it goes by them. */
  notNarrowedBy: z.string().optional(),
  /** A measure the question asks for that no figure computes ("by day of the week"): the answer says so before what it could compute. */
  notComputed: z.string().optional(),
  /** A time the question names by an event, not a date ("after the fix"): no range is read from it, and the answer says so. */
  unplacedTime: z.string().optional(),
  /** True when the question asked what grew without naming a period: the last week was compared with the one before, and the answer says so. */
  periodAssumed: z.boolean().optional(),
  /** A subject whose messages a ranking of subjects was asked within ("top reasons customers cancel"): they are ranked by weekly theme, and the answer says why. */
  rankedWithin: z.string().optional(),
  /** The words ("lately", "still") a question named a recent time by without dates: the past four weeks were read, and the answer says so. */
  recent: z.string().optional(),
  /** A comparison naming an event but no dates ("Did the outage cause a spike?"): the weekly theme whose weeks were compared with the weeks before. */
  eventTheme: z.string().optional(),
  /** True when the question asks which messages use its words ("mentioned Face ID"): they are counted by those words, not by a weekly theme the words match. */
  literal: z.boolean().optional(),
  /** The weekly themes a question's theme words matched (their labels), so the reader knows a theme filtered the figures. */
  themeMatched: z.string().optional(),
  /** True when a reader replaced the planner's time range or filters (POST /v1/ask `timeRange`, `filters`). */
  edited: z.boolean().optional(),
  /**
   * count: a measure of the conversations rather than of their messages, counted from metadata: the
   * messages per conversation ("on average, how many messages does a conversation take?") or the
   * customers who wrote in more than one conversation ("how many customers contacted us more than once?").
   */
  measure: z.enum(CONVERSATION_MEASURES).optional(),
  /** Who made the plan. */
  planner: z.enum(['local', 'llm']),
})
export type AskPlan = z.infer<typeof askPlanSchema>

export const FIGURE_KINDS = [
  'count', 'previous_count', 'change', 'share', 'breakdown', 'series', 'sentiment_mix', 'theme_volume', 'awaiting_reply', 'response_time', 'average',
] as const

/**
 * A figure that depends on classifier labels is an estimate: `value` sums each message's probability of
 * the label, `low`–`high` is a 95% interval, `method` says how it was made.
 */
export const figureEstimateSchema = z.object({ value: z.number(), low: z.number(), high: z.number(), method: z.string() })
export type FigureEstimate = z.infer<typeof figureEstimateSchema>

export const askFigureSchema = z.object({
  kind: z.enum(FIGURE_KINDS),
  label: z.string(),
  value: z.number(),
  unit: z.enum(['messages', 'percent', 'conversations', 'customers', 'minutes']),
  /** True when the figure depends only on metadata (channel, dates, language, roles): counted, not estimated. */
  exact: z.boolean().optional(),
  estimate: figureEstimateSchema.optional(),
  from: z.string(),
  to: z.string(),
  filters: z.record(z.string(), z.unknown()),
  /** What a breakdown or series row is about: { intent: 'billing' }, { week: '2026-W44' }, { sentiment: 'negative' }. */
  group: z.record(z.string(), z.string()).optional(),
  /** For breakdown rows: the same count in the previous period. */
  previousValue: z.number().optional(),
  /** For a change per intent ("which grew most"): the share of bootstrap resamples in which it was the largest change. */
  probability: z.number().min(0).max(1).optional(),
})
export type AskFigure = z.infer<typeof askFigureSchema>

export const askCitationSchema = z.object({
  n: z.number().int(),
  messageId: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  sentAt: z.string(),
  text: z.string(),
  sentiment: z.string().nullable(),
  intent: z.string().nullable(),
  score: z.number(),
})
export type AskCitation = z.infer<typeof askCitationSchema>

export const askResultSchema = z.object({
  answer: z.string(),
  /** The language the answer and the figures' labels are written in (ISO 639-1): the question's, or English. */
  language: z.string(),
  figures: z.array(askFigureSchema),
  citations: z.array(askCitationSchema),
  plan: askPlanSchema,
  degraded: z.boolean(),
  degradedReason: z.string().optional(),
  /** The range asked about has no data but older data exists: where the data ends and the range offered instead. */
  dataEndsAt: z.string().optional(),
  suggestedRange: timeRangeSchema.optional(),
  /** The earlier period a comparison was asked against begins before the workspace's first message: when that message came. */
  dataStartsAt: z.string().optional(),
})
export type AskResult = z.infer<typeof askResultSchema>

/** What the workspace calls things: the words a planner may resolve a question into. */
export interface AskVocabulary {
  intents: Array<{ name: string; description: string }>
  channels: string[]
  /** Non-merged theme labels, when the themes tables exist. */
  themes: string[]
  /** Segment key → its known values (from conversation metadata). */
  segments: Record<string, string[]>
  /** Theme label → its key phrases (latest snapshot): a question naming a phrase names the theme. */
  themePhrases?: Record<string, string[]>
}

export interface PlanRequest {
  question: string
  now: Date
  vocabulary: AskVocabulary
  workspaceId: string
  signal?: AbortSignal
}

export interface AskPlanner {
  readonly mode: 'local' | 'llm'
  plan(req: PlanRequest): Promise<{ plan: AskPlan; degraded: boolean; degradedReason?: string }>
}

/** A retrieved message before it becomes a numbered citation. */
export interface RetrievedMessage {
  messageId: string
  conversationId: string
  channel: string
  sentAt: string
  text: string
  sentiment: string | null
  intent: string | null
  score: number
  /** Who wrote in the conversation: their names are masked in the quote, and never leave with it. */
  people: Array<string | null>
}

export interface AnswerRequest {
  question: string
  plan: AskPlan
  /** Set when the range has no data but older data exists. */
  dataEndsAt?: string
  suggestedRange?: TimeRange
  /** Set when the compared earlier period begins before the workspace's first message. */
  dataStartsAt?: string
  figures: AskFigure[]
  citations: AskCitation[]
  workspaceId: string
  signal?: AbortSignal
}

export interface AskAnswerer {
  readonly mode: 'local' | 'llm'
  answer(req: AnswerRequest): Promise<{ answer: string; degraded: boolean; degradedReason?: string }>
}

/**
 * What a reader changed in "how I read your question": the time range and the filters replace what the
 * planner read (filters as a whole: a filter left out is dropped). `filters.theme` names a theme by
 * its words, matched like a question's.
 */
export const planOverridesSchema = z.object({
  timeRange: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
    .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'from must be before to' }).optional(),
  filters: askFiltersSchema.omit({ customerRole: true }).extend({ theme: z.string().trim().min(2).max(120).optional() }).optional(),
})
export type PlanOverrides = z.infer<typeof planOverridesSchema>

export interface AskChain {
  readonly mode: 'local' | 'llm'
  ask(workspaceId: string, question: string, opts?: { now?: Date; signal?: AbortSignal; overrides?: PlanOverrides }): Promise<AskResult>
}

/** One theme as a ranking row: what it is called now and its weekly snapshots (whose members it counts). */
export interface ThemeGroup {
  label: string
  snapshots: Array<{ themeId: string; week: string }>
}
