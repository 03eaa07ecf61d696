// Counts of classifier labels corrected for the classifier's measured confusion. Corrected messages
// (a person gave their true label; the prediction was kept) measure p(predicted cell | true class);
// on any set of messages, the true classes of the uncorrected ones are then estimated by
// maximum-likelihood prior adjustment (Saerens–Latinne–Decaestecker EM: the confusion is taken to hold
// everywhere, the class mix may differ from the corrected sample's), and the corrected ones count
// exactly. The interval is a bootstrap: the corrected sample is resampled (the confusion is measured
// on finitely many messages), the EM refitted, and each message's own doubt drawn on top.
// Pure functions: the SQL that counts the cells is store/ask-figures.ts `labelCells`.
import { seededRandom } from '../../seeded-random.ts'

export type LabelField = 'sentiment' | 'intent'

/** Messages sharing predicted labels (the classifier's) and true labels (null: not corrected). */
export interface LabelCell {
  sentiment: string | null
  intent: string | null
  trueSentiment: string | null
  trueIntent: string | null
  n: number
}

export interface LabelTarget {
  sentiment?: string
  intent?: string
}

/** Below this many corrected messages (on the fields a figure needs) the confusion is not measured. */
export const MIN_LABELLED = 30
/** A class needs this many corrected examples before the model may say anything about it. */
export const MIN_CLASS_LABELLED = 3
export const BOOTSTRAP_REPLICATES = 200
const EM_ITERATIONS = 300
const REPLICATE_EM_ITERATIONS = 60
const EM_TOLERANCE = 1e-7
/** Pseudo-count per class spread over all cells: a cell no corrected message fell in says little about any class. */
const CELL_SMOOTHING = 1
const Z95 = 1.96

export const CONFUSION_METHOD =
  'confusion-corrected: human-corrected messages count exactly; the others are estimated from the classifier\'s confusion measured on corrected messages ' +
  '(EM prior adjustment); 95% bootstrap interval over the corrected sample and each message\'s own doubt'

const NONE = '∅'
export const cellKey = (c: Pick<LabelCell, 'sentiment' | 'intent'>) => `${c.sentiment ?? NONE}|${c.intent ?? NONE}`
const trueValue = (c: LabelCell, f: LabelField) => (f === 'sentiment' ? c.trueSentiment : c.trueIntent)
const predictedValue = (c: LabelCell, f: LabelField) => (f === 'sentiment' ? c.sentiment : c.intent)

export interface ConfusionModel {
  fields: LabelField[]
  /** Each class: its true value per field, in `fields` order. */
  classes: string[][]
  /** Corrected messages per class and predicted cell. */
  counts: Map<string, number>[]
  perClass: number[]
  labelled: number
}

/** Corrected on every field of the model, with the prediction known for each: usable to measure the confusion. */
const isLabelled = (c: LabelCell, fields: LabelField[]) => fields.every((f) => trueValue(c, f) !== null && predictedValue(c, f) !== null)
/** Corrected on every field of the model: its class is known, it counts exactly. */
const isCorrected = (c: LabelCell, fields: LabelField[]) => fields.every((f) => trueValue(c, f) !== null)

/** The confusion measured on the workspace's corrected messages, or undefined when too few were corrected. */
export function confusionModel(cells: readonly LabelCell[], fields: LabelField[]): ConfusionModel | undefined {
  // In one order whatever order the store returned the cells in: the bootstrap draws its random numbers
  // class by class and cell by cell, so another order gave another interval for the same counts (the
  // airline Ask eval's coverage moved between 1 and 0.92 from run to run).
  const classKey = (c: LabelCell) => fields.map((f) => trueValue(c, f)!).join('|')
  const labelled = cells
    .filter((c) => c.n > 0 && isLabelled(c, fields))
    .map((c) => ({ c, key: `${classKey(c)}\u0000${cellKey(c)}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ c }) => c)
  const total = labelled.reduce((s, c) => s + c.n, 0)
  if (fields.length === 0 || total < MIN_LABELLED) return undefined
  const index = new Map<string, number>()
  const classes: string[][] = []
  const counts: Map<string, number>[] = []
  const perClass: number[] = []
  for (const c of labelled) {
    const values = fields.map((f) => trueValue(c, f)!)
    const key = classKey(c)
    let i = index.get(key)
    if (i === undefined) {
      i = classes.length
      index.set(key, i)
      classes.push(values)
      counts.push(new Map())
      perClass.push(0)
    }
    counts[i]!.set(cellKey(c), (counts[i]!.get(cellKey(c)) ?? 0) + c.n)
    perClass[i]! += c.n
  }
  return { fields, classes, counts, perClass, labelled: total }
}

/** The model can estimate the target: its fields are measured and each class it needs has enough corrected examples. */
export function canEstimate(model: ConfusionModel, target: LabelTarget): boolean {
  const fields = targetFields(target)
  if (fields.length === 0 || !fields.every((f) => model.fields.includes(f))) return false
  const matching = model.classes.map((_, i) => i).filter((i) => matches(model, i, target))
  return matching.length > 0 && matching.every((i) => model.perClass[i]! >= MIN_CLASS_LABELLED)
}

export const targetFields = (t: LabelTarget): LabelField[] => (['sentiment', 'intent'] as const).filter((f) => t[f] !== undefined)

function matches(model: ConfusionModel, classIndex: number, target: LabelTarget): boolean {
  return model.fields.every((f, k) => target[f] === undefined || model.classes[classIndex]![k] === target[f])
}

export interface SubsetFit {
  model: ConfusionModel
  /** Corrected messages of the subset, per class. */
  exact: number[]
  /** Uncorrected messages per predicted cell. */
  unknown: Array<{ cell: string; n: number }>
  /** p(class | cell) for each unknown cell: at the estimate, and in each bootstrap replicate. */
  posterior: number[][]
  replicates: number[][][]
  /** Uncorrected messages whose corrected part fell outside every measured class (e.g. a label no longer in use). */
  unmatched: number
}

/** Poisson(λ): Knuth below 30, a rounded normal above (a bootstrap weight, not a precision instrument). */
function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0
  if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)))
  const limit = Math.exp(-lambda)
  let k = 0
  let p = random()
  while (p > limit) {
    k++
    p *= random()
  }
  return k
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** p(cell | class), smoothed; and the corrected sample's class mix, the EM's start and its weak prior. */
function likelihoods(counts: Map<string, number>[], perClass: number[], cells: string[]) {
  const likelihood = counts.map((row, i) => cells.map((cell) => ((row.get(cell) ?? 0) + CELL_SMOOTHING / cells.length) / (perClass[i]! + CELL_SMOOTHING)))
  const total = perClass.reduce((s, n) => s + n, 0)
  const prior = perClass.map((n) => (n + 1) / (total + perClass.length))
  return { likelihood, prior }
}

/**
 * EM for the class mix of the unknown messages: responsibilities from the mix and the likelihoods, the
 * mix from the responsibilities, with a weak pull (one pseudo-message per class) towards the corrected
 * sample's mix so a handful of messages cannot make a class vanish or dominate on its own.
 */
function emPosterior(likelihood: number[][], prior: number[], unknown: Array<{ n: number }>, iterations: number, start = prior): number[][] {
  const k = prior.length
  const total = unknown.reduce((s, u) => s + u.n, 0)
  let mix = start.slice()
  let posterior: number[][] = unknown.map(() => mix.slice())
  for (let it = 0; it < iterations; it++) {
    posterior = unknown.map((_, j) => {
      const joint = mix.map((p, i) => p * likelihood[i]![j]!)
      const sum = joint.reduce((s, x) => s + x, 0)
      return sum > 0 ? joint.map((x) => x / sum) : mix.slice()
    })
    const next = prior.map((p0, i) => (unknown.reduce((s, u, j) => s + u.n * posterior[j]![i]!, 0) + k * p0) / (total + k))
    const moved = next.reduce((m, x, i) => Math.max(m, Math.abs(x - mix[i]!)), 0)
    mix = next
    if (moved < EM_TOLERANCE) break
  }
  return posterior
}

/** Fits the class mix of one set of messages (its cells from `labelCells`), with bootstrap replicates. */
export function fitSubset(model: ConfusionModel, subset: readonly LabelCell[], seed = 12): SubsetFit {
  const exact = model.classes.map(() => 0)
  const unknownByCell = new Map<string, number>()
  let unmatched = 0
  const classIndex = new Map(model.classes.map((values, i) => [values.join('|'), i]))
  for (const c of subset) {
    if (c.n <= 0) continue
    if (isCorrected(c, model.fields)) {
      const i = classIndex.get(model.fields.map((f) => trueValue(c, f)!).join('|'))
      if (i !== undefined) exact[i]! += c.n
      else unmatched += c.n
    } else {
      unknownByCell.set(cellKey(c), (unknownByCell.get(cellKey(c)) ?? 0) + c.n)
    }
  }
  const unknown = [...unknownByCell].map(([cell, n]) => ({ cell, n })).sort((a, b) => a.cell.localeCompare(b.cell))
  const cells = [...new Set([...model.counts.flatMap((row) => [...row.keys()]), ...unknown.map((u) => u.cell)])].sort()
  const columnOf = new Map(cells.map((c, j) => [c, j]))
  const columns = unknown.map((u) => columnOf.get(u.cell)!)
  const restrict = (likelihood: number[][]) => likelihood.map((row) => columns.map((j) => row[j]!))

  const { likelihood, prior } = likelihoods(model.counts, model.perClass, cells)
  const posterior = emPosterior(restrict(likelihood), prior, unknown, EM_ITERATIONS)
  const mix = model.classes.map((_, i) => {
    const total = unknown.reduce((s, u) => s + u.n, 0)
    return total > 0 ? unknown.reduce((s, u, j) => s + u.n * posterior[j]![i]!, 0) / total : prior[i]!
  })
  const random = seededRandom(seed)
  const replicates: number[][][] = []
  for (let b = 0; b < BOOTSTRAP_REPLICATES; b++) {
    const counts = model.counts.map((row) => new Map([...row].map(([cell, n]) => [cell, poisson(n, random)])))
    const perClass = counts.map((row) => [...row.values()].reduce((s, n) => s + n, 0))
    const fitted = likelihoods(counts, perClass, cells)
    replicates.push(emPosterior(restrict(fitted.likelihood), fitted.prior, unknown, REPLICATE_EM_ITERATIONS, mix))
  }
  return { model, exact, unknown, posterior, replicates, unmatched }
}

export interface Interval {
  value: number
  low: number
  high: number
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!

/** p(target | cell) for each unknown cell under one posterior. */
function targetProbability(fit: SubsetFit, posterior: number[][], target: LabelTarget): number[] {
  const members = fit.model.classes.map((_, i) => i).filter((i) => matches(fit.model, i, target))
  return posterior.map((row) => Math.min(1, members.reduce((s, i) => s + row[i]!, 0)))
}

function exactOf(fit: SubsetFit, target: LabelTarget): number {
  return fit.exact.reduce((s, n, i) => s + (matches(fit.model, i, target) ? n : 0), 0)
}

/** Messages carrying the target labels: the corrected ones exactly, the rest estimated; 95% interval. */
export function estimateTarget(fit: SubsetFit, target: LabelTarget, seed = 7): Interval {
  const exact = exactOf(fit, target)
  const expected = (posterior: number[][]) => {
    const p = targetProbability(fit, posterior, target)
    return {
      mean: fit.unknown.reduce((s, u, j) => s + u.n * p[j]!, 0),
      variance: fit.unknown.reduce((s, u, j) => s + u.n * p[j]! * (1 - p[j]!), 0),
    }
  }
  const point = expected(fit.posterior)
  const random = seededRandom(seed)
  const draws = fit.replicates
    .map((posterior) => {
      const { mean, variance } = expected(posterior)
      return Math.max(0, mean + Math.sqrt(variance) * normal(random))
    })
    .sort((a, b) => a - b)
  const upper = fit.unknown.reduce((s, u) => s + u.n, 0) + fit.unmatched
  if (draws.length === 0) {
    const sd = Math.sqrt(point.variance)
    return { value: exact + point.mean, low: exact + Math.max(0, point.mean - Z95 * sd), high: exact + Math.min(upper, point.mean + Z95 * sd) }
  }
  return {
    value: exact + point.mean,
    low: exact + Math.min(point.mean, quantile(draws, 0.025)),
    high: exact + Math.min(upper, Math.max(point.mean, quantile(draws, 0.975))),
  }
}

/**
 * The target's share of the base (percent), e.g. complaints about delivery among all complaints; the
 * target must narrow the base (every label of the base is in the target). Numerator and denominator
 * are drawn together in each replicate, so their shared doubt does not count twice.
 */
export function estimateShare(fit: SubsetFit, target: LabelTarget, base: LabelTarget, seed = 11): Interval | undefined {
  const inTarget = { ...base, ...target }
  const exactTarget = exactOf(fit, inTarget)
  const exactBase = exactOf(fit, base)
  const point = (posterior: number[][]) => {
    const pt = targetProbability(fit, posterior, inTarget)
    const pb = targetProbability(fit, posterior, base)
    return { pt, pb }
  }
  const { pt, pb } = point(fit.posterior)
  const numerator = exactTarget + fit.unknown.reduce((s, u, j) => s + u.n * pt[j]!, 0)
  const denominator = exactBase + fit.unknown.reduce((s, u, j) => s + u.n * pb[j]!, 0)
  if (denominator <= 0) return undefined
  const random = seededRandom(seed)
  const ratios = fit.replicates
    .map((posterior) => {
      const r = point(posterior)
      let num = exactTarget
      let den = exactBase
      fit.unknown.forEach((u, j) => {
        const t = r.pt[j]!
        const rest = Math.max(0, r.pb[j]! - t)
        const inT = clamp(u.n * t + Math.sqrt(u.n * t * (1 - t)) * normal(random), 0, u.n)
        const q = t < 1 ? rest / (1 - t) : 0
        const left = u.n - inT
        const inRest = clamp(left * q + Math.sqrt(left * q * (1 - q)) * normal(random), 0, left)
        num += inT
        den += inT + inRest
      })
      return den > 0 ? (100 * num) / den : 0
    })
    .sort((a, b) => a - b)
  const value = (100 * numerator) / denominator
  if (ratios.length === 0) return { value, low: value, high: value }
  return { value, low: Math.min(value, quantile(ratios, 0.025)), high: Math.min(100, Math.max(value, quantile(ratios, 0.975))) }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export interface Change extends Interval {
  /** Share of the bootstrap replicates in which this target's change was the largest of those compared. */
  largest: number
}

/**
 * The change of each target's count from `before` to `after`, with a 95% interval, and how often it is
 * the largest change: the two fits share the model and seed, so replicate b of both measured the
 * confusion on the same resample and the comparison sees it once. `before` undefined: no messages then.
 */
export function compareTargets(after: SubsetFit, before: SubsetFit | undefined, targets: readonly LabelTarget[], seed = 5): Change[] {
  const random = seededRandom(seed)
  const replicateCount = Math.min(after.replicates.length, before?.replicates.length ?? Infinity)
  const moments = (fit: SubsetFit | undefined, posterior: (f: SubsetFit) => number[][], target: LabelTarget) => {
    if (!fit) return { mean: 0, sd: 0 }
    const p = targetProbability(fit, posterior(fit), target)
    return {
      mean: exactOf(fit, target) + fit.unknown.reduce((s, u, j) => s + u.n * p[j]!, 0),
      sd: Math.sqrt(fit.unknown.reduce((s, u, j) => s + u.n * p[j]! * (1 - p[j]!), 0)),
    }
  }
  const points = targets.map((t) => moments(after, (f) => f.posterior, t).mean - moments(before, (f) => f.posterior, t).mean)
  const draws: number[][] = targets.map(() => [])
  const wins = targets.map(() => 0)
  for (let b = 0; b < replicateCount; b++) {
    const deltas = targets.map((t, k) => {
      const a = moments(after, (f) => f.replicates[b]!, t)
      const p = moments(before, (f) => f.replicates[b]!, t)
      const delta = Math.max(0, a.mean + a.sd * normal(random)) - Math.max(0, p.mean + p.sd * normal(random))
      draws[k]!.push(delta)
      return delta
    })
    const top = deltas.reduce((best, d, k) => (d > deltas[best]! ? k : best), 0)
    if (targets.length) wins[top]!++
  }
  return targets.map((_, k) => {
    const sorted = draws[k]!.sort((a, b) => a - b)
    const value = points[k]!
    return sorted.length
      ? { value, low: Math.min(value, quantile(sorted, 0.025)), high: Math.max(value, quantile(sorted, 0.975)), largest: wins[k]! / replicateCount }
      : { value, low: value, high: value, largest: 0 }
  })
}

/** p(target | predicted cell) for each uncorrected cell of the fitted set: how likely a message predicted so carries the target. */
export function cellLikelihoods(fit: SubsetFit, target: LabelTarget): Map<string, number> {
  const p = targetProbability(fit, fit.posterior, target)
  return new Map(fit.unknown.map((u, j) => [u.cell, p[j]!]))
}
