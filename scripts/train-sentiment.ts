// Trains the local sentiment model shipped in models/sentiment/ (npm run train:sentiment).
// Only data whose licence allows shipping weights is used; every evaluation file is held out and
// any training row whose text also appears in one is dropped. See models/sentiment/README.md.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { detectLanguage } from '../src/chains/classify/language.ts'
import {
  hashFeatureName, isTransferableFeature, SENTIMENT_FEATURE_VERSION, sentimentFeatures, TRANSFER_HEAD_PREFIX,
} from '../src/chains/classify/sentiment-features.ts'
import type { SparseFeatures } from '../src/chains/classify/sentiment-features.ts'
import {
  DEFAULT_SENTIMENT_MODEL_DIR, SENTIMENT_LABELS, SENTIMENT_MODEL_FILE, sentimentModelFromFile,
} from '../src/chains/classify/sentiment-local.ts'
import type { SentimentLabel, SentimentModelFile } from '../src/chains/classify/sentiment-local.ts'

const { values: options } = parseArgs({
  options: {
    datasets: { type: 'string', default: new URL('../../shared/datasets/sentiment/', import.meta.url).pathname },
    out: { type: 'string', default: DEFAULT_SENTIMENT_MODEL_DIR },
    epochs: { type: 'string', default: '5' },
    'learning-rate': { type: 'string', default: '0.2' },
    'transfer-learning-rate': { type: 'string', default: '0.3' },
    'transfer-steps': { type: 'string', default: '300' },
    l2: { type: 'string', default: '1e-6' },
    'hash-bits': { type: 'string', default: '20' },
    'min-weight': { type: 'string', default: '0.01' },
    'max-features': { type: 'string', default: '120000' },
    limit: { type: 'string' },
    // Cross-lingual check on training data only: leave these UMSAB languages (e.g. "spanish,german")
    // out of training and report the model's macro-recall on their rows, as a stand-in for English,
    // which has no rows of its own. Such a run is an experiment: write it with --out elsewhere.
    'hold-out-languages': { type: 'string', default: '' },
    'feature-version': { type: 'string', default: SENTIMENT_FEATURE_VERSION },
    // Share of the transfer head for languages without training rows (0 = full model only).
    'transfer-weight': { type: 'string', default: '0.75' },
  },
})
const SETTINGS = {
  epochs: Number(options.epochs),
  learningRate: Number(options['learning-rate']),
  transferLearningRate: Number(options['transfer-learning-rate']),
  transferSteps: Number(options['transfer-steps']),
  transferL2: 1e-4,
  l2: Number(options.l2),
  hashBits: Number(options['hash-bits']),
  minWeight: Number(options['min-weight']),
  maxFeatures: Number(options['max-features']),
  devShare: 0.1,
  optimiser: 'adagrad, class-balanced softmax cross-entropy per dataset, best epoch by dev macro-F1',
}
const TRAIN_FILES = [
  { file: 'umsab_train.jsonl', licence: 'Apache-2.0 (cardiffnlp/xlm-t)' },
  { file: 'wisesight_th_train.jsonl', licence: 'CC0 (PyThaiNLP/wisesight-sentiment)' },
]
const HELD_OUT_FILES = ['tweeteval_val.jsonl', 'umsab_val.jsonl', 'wisesight_th_val.jsonl', 'nsmc_ko_dev.jsonl']
const CLASSES = SENTIMENT_LABELS.length
const LANGUAGE_CODES: Record<string, string> = {
  arabic: 'ar', english: 'en', french: 'fr', german: 'de', hindi: 'hi', italian: 'it', portuguese: 'pt', spanish: 'es',
}

/** `group` is the dataset plus its own language field: class balance is per group. */
interface Row { id: string; text: string; label: SentimentLabel; source: string; group: string }
interface Example { indices: Uint32Array; values: Float32Array; label: number; weight: number }

const dataDir = options.datasets
if (!existsSync(join(dataDir, TRAIN_FILES[0].file))) {
  console.error(`training data not found in ${dataDir} (pass --datasets)`)
  process.exit(1)
}
const readJsonl = (file: string) =>
  readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
const textKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()
const sha256 = (file: string) => createHash('sha256').update(readFileSync(join(dataDir, file))).digest('hex')

const heldOutTexts = new Set(HELD_OUT_FILES.flatMap((file) => readJsonl(file).map((r) => textKey(r.text))))
const droppedAsHeldOut: Record<string, number> = {}
const rows: Row[] = TRAIN_FILES.flatMap(({ file }) =>
  readJsonl(file).flatMap((r): Row[] => {
    if (heldOutTexts.has(textKey(r.text))) {
      droppedAsHeldOut[file] = (droppedAsHeldOut[file] ?? 0) + 1
      return []
    }
    // wisesight's 4th class `question` carries no polarity: trained as neutral.
    const label = r.label === 'question' ? 'neutral' : r.label
    return [{ id: r.id, text: r.text, label, source: file, group: `${file}:${r.language ?? ''}` }]
  }),
)
// A group left with one class (UMSAB English: its neutral and positive rows are all TweetEval
// validation tweets) would only teach "this language is negative": it is dropped whole.
const droppedSingleClassGroups: Record<string, number> = {}
const classesOfGroup = new Map<string, Set<SentimentLabel>>()
for (const row of rows) classesOfGroup.set(row.group, (classesOfGroup.get(row.group) ?? new Set()).add(row.label))
const usable = rows.filter((row) => {
  const classes = classesOfGroup.get(row.group)!.size
  if (classes < CLASSES - 1) droppedSingleClassGroups[row.group] = (droppedSingleClassGroups[row.group] ?? 0) + 1
  return classes >= CLASSES - 1
})
const heldOutLanguages = new Set(options['hold-out-languages'].split(',').map((l) => l.trim()).filter(Boolean))
const isHeldOutLanguage = (row: Row) => heldOutLanguages.has(row.group.split(':')[1])
const crossLingualRows = usable.filter(isHeldOutLanguage)
const usableForTraining = usable.filter((row) => !isHeldOutLanguage(row))
const limited = options.limit
  ? usableForTraining.filter((_, i) => i % Math.ceil(usableForTraining.length / Number(options.limit)) === 0)
  : usableForTraining

/** Deterministic split so the dev rows (used for epochs and temperature) never change between runs. */
const isDev = (id: string) => createHash('md5').update(id).digest()[0] < 256 * SETTINGS.devShare

function classWeights(subset: Row[]): Map<string, number[]> {
  const weights = new Map<string, number[]>()
  for (const group of new Set(subset.map((r) => r.group))) {
    const ofGroup = subset.filter((r) => r.group === group)
    const counts = SENTIMENT_LABELS.map((label) => ofGroup.filter((r) => r.label === label).length)
    weights.set(group, counts.map((n) => (n === 0 ? 0 : ofGroup.length / (CLASSES * n))))
  }
  return weights
}

const featureCache = new Map<string, SparseFeatures>()
/** Class weights scaled so that every group has the same total weight. */
function languageEqualised(subset: Row[], weights: Map<string, number[]>): Map<string, number[]> {
  const sizes = new Map<string, number>()
  for (const row of subset) sizes.set(row.group, (sizes.get(row.group) ?? 0) + 1)
  const meanSize = subset.length / sizes.size
  return new Map([...weights].map(([group, w]) => [group, w.map((x) => (x * meanSize) / sizes.get(group)!)]))
}

function featuresOf(row: Row): SparseFeatures {
  let features = featureCache.get(row.id)
  if (!features) {
    features = sentimentFeatures(row.text, detectLanguage(row.text).language, options['feature-version'])
    featureCache.set(row.id, features)
  }
  return features
}

/** `head` 'transfer' keeps only the language-independent cues, renamed into their own buckets. */
function toExample(row: Row, weights: Map<string, number[]>, head: 'full' | 'transfer' = 'full'): Example {
  const merged = new Map<number, number>()
  for (const [name, value] of featuresOf(row)) {
    if (head === 'transfer' && !isTransferableFeature(name)) continue
    const bucket = hashFeatureName(head === 'transfer' ? TRANSFER_HEAD_PREFIX + name : name, SETTINGS.hashBits)
    merged.set(bucket, (merged.get(bucket) ?? 0) + value)
  }
  const label = SENTIMENT_LABELS.indexOf(row.label)
  return {
    indices: Uint32Array.from(merged.keys()),
    values: Float32Array.from(merged.values()),
    label,
    weight: weights.get(row.group)![label],
  }
}

function probabilities(weights: Float32Array, example: Example, temperature = 1): number[] {
  const logits = new Array<number>(CLASSES).fill(0)
  example.indices.forEach((bucket, k) => {
    for (let c = 0; c < CLASSES; c++) logits[c] += example.values[k] * weights[bucket * CLASSES + c]
  })
  const max = Math.max(...logits.map((z) => z / temperature))
  const exps = logits.map((z) => Math.exp(z / temperature - max))
  const total = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / total)
}

function macroF1(weights: Float32Array, examples: Example[]): number {
  const confusion = Array.from({ length: CLASSES }, () => new Array<number>(CLASSES).fill(0))
  for (const example of examples) {
    const p = probabilities(weights, example)
    confusion[example.label][p.indexOf(Math.max(...p))]++
  }
  const f1s = confusion.map((row, c) => {
    const predicted = confusion.reduce((sum, r) => sum + r[c], 0)
    const actual = row.reduce((a, b) => a + b, 0)
    return predicted + actual === 0 ? 0 : (2 * row[c]) / (predicted + actual)
  })
  return f1s.reduce((a, b) => a + b, 0) / CLASSES
}

function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

const trainRows = limited.filter((r) => !isDev(r.id))
const devRows = limited.filter((r) => isDev(r.id))
const started = Date.now()
const trainClassWeights = classWeights(trainRows)
const devClassWeights = classWeights(devRows)
const train = trainRows.map((row) => toExample(row, trainClassWeights))
const dev = devRows.map((row) => toExample(row, devClassWeights))
console.log(`features: ${train.length} train / ${dev.length} dev rows in ${((Date.now() - started) / 1000).toFixed(0)}s; ` +
  `rows dropped as duplicates of held-out text: ${JSON.stringify(droppedAsHeldOut)}`)

interface FittedHead { weights: Float32Array; seen: Uint8Array; epoch: number; devMacroF1: number; temperature: number }

function fit(name: string, train: Example[], dev: Example[], learningRate: number, epochs: number): FittedHead {
  const size = (1 << SETTINGS.hashBits) * CLASSES
  const weights = new Float32Array(size)
  const squaredGradients = new Float32Array(size).fill(1e-8)
  const seen = new Uint8Array(1 << SETTINGS.hashBits)
  let best = { epoch: 0, devMacroF1: -1, weights: new Float32Array(0) }
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const example of shuffle(train, epoch)) {
      const p = probabilities(weights, example)
      example.indices.forEach((bucket, k) => {
        seen[bucket] = 1
        for (let c = 0; c < CLASSES; c++) {
          const at = bucket * CLASSES + c
          const gradient = example.weight * example.values[k] * (p[c] - (c === example.label ? 1 : 0)) +
            SETTINGS.l2 * weights[at]
          squaredGradients[at] += gradient * gradient
          weights[at] -= (learningRate * gradient) / Math.sqrt(squaredGradients[at])
        }
      })
    }
    const devMacroF1 = macroF1(weights, dev)
    console.log(`${name} epoch ${epoch}: dev macro-F1 ${(100 * devMacroF1).toFixed(1)}`)
    if (devMacroF1 > best.devMacroF1) best = { epoch, devMacroF1, weights: weights.slice() }
  }
  // Temperature scaling on the dev rows so that `confidence` means what it says.
  const devLoss = (t: number) =>
    dev.reduce((sum, example) => sum - Math.log(probabilities(best.weights, example, t)[example.label] + 1e-12), 0)
  const temperature = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3]
    .reduce((bestT, t) => (devLoss(t) < devLoss(bestT) ? t : bestT), 1)
  return { ...best, seen, temperature }
}

/**
 * Full-batch training for a head with few features (the transfer head): the objective is convex and
 * the whole data is seen at every step, so the result does not depend on the last rows of an epoch.
 */
function fitBatch(name: string, train: Example[], dev: Example[], learningRate: number, iterations: number): FittedHead {
  const compact = new Map<number, number>()
  for (const example of train) for (const bucket of example.indices) if (!compact.has(bucket)) compact.set(bucket, compact.size)
  const w = new Float64Array(compact.size * CLASSES)
  const squaredGradients = new Float64Array(compact.size * CLASSES).fill(1e-8)
  const totalWeight = train.reduce((sum, e) => sum + e.weight, 0)
  const rows = train.map((e) => Int32Array.from(e.indices, (bucket) => compact.get(bucket)!))
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = w.map((x) => SETTINGS.transferL2 * x)
    train.forEach((example, i) => {
      const logits = new Array<number>(CLASSES).fill(0)
      rows[i].forEach((k, j) => { for (let c = 0; c < CLASSES; c++) logits[c] += example.values[j] * w[k * CLASSES + c] })
      const max = Math.max(...logits)
      const exps = logits.map((z) => Math.exp(z - max))
      const total = exps.reduce((a, b) => a + b, 0)
      rows[i].forEach((k, j) => {
        for (let c = 0; c < CLASSES; c++) {
          gradient[k * CLASSES + c] += (example.weight / totalWeight) * example.values[j] *
            (exps[c] / total - (c === example.label ? 1 : 0))
        }
      })
    })
    gradient.forEach((g, at) => {
      squaredGradients[at] += g * g
      w[at] -= (learningRate * g) / Math.sqrt(squaredGradients[at])
    })
  }
  const weights = new Float32Array((1 << SETTINGS.hashBits) * CLASSES)
  const seen = new Uint8Array(1 << SETTINGS.hashBits)
  for (const [bucket, k] of compact) {
    seen[bucket] = 1
    for (let c = 0; c < CLASSES; c++) weights[bucket * CLASSES + c] = w[k * CLASSES + c]
  }
  const devMacroF1 = macroF1(weights, dev)
  console.log(`${name}: ${iterations} full-batch steps, dev macro-F1 ${(100 * devMacroF1).toFixed(1)}`)
  const devLoss = (t: number) =>
    dev.reduce((sum, example) => sum - Math.log(probabilities(weights, example, t)[example.label] + 1e-12), 0)
  const temperature = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3]
    .reduce((bestT, t) => (devLoss(t) < devLoss(bestT) ? t : bestT), 1)
  return { weights, seen, epoch: iterations, devMacroF1, temperature }
}

const fullHead = fit('full', train, dev, SETTINGS.learningRate, SETTINGS.epochs)
// Languages without training rows (English among them) get a head that sees only the
// language-independent cues: in the full head the word features explain most of the training
// rows, so the shared cues stay weak there and transfer badly.
// Each language counts the same there (Thai alone has two thirds of the rows).
const transferHead = fitBatch('transfer', trainRows.map((row) => toExample(row, languageEqualised(trainRows, trainClassWeights), 'transfer')),
  devRows.map((row) => toExample(row, languageEqualised(devRows, devClassWeights), 'transfer')), SETTINGS.transferLearningRate,
  SETTINGS.transferSteps)

// Keep only buckets seen in training whose weights matter most (the file must stay small in git),
// quantised to int16. The transfer head's few buckets are always kept. Its names are prefixed, so the
// two heads share one table (a rare hash collision only adds the two weights).
const merged = fullHead.weights.map((w, at) => w + transferHead.weights[at])
const candidates: Array<{ bucket: number; strength: number }> = []
for (let bucket = 0; bucket < fullHead.seen.length; bucket++) {
  const ofTransfer = transferHead.seen[bucket] === 1
  if (!fullHead.seen[bucket] && !ofTransfer) continue
  const row = merged.subarray(bucket * CLASSES, bucket * CLASSES + CLASSES)
  const strength = Math.max(...Array.from(row, Math.abs))
  if (ofTransfer || strength >= SETTINGS.minWeight) candidates.push({ bucket, strength: ofTransfer ? Infinity : strength })
}
const strongest = candidates.sort((a, b) => b.strength - a.strength).slice(0, SETTINGS.maxFeatures)
const keptBuckets = strongest.map((c) => c.bucket).sort((a, b) => a - b)
const maxAbs = Math.max(1e-6, ...keptBuckets.map((bucket) => Math.max(...Array.from(
  merged.subarray(bucket * CLASSES, bucket * CLASSES + CLASSES), Math.abs))))
const quantScale = maxAbs / 32767
const quantised = new Int16Array(keptBuckets.length * CLASSES)
keptBuckets.forEach((bucket, row) => {
  for (let c = 0; c < CLASSES; c++) quantised[row * CLASSES + c] = Math.round(merged[bucket * CLASSES + c] / quantScale)
})
const trainedLanguages = [...new Set(limited.map((r) =>
  (r.source.startsWith('wisesight') ? 'th' : LANGUAGE_CODES[r.group.split(':')[1]])))].filter(Boolean).sort()
const modelFileWith = (transferWeight: number, training: Record<string, unknown>): SentimentModelFile => ({
  format: 'parley-sentiment/1',
  featureVersion: options['feature-version'],
  labels: [...SENTIMENT_LABELS],
  hashBits: SETTINGS.hashBits,
  temperature: fullHead.temperature,
  quantScale,
  trainedLanguages,
  buckets: Buffer.from(Uint32Array.from(keptBuckets).buffer).toString('base64'),
  weights: Buffer.from(quantised.buffer).toString('base64'),
  transferHead: { temperature: transferHead.temperature, weight: transferWeight },
  training,
})

/** Macro-recall (TweetEval's headline metric) of each held-out language, through the shipped predict path. */
function crossLingualReport(transferWeight: number): Record<string, number> {
  const model = sentimentModelFromFile(modelFileWith(transferWeight, {}), 'cross-lingual-check')
  const report: Record<string, number> = {}
  for (const language of heldOutLanguages) {
    const ofLanguage = crossLingualRows.filter((r) => r.group.split(':')[1] === language)
    const recalls = SENTIMENT_LABELS.map((label) => {
      const ofClass = ofLanguage.filter((r) => r.label === label)
      return ofClass.filter((r) => model.predict(r.text).label === label).length / Math.max(1, ofClass.length)
    })
    report[language] = Number((100 * recalls.reduce((a, b) => a + b, 0) / CLASSES).toFixed(1))
  }
  const values = Object.values(report)
  report.mean = Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(1))
  return report
}
const transferWeight = Number(options['transfer-weight'])
const crossLingualMacroRecall = heldOutLanguages.size === 0 ? undefined : Object.fromEntries(
  [0, 0.5, 0.75, 1].map((w) => [`transferWeight ${w}`, crossLingualReport(w)]))
if (crossLingualMacroRecall) console.log(`held-out languages, macro-recall: ${JSON.stringify(crossLingualMacroRecall)}`)
const best = fullHead
const temperature = fullHead.temperature

const training = {
  trainedAt: new Date().toISOString().slice(0, 10),
  data: TRAIN_FILES.map(({ file, licence }) => ({
    file: `shared/datasets/sentiment/${file}`, licence, sha256: sha256(file),
    rows: limited.filter((r) => r.source === file).length,
  })),
  heldOut: HELD_OUT_FILES.map((file) => `shared/datasets/sentiment/${file}`),
  droppedAsHeldOutDuplicates: droppedAsHeldOut,
  droppedSingleClassGroups,
  trainRows: train.length,
  devRows: dev.length,
  settings: SETTINGS,
  bestEpoch: best.epoch,
  devMacroF1: Number((100 * best.devMacroF1).toFixed(2)),
  temperature,
  transferHead: { fullBatchSteps: transferHead.epoch, devMacroF1: Number((100 * transferHead.devMacroF1).toFixed(2)),
    temperature: transferHead.temperature, weight: transferWeight },
  keptFeatures: keptBuckets.length,
  ...(crossLingualMacroRecall ? { heldOutLanguages: [...heldOutLanguages], crossLingualMacroRecall } : {}),
}
const modelFile = modelFileWith(transferWeight, training)
mkdirSync(options.out, { recursive: true })
const outPath = join(options.out, SENTIMENT_MODEL_FILE)
// Other processes load the shipped file while this runs: write aside, then rename over it.
const partialPath = `${outPath}.partial-${process.pid}`
writeFileSync(partialPath, JSON.stringify(modelFile))
renameSync(partialPath, outPath)
console.log(JSON.stringify(training, null, 2))
console.log(`wrote ${outPath} (${(JSON.stringify(modelFile).length / 1e6).toFixed(2)} MB) in ` +
  `${((Date.now() - started) / 1000).toFixed(0)}s`)
