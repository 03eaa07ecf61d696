// Local (no-LLM) intent classifier: multinomial logistic regression over hashed lexical features,
// trained per workspace from its taxonomy examples and corrections. It has to retrain in seconds
// on one core, so it is a linear model trained by SGD rather than anything heavier; confidence
// is made meaningful by temperature scaling fitted on a held-out slice of the examples.
import { createHash } from 'node:crypto'
import { seededRandom } from '../../seeded-random.ts'
import { extractFeatureCounts, INTENT_FEATURE_VERSION, TfidfVectorizer, type SparseVector } from './intent-features.ts'
import { OTHER_INTENT } from './taxonomy.ts'

export interface IntentPrediction {
  label: string
  confidence: number
  ranked: Array<{ label: string; p: number }>
}

export interface IntentModel {
  readonly version: string
  readonly labels: string[]
  predict(text: string): IntentPrediction
}

export interface TrainIntentOptions {
  /** Calibrated top probability below which the prediction becomes `other`. */
  otherThreshold?: number
  seed?: number
}

export const DEFAULT_OTHER_THRESHOLD = 0.3
const DEFAULT_SEED = 17
const RANKED_LIMIT = 10
const CALIBRATION_SHARE = 0.2

/** Hyper-parameters chosen by measurement on banking77 / clinc150 (see scripts/measure-intent.ts). */
export interface SgdSettings {
  epochs: number
  learningRate: number
  l2: number
}
export const DEFAULT_SGD: Omit<SgdSettings, 'epochs'> = { learningRate: 3, l2: 1e-6 }
// Small training sets (a taxonomy's few examples) gain from more passes and cost little;
// large ones converge in a few. Measured: 15 passes add ~1 point at 10 examples per intent,
// and 4 instead of 6 passes cost banking77 (8k examples) 0.3 points for a third less time.
const MIN_EPOCHS = 4
const MAX_EPOCHS = 15
const EPOCH_BUDGET_EXAMPLES = 30_000

export function defaultEpochs(exampleCount: number): number {
  return Math.min(MAX_EPOCHS, Math.max(MIN_EPOCHS, Math.round(EPOCH_BUDGET_EXAMPLES / Math.max(1, exampleCount))))
}

interface LabelledVector {
  x: SparseVector
  y: number
}

function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
}

/** Weights are stored feature-major so the classes of one feature are contiguous in memory. */
class SoftmaxRegression {
  private readonly weights: Float64Array
  private readonly bias: Float64Array
  // Weight decay is applied lazily through one shared scale (Bottou's trick), so each SGD step
  // only touches the features present in the example.
  private scale = 1

  constructor(
    private readonly dimension: number,
    private readonly classes: number,
  ) {
    this.weights = new Float64Array(dimension * classes)
    this.bias = new Float64Array(classes)
  }

  logits(x: SparseVector, out: Float64Array = new Float64Array(this.classes)): Float64Array {
    const C = this.classes
    const w = this.weights
    const { indices, values } = x
    out.fill(0)
    for (let k = 0; k < indices.length; k++) {
      const base = indices[k] * C
      const v = values[k]
      for (let c = 0; c < C; c++) out[c] += v * w[base + c]
    }
    const scale = this.scale
    for (let c = 0; c < C; c++) out[c] = out[c] * scale + this.bias[c]
    return out
  }

  train(data: LabelledVector[], settings: SgdSettings, random: () => number): void {
    const C = this.classes
    const order = data.slice()
    const z = new Float64Array(C)
    const grad = new Float64Array(C)
    const activeClass = new Int32Array(C)
    const totalSteps = settings.epochs * order.length
    let step = 0
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      shuffleInPlace(order, random)
      for (const { x, y } of order) {
        // Linear decay gives big early steps and a settled final model without a tuning loop.
        const lr = settings.learningRate * (1 - step / totalSteps) + 1e-4
        step++
        this.logits(x, z)
        softmaxInPlace(z)
        // Classes the model already rules out contribute nothing worth the memory traffic.
        let active = 0
        for (let c = 0; c < C; c++) {
          const g = z[c] - (c === y ? 1 : 0)
          if (g > 1e-4 || g < -1e-4) {
            activeClass[active] = c
            grad[active] = g
            active++
          }
        }
        this.scale *= 1 - lr * settings.l2
        if (this.scale < 1e-6) this.rescale()
        const stepSize = lr / this.scale
        const w = this.weights
        for (let a = 0; a < active; a++) this.bias[activeClass[a]] -= lr * grad[a]
        for (let k = 0; k < x.indices.length; k++) {
          const base = x.indices[k] * C
          const v = x.values[k] * stepSize
          for (let a = 0; a < active; a++) w[base + activeClass[a]] -= v * grad[a]
        }
      }
    }
    this.rescale()
  }

  private rescale(): void {
    for (let i = 0; i < this.weights.length; i++) this.weights[i] *= this.scale
    this.scale = 1
  }

  /** The mean of models trained on the same features: one linear model whose logits are the mean of theirs. */
  static average(models: SoftmaxRegression[]): SoftmaxRegression {
    const [first] = models
    const mean = new SoftmaxRegression(first!.dimension, first!.classes)
    for (const m of models) {
      m.rescale()
      for (let i = 0; i < mean.weights.length; i++) mean.weights[i] += m.weights[i] / models.length
      for (let c = 0; c < mean.bias.length; c++) mean.bias[c] += m.bias[c] / models.length
    }
    return mean
  }
}

function softmaxInPlace(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i]
  let sum = 0
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp((z[i] - max) / temperature)
    sum += z[i]
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum
  return z
}

function negativeLogLikelihood(logits: Float64Array[], targets: number[], temperature: number): number {
  let total = 0
  for (let i = 0; i < logits.length; i++) {
    const p = softmaxInPlace(Float64Array.from(logits[i]), temperature)
    total -= Math.log(Math.max(p[targets[i]], 1e-12))
  }
  return total / Math.max(1, logits.length)
}

/** Golden-section search on log T: NLL is unimodal in T for a fixed set of logits. */
export function fitTemperature(logits: Float64Array[], targets: number[]): number {
  if (logits.length === 0) return 1
  let lo = Math.log(0.05)
  let hi = Math.log(20)
  const ratio = (Math.sqrt(5) - 1) / 2
  for (let i = 0; i < 30; i++) {
    const a = hi - ratio * (hi - lo)
    const b = lo + ratio * (hi - lo)
    if (negativeLogLikelihood(logits, targets, Math.exp(a)) < negativeLogLikelihood(logits, targets, Math.exp(b))) hi = b
    else lo = a
  }
  return Math.exp((lo + hi) / 2)
}

/** Deterministic stratified split; classes with fewer than 3 examples stay whole in the training part. */
function stratifiedHoldout<T>(items: T[], classOf: (item: T) => number, share: number, random: () => number): { fit: T[]; holdout: T[] } {
  const byClass = new Map<number, T[]>()
  for (const item of items) {
    const group = byClass.get(classOf(item))
    if (group) group.push(item)
    else byClass.set(classOf(item), [item])
  }
  const fit: T[] = []
  const holdout: T[] = []
  for (const group of byClass.values()) {
    const shuffled = group.slice()
    shuffleInPlace(shuffled, random)
    const take = group.length >= 3 ? Math.max(1, Math.round(group.length * share)) : 0
    holdout.push(...shuffled.slice(0, take))
    fit.push(...shuffled.slice(take))
  }
  return { fit, holdout }
}

interface CalibratedClassifier {
  vectorizer: TfidfVectorizer
  model: SoftmaxRegression
  temperature: number
}

/**
 * SGD runs whose weights are averaged into the model. One run's weights depend on the order it saw the
 * examples in: with a taxonomy's few hundred examples, one example more reshuffled the order, moved a
 * message's probabilities by up to 8 points and the demo's estimated delivery count by 6%. The mean of
 * three orders moves about half as much (the runs' spread over √3), and predicting costs the same.
 */
const SGD_RUNS = 3

/**
 * Trains on most of the data, fits the temperature on the stratified rest, then trains the
 * final model on everything with the same settings so the temperature fits its training regime.
 * Each of the SGD_RUNS holds out its own slice, and the temperature fits all their held-out
 * messages: one slice of a few dozen examples decided it before.
 * (Warm-starting the final model from the probe was measured too: it saved no more time than
 * fewer passes do, at slightly lower accuracy.)
 */
function trainCalibrated(examples: PreparedExample[], labelIndex: Map<string, number>, settings: SgdSettings, seed: number): CalibratedClassifier {
  const random = seededRandom(seed)
  const logits: Float64Array[] = []
  const targets: number[] = []
  for (let run = 0; run < SGD_RUNS && labelIndex.size >= 2; run++) {
    const { fit, holdout } = stratifiedHoldout(examples, (e) => labelIndex.get(e.label)!, CALIBRATION_SHARE, seededRandom((seed ^ 0x5bd1e995) + run))
    if (holdout.length === 0 || fit.length === 0) break
    // The held-out texts must stay out of the vectorizer too: at predict time unseen features
    // are dropped, and calibration has to see messages the same way.
    const probe = trainOn(fit, labelIndex, settings, random, 1)
    for (const e of holdout) {
      logits.push(probe.model.logits(probe.vectorizer.vectorize(e.counts)))
      targets.push(labelIndex.get(e.label)!)
    }
  }
  const temperature = logits.length > 0 ? fitTemperature(logits, targets) : 1
  return { ...trainOn(examples, labelIndex, settings, random, SGD_RUNS), temperature }
}

interface PreparedExample {
  label: string
  counts: Map<number, number>
}

/** `runs` SGD runs over the same features, in their own orders, averaged. */
function trainOn(examples: PreparedExample[], labelIndex: Map<string, number>, settings: SgdSettings, random: () => number, runs: number): { vectorizer: TfidfVectorizer; model: SoftmaxRegression } {
  const vectorizer = new TfidfVectorizer()
  const vectors = vectorizer.fitCounts(examples.map((e) => e.counts))
  const data = vectors.map((x, i) => ({ x, y: labelIndex.get(examples[i].label)! }))
  const models = Array.from({ length: runs }, () => {
    const model = new SoftmaxRegression(vectorizer.dimension, labelIndex.size)
    model.train(data, settings, random)
    return model
  })
  return { vectorizer, model: models.length === 1 ? models[0]! : SoftmaxRegression.average(models) }
}

function modelVersion(examples: Array<{ text: string; label: string }>, settings: object): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ features: INTENT_FEATURE_VERSION, settings }))
  for (const e of examples) hash.update(`\u0000${e.label}\u0001${e.text}`)
  return `intent-local:${hash.digest('hex').slice(0, 16)}`
}

export function trainIntentModel(
  examples: Array<{ text: string; label: string }>,
  opts: TrainIntentOptions & { sgd?: Partial<SgdSettings> } = {},
): IntentModel {
  const cleaned = examples
    .map((e) => ({ text: e.text.trim(), label: e.label.trim() }))
    .filter((e) => e.text.length > 0 && e.label.length > 0)
  if (cleaned.length === 0) throw new Error('trainIntentModel needs at least one example')
  // Sorting makes the model (and its version) independent of the order examples arrive in.
  cleaned.sort((a, b) => (a.label === b.label ? (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) : a.label < b.label ? -1 : 1))

  const otherThreshold = opts.otherThreshold ?? DEFAULT_OTHER_THRESHOLD
  const seed = opts.seed ?? DEFAULT_SEED
  const settings: SgdSettings = { ...DEFAULT_SGD, epochs: defaultEpochs(cleaned.length), ...opts.sgd }
  const classLabels = [...new Set(cleaned.map((e) => e.label))].sort()
  const labelIndex = new Map(classLabels.map((l, i) => [l, i]))

  const prepared = cleaned.map((e) => ({ label: e.label, counts: extractFeatureCounts(e.text) }))
  const { vectorizer, model, temperature } = trainCalibrated(prepared, labelIndex, settings, seed)
  const labels = classLabels.includes(OTHER_INTENT) ? classLabels : [...classLabels, OTHER_INTENT]

  return {
    version: modelVersion(cleaned, { otherThreshold, seed, settings }),
    labels,
    predict(text: string): IntentPrediction {
      const p = softmaxInPlace(model.logits(vectorizer.transform(text)), temperature)
      const ranked = classLabels.map((label, i) => ({ label, p: p[i] })).sort((a, b) => b.p - a.p)
      const top = ranked[0]
      const bestKnown = ranked.find((r) => r.label !== OTHER_INTENT)
      if (top.label === OTHER_INTENT || (bestKnown && bestKnown.p < otherThreshold)) {
        // "Other" means "none of the known intents fits", so its confidence is the probability
        // mass the best known intent leaves unclaimed, whether or not "other" was trained.
        return { label: OTHER_INTENT, confidence: 1 - (bestKnown?.p ?? 0), ranked: ranked.slice(0, RANKED_LIMIT) }
      }
      return { label: top.label, confidence: top.p, ranked: ranked.slice(0, RANKED_LIMIT) }
    },
  }
}
