// Local (no-LLM) sentiment: a softmax regression over hashed features (see sentiment-features.ts), trained by
// scripts/train-sentiment.ts on licence-compatible public data; provenance in models/sentiment/README.md.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { detectLanguage } from './language.ts'
import {
  hashFeatureName, hashTransferFeatureName, isTransferableFeature, sentimentFeatures, SUPPORTED_SENTIMENT_FEATURE_VERSIONS,
  vaderCompound, type SparseFeatures,
} from './sentiment-features.ts'

export type SentimentLabel = 'negative' | 'neutral' | 'positive'
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive']

export interface SentimentPrediction {
  label: SentimentLabel
  /** p(positive) - p(negative), in [-1, 1]. */
  score: number
  /** Temperature-calibrated probability of `label`. */
  confidence: number
  probs: Record<SentimentLabel, number>
}

export interface SentimentModel {
  readonly version: string
  predict(text: string, language?: string): SentimentPrediction
}

export const SENTIMENT_MODEL_FILE = 'model.json'
export const DEFAULT_SENTIMENT_MODEL_DIR = fileURLToPath(new URL('../../../models/sentiment/', import.meta.url))

/** On-disk shape written by scripts/train-sentiment.ts. */
export interface SentimentModelFile {
  format: 'parley-sentiment/1'
  featureVersion: string
  labels: SentimentLabel[]
  hashBits: number
  temperature: number
  /** weight = int16 value * quantScale */
  quantScale: number
  /** ISO 639-1 codes with their own training rows; others lean on shared lexicon features. */
  trainedLanguages: string[]
  /** base64 of little-endian Uint32 buckets, sorted ascending */
  buckets: string
  /** base64 of little-endian Int16, one row of `labels.length` per bucket */
  weights: string
  /**
   * A second softmax over the language-independent features only (stored under
   * TRANSFER_HEAD_PREFIX names in the same buckets), for languages without training rows; `weight`
   * is its share when averaged with the full model's probabilities for those languages.
   */
  transferHead?: { temperature: number; weight: number }
  training: Record<string, unknown>
}

/** ISO 639-1 from what callers pass ('en-US', 'EN', 'pt_BR'); anything else means "detect". */
function languageCode(text: string, language: string | undefined): string {
  const code = language?.trim().toLowerCase().split(/[-_]/)[0]
  if (code && /^[a-z]{2}$/.test(code)) return code
  return detectLanguage(text).language
}

// English has no licence-compatible training rows of its own (see models/sentiment/README.md), so
// for English and undetermined text the model's view is averaged with VADER's. The constants are
// VADER's published neutral band (|compound| < 0.05) and an even blend, fixed a priori, not tuned
// on evaluation data.
const VADER_NEUTRAL_BAND = 0.05
const VADER_SHARPNESS = 4
const VADER_BLEND = 0.5
const VADER_LANGUAGES = new Set(['en', 'und'])

function vaderProbabilities(text: string): number[] {
  const compound = vaderCompound(text)
  const scores = [-compound - VADER_NEUTRAL_BAND, 0, compound - VADER_NEUTRAL_BAND].map((s) => s * VADER_SHARPNESS)
  return softmax(scores, 1)
}

/**
 * The blend above under-calls neutral English (neutral recall 0.33 against 0.71–0.82 for the polar
 * classes on GoEmotions). This prior correction was picked on goemotions_train.jsonl (Apache-2.0,
 * 40k English rows; macro-recall 0.616 → 0.626 at 1.4, flat from 1.3 to 1.8) and confirmed on
 * goemotions_dev (0.621 → 0.632); never tuned on the evaluation files.
 */
const ENGLISH_NEUTRAL_PRIOR = 1.4

function withNeutralPrior(p: number[], neutral: number): number[] {
  if (neutral < 0) return p
  const q = p.map((value, c) => (c === neutral ? value * ENGLISH_NEUTRAL_PRIOR : value))
  const total = q.reduce((a, b) => a + b, 0)
  return q.map((value) => value / total)
}

/** Class probabilities from logits at a temperature (the max is subtracted first, so large logits cannot overflow). */
export function softmax(logits: number[], temperature: number): number[] {
  const scaled = logits.map((z) => z / temperature)
  const max = Math.max(...scaled)
  const exps = scaled.map((z) => Math.exp(z - max))
  const total = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / total)
}

export function sentimentModelFromFile(file: SentimentModelFile, version: string): SentimentModel {
  if (file.format !== 'parley-sentiment/1' || !SUPPORTED_SENTIMENT_FEATURE_VERSIONS.includes(file.featureVersion)) {
    throw new Error(`sentiment model ${version}: unsupported format ${file.format}/${file.featureVersion}`)
  }
  const bucketBytes = Buffer.from(file.buckets, 'base64')
  const weightBytes = Buffer.from(file.weights, 'base64')
  const buckets = new Uint32Array(bucketBytes.buffer, bucketBytes.byteOffset, bucketBytes.byteLength / 4)
  const weights = new Int16Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.byteLength / 2)
  const classes = file.labels.length
  const { hashBits, quantScale } = file
  const rowOf = bucketRows(buckets, hashBits)
  /** Sums each feature's weights in the features' order, as the model was evaluated when trained. */
  const logitsOf = (features: SparseFeatures, transferHead: boolean) => {
    const logits = new Array<number>(classes).fill(0)
    for (const [name, value] of features) {
      if (transferHead && !isTransferableFeature(name)) continue
      const row = rowOf(transferHead ? hashTransferFeatureName(name, hashBits) : hashFeatureName(name, hashBits))
      if (row < 0 || value === 0) continue
      for (let c = 0; c < classes; c++) logits[c] += value * weights[row * classes + c] * quantScale
    }
    return logits
  }

  return {
    version,
    predict(text, language) {
      const code = languageCode(text, language)
      const features = sentimentFeatures(text, code, file.featureVersion)
      let p = softmax(logitsOf(features, false), file.temperature)
      const transfer = file.transferHead
      // Only for a language identified as one without training rows: undetermined text (often short)
      // may well be in a trained language whose words the full model knows.
      if (transfer && transfer.weight > 0 && code !== 'und' && !file.trainedLanguages.includes(code)) {
        // The transfer head's features are the language-independent ones, named TRANSFER_HEAD_PREFIX + name.
        const q = softmax(logitsOf(features, true), transfer.temperature)
        p = p.map((value, c) => (1 - transfer.weight) * value + transfer.weight * q[c])
      }
      if (VADER_LANGUAGES.has(code) && !file.trainedLanguages.includes(code) && classes === 3) {
        const lexical = vaderProbabilities(text)
        p = p.map((value, c) => VADER_BLEND * value + (1 - VADER_BLEND) * lexical[c])
        // Measured on English only: undetermined text is often short text in another language.
        if (code === 'en') p = withNeutralPrior(p, file.labels.indexOf('neutral'))
      }
      const probs = Object.fromEntries(file.labels.map((label, c) => [label, p[c]])) as Record<SentimentLabel, number>
      const best = p.indexOf(Math.max(...p))
      return {
        label: file.labels[best],
        score: probs.positive - probs.negative,
        confidence: p[best],
        probs,
      }
    },
  }
}

/** Buckets up to this many bits get a flat table (4 MB at 20 bits); larger ones a Map. */
const MAX_TABLE_BITS = 22

/** Row of each stored bucket, or -1: a typed-array lookup per feature instead of a Map's. */
function bucketRows(buckets: Uint32Array, bits: number): (bucket: number) => number {
  if (bits > MAX_TABLE_BITS) {
    const rowOfBucket = new Map<number, number>()
    buckets.forEach((bucket, row) => rowOfBucket.set(bucket, row))
    return (bucket) => rowOfBucket.get(bucket) ?? -1
  }
  const table = new Int32Array(1 << bits).fill(-1)
  buckets.forEach((bucket, row) => {
    if (bucket < table.length) table[bucket] = row
  })
  return (bucket) => table[bucket]
}

const loadedModels = new Map<string, SentimentModel>()

/**
 * Loads (once per path) a model directory or model.json file; by default the one shipped in
 * models/sentiment/, found relative to this source file so the working directory does not matter.
 */
export function loadSentimentModel(path: string = DEFAULT_SENTIMENT_MODEL_DIR): SentimentModel {
  const cached = loadedModels.get(path)
  if (cached) return cached
  const raw = readFileSync(path.endsWith('.json') ? path : join(path, SENTIMENT_MODEL_FILE))
  const version = `sentiment-local-${createHash('sha256').update(raw).digest('hex').slice(0, 12)}`
  const model = sentimentModelFromFile(JSON.parse(raw.toString('utf8')) as SentimentModelFile, version)
  loadedModels.set(path, model)
  return model
}
