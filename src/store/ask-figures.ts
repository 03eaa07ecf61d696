// SQL behind the ask figures that go beyond plain counts: label-dependent counts as sums of
// probabilities, rankings by a dimension, conversations awaiting a reply, first-response times, messages
// per conversation, customers who wrote more than once, and where the workspace's data ends. Workspace in
// every WHERE.
import type { Queryable } from './db.ts'
import { FROM, whereOf, type AskMessageFilters, type AskTimeRange } from './ask.ts'

/**
 * The filters that select messages exactly: all but the labels, which estimates handle. `uncertain` is
 * not a class but what the classifier said, so a filter on it selects exactly.
 */
export function metadataOf(filters: AskMessageFilters): AskMessageFilters {
  const { sentiment, intent: _i, ...metadata } = filters
  return sentiment === 'uncertain' ? { ...metadata, sentiment } : metadata
}

/** The labels a figure counts: each message contributes its probability of carrying them. */
export interface LabelTarget {
  sentiment?: string
  intent?: string
  /**
   * With `sentiment: 'negative'`: the problem intents whose neutral reports count as complaints. A
   * message then counts p(negative) + p(neutral) × p(its intent is one of these): a customer who states
   * a problem plainly ("the app closes after the update") complains, one who thanks does not.
   */
  complaintIntents?: string[]
}

/** Number of classes of each label field, to spread the remaining probability over the others. */
export interface LabelClasses {
  sentiment: number
  intent: number
}

/** Confidence assumed when an enrichment stored none. */
const DEFAULT_CONFIDENCE = 0.5

/**
 * p(message has `value` in `field`): 1 or 0 when a person corrected it; the stored confidence when the
 * classifier chose it; otherwise the rest of the probability (the label's doubt), spread over the other
 * classes in proportion to the classifier's own probabilities of them when it stored them (intents:
 * `intent_probs`, see intentDoubtShareSql), else evenly; uniform when the message is not classified (or
 * carries a label outside the classes, e.g. `uncertain`).
 */
function probabilitySql(field: 'sentiment' | 'intent', param: string, classes: number): string {
  const confidence = `coalesce(e.${field}_confidence, ${DEFAULT_CONFIDENCE})`
  const k = Math.max(2, classes)
  return `(CASE WHEN e.${field} IS NULL THEN ${1 / k}
     WHEN e.versions ->> '${field}' = 'human' THEN (CASE WHEN e.${field} = ${param} THEN 1.0 ELSE 0.0 END)
     WHEN e.${field} = ${param} THEN ${confidence}
     ${field === 'sentiment' ? `WHEN e.sentiment NOT IN ('negative', 'neutral', 'positive') THEN ${1 / k}` : ''}
     ${field === 'intent' ? `WHEN e.intent_probs IS NOT NULL THEN (1 - ${confidence}) * ${intentDoubtShareSql(param)}` : ''}
     ELSE (1 - ${confidence}) / ${k - 1} END)`
}

/**
 * The share of a message's doubt about its stored intent that goes to intent `param`: the classifier's
 * own probability of `param` among those of the intents other than the stored one. The label may be its
 * conversation's subject rather than the message's own reading, whose probabilities these are; a
 * message whose own reading gave the other intents nothing at all spreads nothing to them.
 */
function intentDoubtShareSql(param: string): string {
  const own = (label: string) => `coalesce((e.intent_probs ->> (${label})::text)::float8, 0)`
  return `least(1.0, ${own(param)} / greatest(1 - ${own('e.intent')}, 1e-6))`
}

/**
 * Bounds of p(message has `value`) when the stored confidence is trusted for the chosen label but not
 * how the rest spreads: at most all of the doubt (1 - confidence) belongs to `value` (upper), at least
 * none of it does (lower). Unclassified messages could be anything.
 */
function boundSql(field: 'sentiment' | 'intent', param: string, side: 'lower' | 'upper'): string {
  const confidence = `coalesce(e.${field}_confidence, ${DEFAULT_CONFIDENCE})`
  return `(CASE WHEN e.${field} IS NULL THEN ${side === 'upper' ? 1 : 0}
     WHEN e.versions ->> '${field}' = 'human' THEN (CASE WHEN e.${field} = ${param} THEN 1.0 ELSE 0.0 END)
     WHEN e.${field} = ${param} THEN ${side === 'upper' ? '1.0' : confidence}
     ELSE ${side === 'upper' ? `1 - ${confidence}` : '0.0'} END)`
}

/**
 * p(message has sentiment `label`) from the stored calibrated class probabilities, which an `uncertain`
 * label keeps too; from the label's confidence (probabilitySql) when none were stored.
 */
function sentimentClassSql(label: 'negative' | 'neutral'): string {
  return `(CASE WHEN e.versions ->> 'sentiment' = 'human' OR e.sentiment_probs IS NULL THEN ${probabilitySql('sentiment', `'${label}'`, 3)}
     ELSE coalesce((e.sentiment_probs ->> '${label}')::float8, 0) END)`
}

/**
 * Reasons the classifier stores when the customer states a problem in so many words: a complaint cue
 * ("charged twice", "never arrived", "ne fonctionne pas"), an outage or a request to cancel.
 */
const PROBLEM_STATED_REASONS = `ARRAY['complaint', 'outage_terms', 'cancellation_terms']::text[]`

/**
 * p(message is a complaint) for `target.complaintIntents` (see LabelTarget) with its bounds: the lower
 * bound is the confident part of a negative label alone, the upper one adds all doubt and the neutral reports.
 * A message that states the problem in so many words reports it whatever its tone ("the app closes
 * after the update, thanks in advance" reads positive to a model of tweets); a person's sentiment
 * label is not overruled.
 */
function complaintSql(intentParams: string[], classes: number): { p: string; lo: string; hi: string } {
  const aboutProblem = `least(1.0, ${intentParams.map((param) => probabilitySql('intent', param, classes)).join(' + ')})`
  const negative = sentimentClassSql('negative')
  const reporting = `(CASE WHEN e.versions ->> 'sentiment' IS DISTINCT FROM 'human' AND coalesce(e.reasons && ${PROBLEM_STATED_REASONS}, false)
     THEN 1 - ${negative} ELSE ${sentimentClassSql('neutral')} END)`
  const p = `(${negative} + ${reporting} * ${aboutProblem})`
  return { p, lo: boundSql('sentiment', `'negative'`, 'lower'), hi: `greatest(${boundSql('sentiment', `'negative'`, 'upper')}, ${p})` }
}

export interface LabelEstimateRow {
  /** The group's key ('' without grouping). */
  key: string
  /** Messages in the metadata-filtered set. */
  messages: number
  /** Messages whose stored labels are exactly the target (classify-and-count). */
  classified: number
  /** Sum of the messages' probabilities of the target. */
  expected: number
  /** Sum of p(1-p): the variance of the count if the probabilities are calibrated. */
  variance: number
  /** Sums of the lower and upper bounds of each message's probability (see boundSql). */
  lower: number
  upper: number
}

const GROUP_COLUMNS = {
  channel: 'c.channel', language: 'coalesce(m.language, e.language)', intent: 'e.intent', sentiment: 'e.sentiment',
  // The calendar day (UTC) a message was sent: "Which day had the most messages in November?"
  day: `to_char(m.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  // The day of the week (ISO: 1 is Monday) and the hour (00–23) it was sent, UTC: "Which weekday is busiest?"
  weekday: `to_char(m.sent_at AT TIME ZONE 'UTC', 'ID')`,
  hour: `to_char(m.sent_at AT TIME ZONE 'UTC', 'HH24')`,
} as const
/** What a metadata grouping can be: the channel, the language, the day, the day of the week or the hour of the day. */
export type MetadataGroup = 'channel' | 'language' | 'day' | 'weekday' | 'hour'
export type EstimateGroup = keyof typeof GROUP_COLUMNS

/** The columns of `EstimateSums` over rows of `alias` whose probability column is `p` (bounds `lo`, `hi`). */
const estimateSums = (alias: string, p: string) =>
  `count(*)::int AS messages, count(*) FILTER (WHERE ${alias}.is_exact)::int AS classified,
   coalesce(sum(${alias}.${p}), 0) AS expected, coalesce(sum(${alias}.${p} * (1 - ${alias}.${p})), 0) AS variance,
   coalesce(sum(${alias}.lo), 0) AS lower, coalesce(sum(${alias}.hi), 0) AS upper`

/**
 * Expected number of customer messages carrying the target labels among those matching the metadata
 * filters, optionally per channel / language / intent / sentiment. Label filters in `filters` are ignored:
 * labels enter only through `target`.
 */
/**
 * Each metadata-matching customer message with its probability of the target labels (`p`), the bounds
 * of that probability (`lo`, `hi`), whether its stored labels are exactly the target, its conversation
 * and its group key: the rows every label estimate sums.
 */
function targetProbabilities(workspaceId: string, filters: AskMessageFilters, range: AskTimeRange, target: LabelTarget, classes: LabelClasses, groupBy?: EstimateGroup) {
  const { where, params } = whereOf(workspaceId, metadataOf(filters), range)
  const factors: string[] = []
  const lowers: string[] = []
  const uppers: string[] = []
  const exact: string[] = []
  for (const field of ['sentiment', 'intent'] as const) {
    const value = target[field]
    if (!value) continue
    params.push(value)
    const param = `$${params.length}`
    const complaints = field === 'sentiment' && value === 'negative' && target.complaintIntents?.length ? target.complaintIntents : undefined
    if (complaints) {
      const complaint = complaintSql(complaints.map((intent) => `$${params.push(intent)}`), classes.intent)
      factors.push(complaint.p)
      lowers.push(complaint.lo)
      uppers.push(complaint.hi)
    } else {
      factors.push(probabilitySql(field, param, classes[field]))
      lowers.push(boundSql(field, param, 'lower'))
      uppers.push(boundSql(field, param, 'upper'))
    }
    exact.push(`e.${field} = ${param}`)
  }
  // Sentiment and intent are treated as independent given the message: their probabilities multiply.
  const product = (xs: string[]) => (xs.length ? xs.join(' * ') : '1.0')
  // Each field's own probability and bounds too, for the per-conversation estimate (1.0 when not targeted).
  const fieldColumns = (['sentiment', 'intent'] as const).map((field) => {
    const i = (['sentiment', 'intent'] as const).filter((f) => target[f]).indexOf(field)
    const col = (xs: string[]) => (i >= 0 ? xs[i] : '1.0')
    return `(${col(factors)})::float8 AS p_${field}, (${col(lowers)})::float8 AS lo_${field}, (${col(uppers)})::float8 AS hi_${field}`
  })
  const key = groupBy ? `coalesce(${GROUP_COLUMNS[groupBy]}, '')` : `''`
  const sql = `SELECT ${key} AS key, m.conversation_id, (${product(factors)})::float8 AS p, (${product(lowers)})::float8 AS lo, (${product(uppers)})::float8 AS hi,
             ${fieldColumns.join(', ')}, coalesce(${exact.length ? exact.join(' AND ') : 'true'}, false) AS is_exact ${FROM} WHERE ${where}`
  return { sql, params }
}

type EstimateSums = { key: string; messages: number; classified: number; expected: string; variance: string; lower: string; upper: string }
const toEstimateRow = (r: EstimateSums): LabelEstimateRow => ({
  key: r.key, messages: r.messages, classified: r.classified, expected: Number(r.expected), variance: Number(r.variance), lower: Number(r.lower), upper: Number(r.upper),
})

/**
 * Expected number of customer messages carrying the target labels among those matching the metadata
 * filters, optionally per channel / language / intent / sentiment. Label filters in `filters` are ignored:
 * labels enter only through `target`.
 */
export async function labelEstimates(
  db: Queryable,
  workspaceId: string,
  filters: AskMessageFilters,
  range: AskTimeRange,
  target: LabelTarget,
  classes: LabelClasses,
  groupBy?: EstimateGroup,
): Promise<LabelEstimateRow[]> {
  const { sql, params } = targetProbabilities(workspaceId, filters, range, target, classes, groupBy)
  const { rows } = await db.query<EstimateSums>(
    `SELECT x.key, ${estimateSums('x', 'p')}
     FROM (${sql}) x
     GROUP BY x.key ORDER BY 4 DESC, 1`,
    params,
  )
  return rows.map(toEstimateRow)
}

/**
 * Expected number of conversations about the target intent in which the customer voiced the target
 * sentiment ("how many customers complained about billing"). A conversation's messages share its
 * subject, so p(conversation is about the intent) is its likeliest message's (max), not a product over
 * messages taken as independent; p(some message carries the sentiment) is 1 − Π(1 − p). The two multiply,
 * and the bounds follow the same formula. `messages` here counts conversations.
 */
export async function conversationLabelEstimate(
  db: Queryable,
  workspaceId: string,
  filters: AskMessageFilters,
  range: AskTimeRange,
  target: LabelTarget,
  classes: LabelClasses,
): Promise<LabelEstimateRow> {
  const { sql, params } = targetProbabilities(workspaceId, filters, range, target, classes)
  // ln(1 − p) summed is the log of Π(1 − p); p is capped just under 1 so a certain message gives q = 1.
  const anyOf = (col: string) => `(1 - exp(sum(ln(1 - least(${col}, 0.999999)))))`
  const conversationOf = (bound: 'p' | 'lo' | 'hi') => `${anyOf(`x.${bound}_sentiment`)} * max(x.${bound}_intent)`
  const { rows } = await db.query<EstimateSums>(
    `SELECT '' AS key, ${estimateSums('y', 'q')}
     FROM (SELECT x.conversation_id, ${conversationOf('p')} AS q, ${conversationOf('lo')} AS lo, ${conversationOf('hi')} AS hi, bool_or(x.is_exact) AS is_exact
           FROM (${sql}) x GROUP BY x.conversation_id) y`,
    params,
  )
  return toEstimateRow(rows[0]!)
}

/**
 * One cell of the classifier's output on the metadata-filtered customer messages: its predicted labels
 * (for a corrected field, the prediction kept at correction time, `predicted_*`), the human labels when
 * a person corrected the message, and how many messages share all four.
 */
export interface LabelCellRow {
  /** The group's key ('' without grouping). */
  key: string
  sentiment: string | null
  intent: string | null
  trueSentiment: string | null
  trueIntent: string | null
  n: number
}

const CORRECTION_JOINS = `LEFT JOIN corrections cs ON cs.message_id = m.id AND cs.workspace_id = $1 AND cs.field = 'sentiment'
  LEFT JOIN corrections ci ON ci.message_id = m.id AND ci.workspace_id = $1 AND ci.field = 'intent'`

/**
 * The messages matching the metadata filters, counted per predicted and corrected labels (optionally per
 * channel / language): what the confusion-corrected estimates work from. Label filters in `filters` are
 * ignored: labels enter through the cells. Without a range: all time.
 */
export async function labelCells(
  db: Queryable, workspaceId: string, filters: AskMessageFilters, range: AskTimeRange | undefined, groupBy?: MetadataGroup,
): Promise<LabelCellRow[]> {
  const { where, params } = whereOf(workspaceId, metadataOf(filters), range ?? ALL_TIME)
  const key = groupBy ? `coalesce(${GROUP_COLUMNS[groupBy]}, '')` : `''`
  const { rows } = await db.query<LabelCellRow>(
    `SELECT ${key} AS key,
       CASE WHEN cs.label IS NOT NULL THEN e.predicted_sentiment ELSE e.sentiment END AS sentiment,
       CASE WHEN ci.label IS NOT NULL THEN e.predicted_intent ELSE e.intent END AS intent,
       cs.label AS "trueSentiment", ci.label AS "trueIntent", count(*)::int AS n
     ${FROM} ${CORRECTION_JOINS} WHERE ${where} GROUP BY 1, 2, 3, 4, 5`,
    params,
  )
  return rows
}

const ALL_TIME: AskTimeRange = { from: '1970-01-01T00:00:00.000Z', to: '9999-12-31T00:00:00.000Z' }

/** Exact counts per channel, language, day, weekday or hour of the metadata-filtered customer messages. */
export async function metadataCounts(db: Queryable, workspaceId: string, filters: AskMessageFilters, range: AskTimeRange, groupBy: MetadataGroup): Promise<Array<{ key: string; n: number; conversations: number }>> {
  const { where, params } = whereOf(workspaceId, filters, range)
  const { rows } = await db.query<{ key: string; n: number; conversations: number }>(
    `SELECT coalesce(${GROUP_COLUMNS[groupBy]}, '') AS key, count(*)::int AS n, count(DISTINCT m.conversation_id)::int AS conversations
     ${FROM} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
    params,
  )
  return rows
}

export interface ConversationTiming {
  conversationId: string
  channel: string
  language: string | null
  /** The conversation's first customer message. */
  firstCustomerAt: string
  /** Minutes from it to the first agent message after it; null when no agent answered. */
  responseMinutes: number | null
  /** The last message (up to `asOf`) is the customer's: the conversation awaits a reply. */
  awaiting: boolean
  /** When it awaits a reply: minutes from that last message to `asOf`, how long the customer has waited. */
  waitingMinutes: number | null
  /** The first customer message's probability of being negative (a complaint). */
  negativeP: number
}

/**
 * Per conversation whose first customer message falls in the range (and matches the metadata filters):
 * first-response time from message timestamps, whether it still awaits a reply as of `asOf`, and how
 * likely its opening message is a complaint.
 */
export async function conversationTimings(db: Queryable, workspaceId: string, filters: AskMessageFilters, range: AskTimeRange, asOf: string): Promise<ConversationTiming[]> {
  const { sentiment: _s, intent: _i, mentions: _m, ...metadata } = filters
  const { where, params } = whereOf(workspaceId, metadata, { from: '1970-01-01T00:00:00.000Z', to: asOf })
  params.push(range.from, range.to, asOf)
  const [from, to, asOfP] = [`$${params.length - 2}::timestamptz`, `$${params.length - 1}::timestamptz`, `$${params.length}::timestamptz`]
  const pNegative = probabilitySql('sentiment', `'negative'`, 3)
  const { rows } = await db.query<{ conversationId: string; channel: string; language: string | null; firstCustomerAt: string; responseMinutes: string | null; lastRole: string; lastAt: string; negativeP: string }>(
    `WITH firsts AS (
       SELECT DISTINCT ON (m.conversation_id) m.conversation_id, c.channel, coalesce(m.language, e.language) AS language, m.sent_at, ${pNegative}::float8 AS p
       ${FROM} WHERE ${where} ORDER BY m.conversation_id, m.sent_at, m.id
     )
     SELECT f.conversation_id AS "conversationId", f.channel, f.language, f.sent_at AS "firstCustomerAt", f.p AS "negativeP",
       (SELECT extract(epoch FROM min(a.sent_at) - f.sent_at) / 60 FROM messages a
         WHERE a.workspace_id = $1 AND a.conversation_id = f.conversation_id AND a.role = 'agent' AND a.sent_at > f.sent_at AND a.sent_at <= ${asOfP}) AS "responseMinutes",
       last.role AS "lastRole", last.sent_at AS "lastAt"
     FROM firsts f
     CROSS JOIN LATERAL (SELECT l.role, l.sent_at FROM messages l WHERE l.workspace_id = $1 AND l.conversation_id = f.conversation_id AND l.sent_at <= ${asOfP}
         ORDER BY l.sent_at DESC, l.id DESC LIMIT 1) last
     WHERE f.sent_at >= ${from} AND f.sent_at < ${to}`,
    params,
  )
  return rows.map((r) => ({
    conversationId: r.conversationId,
    channel: r.channel,
    language: r.language,
    firstCustomerAt: new Date(r.firstCustomerAt).toISOString(),
    responseMinutes: r.responseMinutes === null ? null : Number(r.responseMinutes),
    awaiting: r.lastRole === 'customer',
    waitingMinutes: r.lastRole === 'customer' ? Math.max(0, (Date.parse(asOf) - new Date(r.lastAt).getTime()) / 60_000) : null,
    negativeP: Number(r.negativeP),
  }))
}

/** Conversations and the customers behind them, counted from metadata: what "per conversation" and "more than once" questions ask. */
export interface ConversationMeasures {
  /** Conversations with a customer message in the range that matches the filters. */
  conversations: number
  /** All their messages in the range, customer's and agents'. */
  messages: number
  /** Mean and median of those messages per conversation. */
  meanMessages: number
  medianMessages: number
  /** Customers: a handle on a channel (the same person on two channels counts twice); conversations without a handle are left out. */
  customers: number
  /** Customers with more than one such conversation in the range. */
  repeatCustomers: number
  withoutHandle: number
}

export async function conversationMeasures(db: Queryable, workspaceId: string, filters: AskMessageFilters, range: AskTimeRange): Promise<ConversationMeasures> {
  const { where, params } = whereOf(workspaceId, filters, range)
  const { rows } = await db.query<{ conversations: number; messages: number; mean: number | null; median: number | null; customers: number; repeat: number; withoutHandle: number }>(
    `WITH chosen AS (SELECT DISTINCT m.conversation_id ${FROM} WHERE ${where}),
     sized AS (
       SELECT c.channel, c.customer_handle,
         (SELECT count(*) FROM messages a WHERE a.workspace_id = $1 AND a.conversation_id = ch.conversation_id AND a.sent_at >= $2::timestamptz AND a.sent_at < $3::timestamptz) AS n
       FROM chosen ch JOIN conversations c ON c.id = ch.conversation_id AND c.workspace_id = $1
     ),
     people AS (SELECT count(*) AS k FROM sized WHERE customer_handle IS NOT NULL GROUP BY channel, customer_handle)
     SELECT count(*)::int AS conversations, coalesce(sum(n), 0)::int AS messages, avg(n)::float8 AS mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY n)::float8 AS median,
       count(*) FILTER (WHERE customer_handle IS NULL)::int AS "withoutHandle",
       (SELECT count(*) FROM people)::int AS customers, (SELECT count(*) FROM people WHERE k > 1)::int AS repeat
     FROM sized`,
    params,
  )
  const r = rows[0]
  return {
    conversations: r?.conversations ?? 0,
    messages: r?.messages ?? 0,
    meanMessages: Number(r?.mean ?? 0),
    medianMessages: Number(r?.median ?? 0),
    customers: r?.customers ?? 0,
    repeatCustomers: r?.repeat ?? 0,
    withoutHandle: r?.withoutHandle ?? 0,
  }
}

/** When a workspace's customer messages start and end (ISO instants). */
export interface DataExtent {
  first: string
  last: string
}

/** First and last customer message of the workspace, up to `asOf`: where its data starts and ends. */
export async function dataExtent(db: Queryable, workspaceId: string, asOf: string): Promise<DataExtent | undefined> {
  const { rows } = await db.query<{ first: string | null; last: string | null }>(
    `SELECT min(sent_at) AS first, max(sent_at) AS last FROM messages WHERE workspace_id = $1 AND role = 'customer' AND sent_at <= $2::timestamptz`,
    [workspaceId, asOf],
  )
  const r = rows[0]
  return r?.first && r.last ? { first: new Date(r.first).toISOString(), last: new Date(r.last).toISOString() } : undefined
}

/** Stored weekly theme volumes (non-merged themes, by their shown label) for the given ISO weeks; empty without themes tables. */
export async function themeVolumesByWeek(db: Queryable, workspaceId: string, weeks: string[]): Promise<Array<{ label: string; week: string; volume: number }>> {
  const { rows: exists } = await db.query<{ t: string | null }>(`SELECT to_regclass('theme_snapshots')::text AS t`)
  if (!exists[0]?.t || weeks.length === 0) return []
  const { rows } = await db.query<{ label: string; week: string; volume: number }>(
    `SELECT coalesce(t.manual_label, t.label) AS label, s.week, sum(s.volume)::int AS volume
     FROM theme_snapshots s JOIN themes t ON t.id = s.theme_id
     WHERE s.workspace_id = $1 AND t.workspace_id = $1 AND t.merged_into IS NULL AND s.week = ANY($2::text[])
     GROUP BY 1, 2`,
    [workspaceId, weeks],
  )
  return rows
}
