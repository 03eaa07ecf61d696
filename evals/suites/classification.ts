// Suites for the classifier chain: sentiment, intent and language, scored on classification rows
// ({id, text, label}, extra fields allowed) against what the worker stored in `enrichments`.
import { loadClassification, type ClassificationRow } from '../datasets.ts'
import { calibration, classificationReport, type ClassificationReport } from '../metrics.ts'
import { stableRank, type StoredEnrichment, type Suite, type SuiteContext, type SuiteResult } from '../runner.ts'
import { workspacesRepo } from '../../src/store/workspaces.ts'
import {
  INTENT_NAME_PATTERN,
  MAX_EXAMPLE_CHARS,
  MAX_EXAMPLES_PER_INTENT,
  MAX_INTENTS,
  OTHER_INTENT,
  taxonomySchema,
  type IntentDef,
} from '../../src/chains/classify/taxonomy.ts'
import { TAXONOMY_SETTING } from '../../src/chains/classify/workspace-labels.ts'
import { mostLikelySentiment, UNCERTAIN_SENTIMENT } from '../../src/chains/classify/sentiment-decision.ts'

type Ctx = SuiteContext<'classification'>
/** Stands in for a row the worker left without an enrichment: always wrong, never silently dropped. */
export const MISSING = '(missing)'

// ---------------------------------------------------------------------------
// Shared scoring

export function classificationMetrics(report: ClassificationReport): Record<string, number> {
  const { accuracy, macro_precision, macro_recall, macro_f1 } = report
  return { accuracy, macro_precision, macro_recall, macro_f1 }
}

export function mostFrequent(labels: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1)
  // Ties go to the alphabetically first label, so the baseline does not depend on row order.
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]
}

/** The "always answer the most frequent label" reference system, scored on the same rows. */
export function majorityBaseline(gold: readonly string[], majority: string, labels: readonly string[]) {
  return classificationMetrics(classificationReport(gold, gold.map(() => majority), labels))
}

function detailsOf(report: ClassificationReport, confidences: number[], correct: boolean[]) {
  const { per_class, confusion } = report
  return { per_class, confusion, reliability: calibration(confidences, correct).bins }
}

function modelVersions(stored: Iterable<StoredEnrichment>): Record<string, string[]> {
  const versions: Record<string, Set<string>> = {}
  for (const enrichment of stored) {
    for (const [name, version] of Object.entries(enrichment.versions)) (versions[name] ??= new Set()).add(version)
  }
  return Object.fromEntries(Object.entries(versions).map(([name, set]) => [name, [...set].sort()]))
}

// ---------------------------------------------------------------------------
// Languages

const LANGUAGE_NAMES: Record<string, string> = {
  arabic: 'ar', chinese: 'zh', dutch: 'nl', english: 'en', french: 'fr', german: 'de', hindi: 'hi', indonesian: 'id',
  italian: 'it', japanese: 'ja', korean: 'ko', polish: 'pl', portuguese: 'pt', russian: 'ru', spanish: 'es', thai: 'th',
  turkish: 'tr', vietnamese: 'vi',
}

/** ISO 639-1 code of a dataset's language field ('english', 'EN', 'pt-BR' → 'en', 'en', 'pt'). */
export function languageCode(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const lower = value.trim().toLowerCase()
  if (LANGUAGE_NAMES[lower]) return LANGUAGE_NAMES[lower]
  const code = lower.split(/[-_]/)[0]
  return /^[a-z]{2}$/.test(code) ? code : undefined
}

// ---------------------------------------------------------------------------
// Sentiment

const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const
/** Dataset labels that mean one of ours. Wisesight's `question` carries no polarity: neutral. */
const SENTIMENT_ALIASES: Record<string, string> = { question: 'neutral', neg: 'negative', neu: 'neutral', pos: 'positive' }

function sentimentGold(label: string): string | undefined {
  const lower = label.trim().toLowerCase()
  const mapped = SENTIMENT_ALIASES[lower] ?? lower
  return (SENTIMENT_CLASSES as readonly string[]).includes(mapped) ? mapped : undefined
}

export const sentimentSuite: Suite<'classification'> = {
  name: 'sentiment',
  description: 'sentiment (negative/neutral/positive) of each row against its label; per language when rows carry one',
  format: 'classification',
  prompts: ['classify'],
  async run(ctx: Ctx): Promise<SuiteResult> {
    const notes: string[] = []
    const remapped = new Map<string, number>()
    const unknown = new Map<string, number>()
    const candidates: Array<{ row: ClassificationRow; gold: string }> = []
    for (const row of ctx.dataset.rows) {
      const gold = sentimentGold(row.label)
      if (!gold) unknown.set(row.label, (unknown.get(row.label) ?? 0) + 1)
      else {
        if (gold !== row.label) remapped.set(`${row.label}→${gold}`, (remapped.get(`${row.label}→${gold}`) ?? 0) + 1)
        candidates.push({ row, gold })
      }
    }
    for (const [mapping, count] of remapped) notes.push(`label ${mapping} for ${count} rows`)
    if (unknown.size) notes.push(`skipped rows with labels outside negative/neutral/positive: ${[...unknown].map(([l, c]) => `${l} (${c})`).join(', ')}`)
    if (candidates.length === 0) throw new Error('sentiment: no rows with a negative/neutral/positive label')
    for (const note of notes) ctx.log(`sentiment: ${note}`)

    const ingested = await ctx.ingestRows(candidates.map((r) => r.row))
    const rows = candidates.filter((r) => ingested.accepted.has(r.row.id))
    const stored = await ctx.readEnrichments()
    const gold = rows.map((r) => r.gold)
    const present = new Set(gold)
    // Two-class data (e.g. movie reviews): neutral is never right, so score the polarity the model
    // leans to — the sign of its score — as a binary classifier would be scored.
    const binary = !present.has('neutral') && present.size === 2
    if (binary) notes.push('two-class data: accuracy/recall/F1 score the sign of the sentiment score (≥ 0 → positive); ece uses the stored 3-class label')
    const labels = binary ? ['negative', 'positive'] : [...SENTIMENT_CLASSES]
    // An `uncertain` label is scored by the class its stored probabilities favour (what a count that
    // sums probabilities leans on); how often the classifier hedged, and how right it is when it
    // does not, are reported beside it.
    const predicted = rows.map(({ row }) => {
      const e = stored.get(row.id)
      if (!e?.sentiment) return MISSING
      if (binary) return (e.sentimentScore ?? 0) >= 0 ? 'positive' : 'negative'
      return e.sentiment === UNCERTAIN_SENTIMENT && e.sentimentProbs ? mostLikelySentiment(e.sentimentProbs) : e.sentiment
    })
    const confidences = rows.map(({ row }) => stored.get(row.id)?.sentimentConfidence ?? 0)
    const storedCorrect = rows.map((_, i) => predicted[i] === gold[i])
    const report = classificationReport(gold, predicted, labels)
    const sure = rows.map(({ row }, i) => ({ label: stored.get(row.id)?.sentiment, gold: gold[i] })).filter((r) => r.label && r.label !== UNCERTAIN_SENTIMENT)
    const metrics: Record<string, number> = {
      ...classificationMetrics(report),
      ece: calibration(confidences, storedCorrect).ece,
      uncertain_share: 1 - sure.length / Math.max(1, rows.length),
      accuracy_when_sure: sure.length ? sure.filter((r) => (binary ? r.label !== 'neutral' && r.label === r.gold : r.label === r.gold)).length / sure.length : 0,
    }

    const byLanguage = new Map<string, number[]>()
    rows.forEach(({ row }, i) => {
      const code = languageCode((row as Record<string, unknown>).language)
      if (code) byLanguage.set(code, [...(byLanguage.get(code) ?? []), i])
    })
    const perLanguage: Record<string, unknown> = {}
    for (const [code, indexes] of [...byLanguage].sort()) {
      const languageReport = classificationReport(indexes.map((i) => gold[i]), indexes.map((i) => predicted[i]), labels)
      metrics[`macro_f1_${code}`] = languageReport.macro_f1
      perLanguage[code] = { n: indexes.length, ...classificationMetrics(languageReport) }
    }

    const missing = predicted.filter((p) => p === MISSING).length
    return {
      n: rows.length,
      metrics,
      baselines: { majority: majorityBaseline(gold, mostFrequent(gold), labels) },
      details: {
        ...detailsOf(report, confidences, storedCorrect),
        ...(byLanguage.size ? { per_language: perLanguage } : {}),
        binary,
        missing,
        rejected_by_ingestion: ingested.rejected,
        notes,
        model_versions: modelVersions(stored.values()),
      },
    }
  },
}

// ---------------------------------------------------------------------------
// Intent

/** Gold labels meaning "none of the intents" (CLINC150's out-of-scope); the classifier's `other` is right for them. */
const OUT_OF_SCOPE_LABELS = new Set(['oos', 'out_of_scope'])
const MAX_INTENT_NAME = 40

/** A taxonomy-valid intent name for a dataset label ('Card arrival?' → 'card_arrival'). */
export function intentName(label: string): string {
  let name = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  if (!/^[a-z]/.test(name)) name = `i_${name}`
  return name.slice(0, MAX_INTENT_NAME).replace(/_+$/, '')
}

export interface IntentTaxonomy {
  taxonomy: IntentDef[]
  /** Taxonomy name → the dataset label it stands for. */
  labelOf: Map<string, string>
  /** Dataset label → taxonomy name. */
  nameOf: Map<string, string>
}

/**
 * One intent per label of the training rows, its description the label, its examples up to `shots`
 * rows of that label picked by a hash of their id (the same rows on every run). Out-of-scope labels
 * become the `other` intent. Names are made unique when two labels sanitise alike.
 */
export function buildIntentTaxonomy(train: readonly ClassificationRow[], shots?: number): IntentTaxonomy {
  const perIntent = Math.min(shots ?? MAX_EXAMPLES_PER_INTENT, MAX_EXAMPLES_PER_INTENT)
  const byLabel = new Map<string, ClassificationRow[]>()
  for (const row of train) byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), row])
  const labelOf = new Map<string, string>()
  const nameOf = new Map<string, string>()
  const taxonomy: IntentDef[] = []
  for (const label of [...byLabel.keys()].sort()) {
    let name = OUT_OF_SCOPE_LABELS.has(label.toLowerCase()) ? OTHER_INTENT : intentName(label)
    for (let k = 2; labelOf.has(name); k++) name = `${name.slice(0, MAX_INTENT_NAME - String(k).length - 1)}_${k}`
    if (!INTENT_NAME_PATTERN.test(name)) throw new Error(`intent: cannot make a valid intent name from label "${label}"`)
    labelOf.set(name, label)
    nameOf.set(label, name)
    const rows = [...byLabel.get(label)!].sort((a, b) => (stableRank(a.id) < stableRank(b.id) ? -1 : 1))
    const examples = [...new Set(rows.map((r) => r.text.trim().slice(0, MAX_EXAMPLE_CHARS).trim()).filter(Boolean))].slice(0, perIntent)
    taxonomy.push({ name, description: label.slice(0, 500), examples })
  }
  return { taxonomy, labelOf, nameOf }
}

/**
 * Stratified split by a hash of the id: `share` of each label's rows to train, the rest to evaluate.
 * The one train/test split of the repository: the gate's `--split` and the scripts' measurements
 * (scripts/lib/intent-split.ts) evaluate the same rows.
 */
export function stratifiedSplit<T extends { id: string; label: string }>(rows: readonly T[], share: number): { train: T[]; test: T[] } {
  if (!(share > 0 && share < 1)) throw new RangeError(`--split must be between 0 and 1 (exclusive), got ${share}`)
  const byLabel = new Map<string, T[]>()
  for (const row of rows) byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), row])
  const trainSet = new Set<T>()
  for (const group of byLabel.values()) {
    const ordered = [...group].sort((a, b) => (stableRank(a.id) < stableRank(b.id) ? -1 : 1))
    // Every label keeps at least one training example, and one test row when it has two or more.
    const trainCount = Math.min(ordered.length - (ordered.length > 1 ? 1 : 0), Math.max(1, Math.round(share * ordered.length)))
    for (const row of ordered.slice(0, trainCount)) trainSet.add(row)
  }
  return { train: rows.filter((r) => trainSet.has(r)), test: rows.filter((r) => !trainSet.has(r)) }
}

async function intentData(ctx: Ctx): Promise<{ train: ClassificationRow[]; test: ClassificationRow[]; source: string }> {
  const { train, split, data } = ctx.args
  if (train && split !== undefined) throw new Error('intent: give either --train or --split, not both')
  if (train) {
    const loaded = await loadClassification(train)
    return { train: loaded.rows, test: ctx.dataset.rows, source: train }
  }
  if (split !== undefined) {
    const parts = stratifiedSplit(ctx.dataset.rows, split)
    return { ...parts, source: `${data} (split ${split}, stratified by label)` }
  }
  throw new Error('intent needs labelled examples: --train <file.jsonl>, or --split <share> to train on part of --data')
}

export const intentSuite: Suite<'classification'> = {
  name: 'intent',
  description: 'intent from a taxonomy built from --train (or a --split of --data), few-shot with --shots N per label',
  format: 'classification',
  prompts: ['classify'],
  async run(ctx: Ctx): Promise<SuiteResult> {
    const { train, test: allTest, source } = await intentData(ctx)
    const { taxonomy, labelOf, nameOf } = buildIntentTaxonomy(train, ctx.args.shots)
    if (taxonomy.length > MAX_INTENTS) {
      throw new Error(`intent: the training data has ${taxonomy.length} labels but a workspace taxonomy holds at most ${MAX_INTENTS} intents (MAX_INTENTS in src/chains/classify/taxonomy.ts)`)
    }
    const checked = taxonomySchema.safeParse(taxonomy)
    if (!checked.success) {
      // The stage would silently fall back to the default taxonomy: refuse instead.
      throw new Error(`intent: the taxonomy built from ${source} is invalid: ${checked.error.issues[0]?.message}`)
    }
    await workspacesRepo(ctx.services.db).setSetting(ctx.workspaceId, TAXONOMY_SETTING, checked.data)
    const examples = taxonomy.reduce((sum, intent) => sum + intent.examples.length, 0)
    ctx.log(`intent: ${taxonomy.length} intents, ${examples} examples from ${source}; evaluating ${allTest.length} rows`)

    const ingested = await ctx.ingestRows(allTest)
    const test = allTest.filter((r) => ingested.accepted.has(r.id))
    const stored = await ctx.readEnrichments()
    const outOfScope = [...labelOf.values()].find((label) => OUT_OF_SCOPE_LABELS.has(label.toLowerCase()))
    const asLabel = (name: string | null | undefined) => {
      if (!name) return MISSING
      if (name === OTHER_INTENT) return labelOf.get(OTHER_INTENT) ?? outOfScope ?? OTHER_INTENT
      return labelOf.get(name) ?? name
    }
    const gold = test.map((r) => r.label)
    const predicted = test.map((r) => asLabel(stored.get(r.id)?.intent))
    const confidences = test.map((r) => stored.get(r.id)?.intentConfidence ?? 0)
    const correct = gold.map((g, i) => g === predicted[i])
    const labels = [...new Set([...nameOf.keys(), ...gold])].sort()
    const report = classificationReport(gold, predicted, labels)
    const metrics: Record<string, number> = { ...classificationMetrics(report), ece: calibration(confidences, correct).ece }
    if (outOfScope && report.per_class[outOfScope]) metrics.oos_recall = report.per_class[outOfScope].recall
    const trainMajority = mostFrequent(train.map((r) => r.label))
    return {
      n: test.length,
      metrics,
      baselines: { majority: majorityBaseline(gold, trainMajority, labels) },
      details: {
        ...detailsOf(report, confidences, correct),
        train: { source, rows: train.length, intents: taxonomy.length, examples, shots: ctx.args.shots ?? 'all' },
        unseen_labels: [...new Set(gold.filter((g) => !nameOf.has(g)))],
        predicted_other: predicted.filter((p, i) => stored.get(test[i].id)?.intent === OTHER_INTENT).length,
        missing: predicted.filter((p) => p === MISSING).length,
        rejected_by_ingestion: ingested.rejected,
        model_versions: modelVersions(stored.values()),
      },
    }
  },
}

// ---------------------------------------------------------------------------
// Language

export const languageSuite: Suite<'classification'> = {
  name: 'language',
  description: 'detected language of each row against its `language` field (ingested without it)',
  format: 'classification',
  prompts: [],
  async run(ctx: Ctx): Promise<SuiteResult> {
    const candidates = ctx.dataset.rows.flatMap((row) => {
      const gold = languageCode((row as Record<string, unknown>).language)
      return gold ? [{ row, gold }] : []
    })
    const unlabelled = ctx.dataset.rows.length - candidates.length
    if (candidates.length === 0) throw new Error('language: no rows with a `language` field (e.g. "english" or "en")')
    if (unlabelled) ctx.log(`language: skipped ${unlabelled} rows without a language field`)
    // Ingestion trusts a given language over detection, so the field must not reach the store.
    const ingested = await ctx.ingestRows(candidates.map((r) => r.row), { omitFields: ['language'] })
    const rows = candidates.filter((r) => ingested.accepted.has(r.row.id))
    const stored = await ctx.readEnrichments()
    const gold = rows.map((r) => r.gold)
    const predicted = rows.map(({ row }) => stored.get(row.id)?.language ?? MISSING)
    const labels = [...new Set(gold)].sort()
    const report = classificationReport(gold, predicted, labels)
    const confidences = rows.map(({ row }) => stored.get(row.id)?.languageConfidence ?? 0)
    const correct = gold.map((g, i) => g === predicted[i])
    return {
      n: rows.length,
      metrics: { ...classificationMetrics(report), ece: calibration(confidences, correct).ece },
      baselines: { majority: majorityBaseline(gold, mostFrequent(gold), labels) },
      details: {
        ...detailsOf(report, confidences, correct),
        undetermined: predicted.filter((p) => p === 'und').length,
        other_languages: Object.fromEntries(
          [...predicted.filter((p) => !labels.includes(p)).reduce((m, p) => m.set(p, (m.get(p) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 10),
        ),
        skipped_without_language: unlabelled,
        rejected_by_ingestion: ingested.rejected,
        model_versions: modelVersions(stored.values()),
      },
    }
  },
}
