// Eval suite `ask`: plain-language questions with known answers, generated from an airline-shaped
// dataset (evals/ask-questions.ts), asked through the same chain POST /v1/ask uses.
//
// Setup, chosen so the scores are honest: the rows are split by a hash of their id into a train part
// (default 30%) and an evaluated part. The dataset's complaint reasons become the workspace's intents,
// with train tweets as their only examples; only the evaluated part is ingested and classified by
// Parley. Gold answers come from the dataset's labels, so classifier errors (sentiment and reason)
// count against `figure_exact`. Each airline is the addressed brand, stored as conversation metadata
// `airline` and declared as an ask segment (settings.ask.segments), the way a workspace serving
// several brands or regions would declare them; all tweets are channel `x`.
//
// Labelled data, as a care team would have it: after everything is ingested and classified, a
// "reviewer" goes through a random 10% of the ingested tweets (chosen by a hash of the id, independent
// of the split and of the labels) and records each one's true sentiment and complaint reason through
// the same correction path as POST /v1/messages/:id/corrections — a confirmation when the classifier
// was right, a correction when it was wrong, the way a review queue or an eval set is built (a sample
// of only the wrong labels would not measure the confusion). Those tweets count exactly in the figures
// and measure the classifier's confusion for the rest. The dataset's labels of every other evaluated
// tweet are never stored: they are only the gold answers.
import { ASK_SETTING } from '../../src/chains/ask/index.ts'
import type { AskResult } from '../../src/chains/ask/types.ts'
import { MAX_EXAMPLE_CHARS, MAX_EXAMPLES_PER_INTENT, OTHER_INTENT, taxonomySchema, type IntentDef } from '../../src/chains/classify/taxonomy.ts'
import { TAXONOMY_SETTING } from '../../src/chains/classify/workspace-labels.ts'
import { ingestInBatches } from '../../src/pipeline/ingest-batches.ts'
import { MAX_CONVERSATIONS_PER_BATCH } from '../../src/pipeline/ingest-schema.ts'
import { workspacesRepo } from '../../src/store/workspaces.ts'
import { generateAskQuestions, isReason, type AskQuestion } from '../ask-questions.ts'
import type { AirlineRow } from '../datasets.ts'
import { conversationExternalIds, firstCustomerMessageIds } from '../../src/store/ask.ts'
import { applyCorrection, correctionsRepo } from '../../src/store/enrichments.ts'
import { mean } from '../metrics.ts'
import { stableRank, type Suite, type SuiteContext, type SuiteResult } from '../runner.ts'
import { intentName } from './classification.ts'

type Ctx = SuiteContext<'airline'>
export const DEFAULT_TRAIN_SHARE = 0.3
export const DEFAULT_SHOTS = 60
/** Share of the ingested tweets a reviewer labels (see the header). */
export const REVIEW_SHARE = 0.1
const SEGMENT_KEY = 'airline'

/** Train/eval split by id hash: the same rows on every machine, stratified enough at these sizes. */
export function splitRows(rows: readonly AirlineRow[], trainShare: number): { train: AirlineRow[]; evaluated: AirlineRow[] } {
  const threshold = Math.floor(trainShare * 0xffffffff)
  const train: AirlineRow[] = []
  const evaluated: AirlineRow[] = []
  for (const row of rows) (Number.parseInt(stableRank(`ask-split:${row.id}`).slice(0, 8), 16) < threshold ? train : evaluated).push(row)
  return { train, evaluated }
}

/** The reviewed sample: by a hash of the id with its own salt, so it is independent of the train split and of the labels. */
export function reviewedRows(rows: readonly AirlineRow[], share: number): AirlineRow[] {
  const threshold = Math.floor(share * 0xffffffff)
  return rows.filter((row) => Number.parseInt(stableRank(`ask-review:${row.id}`).slice(0, 8), 16) < threshold)
}

/** The labels a reviewer gives a tweet: its sentiment, and its complaint reason as an intent (`other` when none applies). */
export function reviewerLabels(row: AirlineRow, intentOf: (reason: string) => string, intents: ReadonlySet<string>): { sentiment: string; intent: string } {
  const intent = row.label === 'negative' && row.negative_reason ? intentOf(row.negative_reason) : OTHER_INTENT
  return { sentiment: row.label, intent: intents.has(intent) ? intent : OTHER_INTENT }
}

/** Records the reviewer's labels the way the corrections endpoint does (correction row, then the enrichment). */
async function review(ctx: Ctx, rows: readonly AirlineRow[], intentOf: (reason: string) => string, intents: ReadonlySet<string>): Promise<number> {
  const { db } = ctx.services
  const messageOf = await firstCustomerMessageIds(db, ctx.workspaceId)
  let reviewed = 0
  for (const row of rows) {
    const messageId = messageOf.get(row.id)
    if (!messageId) continue
    const labels = reviewerLabels(row, intentOf, intents)
    await db.transaction(async (tx) => {
      for (const field of ['sentiment', 'intent'] as const) {
        if (await correctionsRepo(tx).upsert(ctx.workspaceId, messageId, field, labels[field])) await applyCorrection(tx, ctx.workspaceId, messageId, field, labels[field])
      }
    })
    reviewed++
  }
  return reviewed
}

/** One intent per complaint reason (examples: train tweets of that reason), and `other` for the rest. */
export function reasonTaxonomy(train: readonly AirlineRow[], shots: number): { taxonomy: IntentDef[]; intentOf: (reason: string) => string } {
  const perIntent = Math.min(shots, MAX_EXAMPLES_PER_INTENT)
  const names = new Map<string, string>()
  const intentOf = (reason: string) => names.get(reason) ?? intentName(reason)
  const examples = (rows: AirlineRow[]) =>
    [...rows].sort((a, b) => (stableRank(a.id) < stableRank(b.id) ? -1 : 1)).slice(0, perIntent).map((r) => r.text.trim().slice(0, MAX_EXAMPLE_CHARS)).filter(Boolean)
  const reasons = [...new Set(train.filter((r) => r.label === 'negative' && r.negative_reason).map((r) => r.negative_reason!))].sort()
  const taxonomy: IntentDef[] = []
  for (const reason of reasons) {
    const name = intentName(reason)
    if (name === OTHER_INTENT || taxonomy.some((t) => t.name === name)) continue
    names.set(reason, name)
    const ex = examples(train.filter((r) => r.negative_reason === reason))
    if (ex.length) taxonomy.push({ name, description: reason, examples: ex })
  }
  taxonomy.push({
    name: OTHER_INTENT,
    description: 'Not a complaint: thanks, questions and neutral remarks.',
    examples: examples(train.filter((r) => r.label !== 'negative')),
  })
  return { taxonomy: taxonomySchema.parse(taxonomy), intentOf }
}

function sameRange(a: { from: string; to: string } | undefined, b: { from: string; to: string } | undefined): boolean {
  if (!a || !b) return !a && !b
  return Date.parse(a.from) === Date.parse(b.from) && Date.parse(a.to) === Date.parse(b.to)
}

/** The plan read the question as generated: kind, time range(s), and exactly the expected filters. */
export function filtersCorrect(q: AskQuestion, result: AskResult): boolean {
  const { plan } = result
  if (plan.kind !== q.expected.kind) return false
  if (q.expected.timeRange ? !sameRange(plan.timeRange, q.expected.timeRange) : plan.timeRange.label !== 'all time') return false
  if (q.expected.previousRange && !sameRange(plan.previousRange, q.expected.previousRange)) return false
  const { customerRole: _role, ...got } = plan.filters
  const want = q.expected.filters
  const keys = new Set([...Object.keys(got), ...Object.keys(want)])
  return [...keys].every((k) => JSON.stringify((got as Record<string, unknown>)[k]) === JSON.stringify((want as Record<string, unknown>)[k]))
}

/** The number (or intent) the result gives for the question, read from its figures. */
export function figureAnswer(q: AskQuestion, result: AskResult, notReasons: ReadonlySet<string> = new Set([OTHER_INTENT])): number | string | undefined {
  const { figures } = result
  switch (q.type) {
    case 'count':
      return figures.find((f) => f.kind === 'count' && f.unit === 'messages')?.value
    case 'share':
      return figures.find((f) => f.kind === 'share')?.value
    case 'group_by': {
      const ranked = figures
        .filter((f) => f.kind === 'breakdown' && f.group?.intent && !notReasons.has(f.group.intent))
        .sort((a, b) => b.value - a.value)
      return ranked[0]?.group?.intent
    }
    case 'grew_most': {
      // The product's answer, where it has one: the intent likeliest to have the largest change.
      const leader = figures
        .filter((f) => f.kind === 'change' && f.group?.measure === 'growth' && f.group.intent && !notReasons.has(f.group.intent))
        .sort((a, b) => (b.probability ?? 0) - (a.probability ?? 0) || b.value - a.value)[0]
      if (leader) return leader.value > 0 ? leader.group!.intent : undefined
      const moved = figures
        .filter((f) => f.kind === 'breakdown' && f.previousValue !== undefined && f.group?.intent && !notReasons.has(f.group.intent))
        .map((f) => ({ intent: f.group!.intent!, delta: f.value - f.previousValue! }))
        .sort((a, b) => b.delta - a.delta)
      return moved[0] && moved[0].delta > 0 ? moved[0].intent : undefined
    }
    default:
      return undefined
  }
}

/** The figure a count or share question is answered by, when it is an estimate with an interval. */
function estimatedFigure(q: AskQuestion, result: AskResult) {
  return q.type === 'count' ? result.figures.find((f) => f.kind === 'count' && f.unit === 'messages') : result.figures.find((f) => f.kind === 'share')
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function ingestEvaluated(ctx: Ctx, rows: readonly AirlineRow[]): Promise<void> {
  const { services, workspaceId } = ctx
  const progress = ctx.progress(`ingest+enrich ${ctx.dataset.name}`, rows.length)
  const conversations = rows.map((r) => ({
    channel: 'x',
    externalId: r.id,
    customer: { handle: `customer-${r.id}` },
    messages: [{ externalId: `${r.id}:0`, role: 'customer', author: `customer-${r.id}`, text: r.text, sentAt: new Date(Date.parse(r.created_at)).toISOString() }],
    metadata: { [SEGMENT_KEY]: r.airline },
  }))
  await ingestInBatches(services.db, workspaceId, conversations, {
    batchSize: MAX_CONVERSATIONS_PER_BATCH,
    afterBatch: async ({ offset, size, response }) => {
      if (response.totals.rejected) ctx.log(`ask: ingestion rejected ${response.totals.rejected} rows of chunk ${offset / MAX_CONVERSATIONS_PER_BATCH + 1}`)
      await services.worker.drain()
      progress.tick(size)
    },
  })
  progress.done()
}

export const askSuite: Suite<'airline'> = {
  name: 'ask',
  description: 'plain-language questions with known answers (counts, shares, fastest-growing reason, examples) on airline-shaped data',
  format: 'airline',
  prompts: ['ask-plan', 'ask-answer', 'classify'],
  async run(ctx: Ctx): Promise<SuiteResult> {
    const rows = ctx.dataset.rows.filter((r) => Number.isFinite(Date.parse(r.created_at)))
    const { train, evaluated } = splitRows(rows, ctx.args.split ?? DEFAULT_TRAIN_SHARE)
    const { taxonomy, intentOf } = reasonTaxonomy(train, ctx.args.shots ?? DEFAULT_SHOTS)
    const repo = workspacesRepo(ctx.services.db)
    await repo.setSetting(ctx.workspaceId, TAXONOMY_SETTING, taxonomy)
    await repo.setSetting(ctx.workspaceId, ASK_SETTING, { segments: [SEGMENT_KEY] })
    ctx.log(`ask: ${train.length} train rows (taxonomy of ${taxonomy.length} intents), ${evaluated.length} rows ingested and asked about`)
    await ingestEvaluated(ctx, evaluated)
    const reviewed = await review(ctx, reviewedRows(evaluated, REVIEW_SHARE), intentOf, new Set(taxonomy.map((t) => t.name)))
    ctx.log(`ask: a reviewer labelled ${reviewed} of the ingested tweets (${Math.round(100 * REVIEW_SHARE)}%)`)

    const questions = generateAskQuestions(evaluated, { intentOf })
    if (questions.length === 0) throw new Error('ask: the data is too small or too short in time to generate questions')
    // The gold "grew most" ignores reasons like "Can't Tell"; so does the answer read from the figures.
    const notReasons = new Set(taxonomy.filter((t) => t.name === OTHER_INTENT || !isReason(t.description)).map((t) => t.name))
    const goldById = new Map(evaluated.map((r) => [r.id, r]))
    const externalOf = await conversationExternalIds(ctx.services.db, ctx.workspaceId)

    const filterScores: number[] = []
    const exact: Record<string, number[]> = { count: [], share: [], grew_most: [], group_by: [] }
    const relativeError: number[] = []
    const covered: number[] = []
    const widths: number[] = []
    const precision: number[] = []
    const degraded: number[] = []
    const perQuestion: unknown[] = []
    const progress = ctx.progress('ask questions', questions.length)
    for (const q of questions) {
      const result = await ctx.services.chains.ask.ask(ctx.workspaceId, q.question, { now: new Date(q.now) })
      const planOk = filtersCorrect(q, result)
      filterScores.push(planOk ? 1 : 0)
      degraded.push(result.degraded ? 1 : 0)
      const got = figureAnswer(q, result, notReasons)
      let citationPrecision: number | undefined
      if (q.type === 'examples') {
        const cited = result.citations.map((c) => goldById.get(externalOf.get(c.conversationId) ?? ''))
        const hits = cited.filter((r) => r && r.label === 'negative' && r.negative_reason === q.reason && r.airline === q.airline).length
        citationPrecision = cited.length ? hits / cited.length : 0
        precision.push(citationPrecision)
      } else {
        exact[q.type]!.push(got === q.answer ? 1 : 0)
        if (typeof q.answer === 'number') {
          relativeError.push(Math.abs(Number(got ?? 0) - q.answer) / Math.max(1, q.answer))
          const estimate = estimatedFigure(q, result)?.estimate
          if (estimate) {
            covered.push(estimate.low <= q.answer && q.answer <= estimate.high ? 1 : 0)
            widths.push((estimate.high - estimate.low) / Math.max(1, q.answer))
          }
        }
      }
      const interval = estimatedFigure(q, result)?.estimate
      // For "which grew most": the three largest estimated changes read from the figures, to see how close the call was.
      const moved = q.type === 'grew_most'
        ? result.figures.filter((f) => f.kind === 'breakdown' && f.previousValue !== undefined && f.group?.intent && !notReasons.has(f.group.intent))
          .map((f) => [f.group!.intent!, f.previousValue!, f.value] as const).sort((a, b) => b[2] - b[1] - (a[2] - a[1])).slice(0, 3)
        : undefined
      perQuestion.push({ id: q.id, question: q.question, expected: q.answer ?? q.reason, got, ...(interval ? { interval: [interval.low, interval.high] } : {}), ...(moved ? { moved } : {}), plan_ok: planOk, citation_precision: citationPrecision })
      progress.tick(1)
    }
    progress.done()
    const allExact = [...exact.count!, ...exact.share!, ...exact.grew_most!, ...exact.group_by!]
    return {
      n: questions.length,
      metrics: {
        figure_exact: mean(allExact),
        filters_correct: mean(filterScores),
        citation_precision: mean(precision),
        figure_exact_count: mean(exact.count!),
        figure_exact_share: mean(exact.share!),
        grew_most_correct: mean(exact.grew_most!),
        group_by_correct: mean(exact.group_by!),
        figure_relative_error: median(relativeError),
        // The same, higher-is-better, so the gate (floors only) can hold it: 1 − the median relative error.
        figure_relative_accuracy: 1 - median(relativeError),
        figure_relative_error_mean: mean(relativeError),
        interval_coverage: mean(covered),
        // Coverage is cheap with wide intervals: their median width relative to the true value says what it cost.
        interval_relative_width: median(widths),
        degraded_rate: mean(degraded),
      },
      details: {
        estimated_figures: covered.length,
        questions_by_type: Object.fromEntries(['count', 'share', 'grew_most', 'group_by', 'examples'].map((t) => [t, questions.filter((q) => q.type === t).length])),
        train_rows: train.length,
        reviewed_rows: reviewed,
        evaluated_rows: evaluated.length,
        intents: taxonomy.map((t) => t.name),
        reasons_asked: [...new Set(evaluated.map((r) => r.negative_reason).filter(isReason))].sort(),
        per_question: perQuestion,
      },
    }
  },
}
