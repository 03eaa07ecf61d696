// Well-known evaluation metrics. Each one follows a named reference implementation
// (scikit-learn, rouge-score, sacrebleu) so numbers are comparable with published results;
// where we deviate, the comment says how and why. All scores are on a 0–1 scale.

// ---------------------------------------------------------------------------
// Descriptive statistics

/** Arithmetic mean; NaN for an empty list (an empty eval must not look like a score of 0). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

/** Percentile with linear interpolation between closest ranks (numpy's default); p in 0..100. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`)
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const lower = Math.floor(rank)
  const upper = Math.ceil(rank)
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower)
}

function safeDivide(numerator: number, denominator: number): number {
  // scikit-learn's zero_division=0: an undefined precision/recall counts as 0.
  return denominator === 0 ? 0 : numerator / denominator
}

function harmonicF1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

// ---------------------------------------------------------------------------
// Classification

export type ClassScores = { precision: number; recall: number; f1: number; support: number }

export type ClassificationReport = {
  accuracy: number
  macro_precision: number
  macro_recall: number
  macro_f1: number
  per_class: Record<string, ClassScores>
  /** matrix[i][j] = number of items whose gold label is labels[i] and predicted label is labels[j]. */
  confusion: { labels: string[]; matrix: number[][] }
}

/**
 * Accuracy, per-class and macro-averaged precision/recall/F1, and the confusion matrix.
 * Matches scikit-learn: without `labels`, the classes are the sorted union of gold and predicted
 * labels (so a predicted class absent from the gold set counts with recall 0); macro F1 is the mean
 * of per-class F1, not the F1 of macro P and R. Pass `labels` to fix the class set (predictions
 * outside it still count as errors in accuracy and recall).
 */
export function classificationReport(
  gold: readonly string[],
  pred: readonly string[],
  labels?: readonly string[],
): ClassificationReport {
  if (gold.length !== pred.length) {
    throw new Error(`gold and pred differ in length (${gold.length} vs ${pred.length})`)
  }
  const classes = labels ? [...labels] : [...new Set([...gold, ...pred])].sort()
  const index = new Map(classes.map((label, i) => [label, i]))
  const matrix = classes.map(() => classes.map(() => 0))
  const support = classes.map(() => 0)
  const predicted = classes.map(() => 0)
  let correct = 0
  for (let k = 0; k < gold.length; k++) {
    if (gold[k] === pred[k]) correct++
    const g = index.get(gold[k])
    const p = index.get(pred[k])
    if (g !== undefined) support[g]++
    if (p !== undefined) predicted[p]++
    if (g !== undefined && p !== undefined) matrix[g][p]++
  }
  const per_class: Record<string, ClassScores> = {}
  classes.forEach((label, i) => {
    const truePositives = matrix[i][i]
    const precision = safeDivide(truePositives, predicted[i])
    const recall = safeDivide(truePositives, support[i])
    per_class[label] = { precision, recall, f1: harmonicF1(precision, recall), support: support[i] }
  })
  const scores = Object.values(per_class)
  return {
    accuracy: gold.length === 0 ? Number.NaN : correct / gold.length,
    macro_precision: mean(scores.map((s) => s.precision)),
    macro_recall: mean(scores.map((s) => s.recall)),
    macro_f1: mean(scores.map((s) => s.f1)),
    per_class,
    confusion: { labels: classes, matrix },
  }
}

export type ReliabilityBin = {
  lower: number
  upper: number
  count: number
  /** Fraction correct in the bin (NaN when empty). */
  accuracy: number
  /** Mean confidence in the bin (NaN when empty). */
  confidence: number
}

export type CalibrationResult = { ece: number; bins: ReliabilityBin[] }

function binIndex(confidence: number, bins: number): number {
  // Bins are (lower, upper] as in Guo et al. 2017; 0 goes to the first bin. Nudge against float
  // error so that 0.7 lands in (0.6, 0.7] and not (0.7, 0.8].
  let i = Math.min(bins - 1, Math.max(0, Math.ceil(confidence * bins) - 1))
  while (i > 0 && confidence <= i / bins) i--
  while (i < bins - 1 && confidence > (i + 1) / bins) i++
  return i
}

/**
 * Expected calibration error with equal-width bins: sum over bins of
 * (bin size / n) * |accuracy(bin) - mean confidence(bin)|, plus the reliability table behind it.
 */
export function calibration(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): CalibrationResult {
  if (confidences.length !== correct.length) {
    throw new Error(`confidences and correct differ in length (${confidences.length} vs ${correct.length})`)
  }
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`)
  const counts = new Array<number>(bins).fill(0)
  const hits = new Array<number>(bins).fill(0)
  const confidenceSums = new Array<number>(bins).fill(0)
  confidences.forEach((confidence, k) => {
    if (!(confidence >= 0 && confidence <= 1)) throw new RangeError(`confidence must be within 0..1, got ${confidence}`)
    const i = binIndex(confidence, bins)
    counts[i]++
    confidenceSums[i] += confidence
    if (correct[k]) hits[i]++
  })
  const n = confidences.length
  let ece = 0
  const table: ReliabilityBin[] = counts.map((count, i) => {
    const accuracy = count === 0 ? Number.NaN : hits[i] / count
    const meanConfidence = count === 0 ? Number.NaN : confidenceSums[i] / count
    if (count > 0) ece += (count / n) * Math.abs(accuracy - meanConfidence)
    return { lower: i / bins, upper: (i + 1) / bins, count, accuracy, confidence: meanConfidence }
  })
  return { ece: n === 0 ? Number.NaN : ece, bins: table }
}

/** The reliability table alone (accuracy against mean confidence per bin), e.g. for a report. */
export function reliabilityTable(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): ReliabilityBin[] {
  return calibration(confidences, correct, bins).bins
}

/** ECE alone; see `calibration` for the reliability table. */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  return calibration(confidences, correct, bins).ece
}

// ---------------------------------------------------------------------------
// Clustering
//
// Labels are compared by value. A noise label (-1 from HDBSCAN/DBSCAN, or 'noise') is treated as
// one more cluster, exactly as scikit-learn does when handed such labels: all noise points form a
// single cluster. That is deliberately unflattering (a clusterer that calls everything noise gets
// NMI 0), so report the noise share next to these scores.

export type ClusterLabel = string | number

function contingency(gold: readonly ClusterLabel[], pred: readonly ClusterLabel[]) {
  if (gold.length !== pred.length) {
    throw new Error(`gold and pred differ in length (${gold.length} vs ${pred.length})`)
  }
  // Keys are typed so that 1 and '1' stay distinct clusters.
  const key = (label: ClusterLabel) => `${typeof label}:${label}`
  const goldSizes = new Map<string, number>()
  const predSizes = new Map<string, number>()
  const cells = new Map<string, Map<string, number>>()
  for (let k = 0; k < gold.length; k++) {
    const g = key(gold[k])
    const p = key(pred[k])
    goldSizes.set(g, (goldSizes.get(g) ?? 0) + 1)
    predSizes.set(p, (predSizes.get(p) ?? 0) + 1)
    const row = cells.get(p) ?? new Map<string, number>()
    row.set(g, (row.get(g) ?? 0) + 1)
    cells.set(p, row)
  }
  return { n: gold.length, goldSizes, predSizes, cells }
}

function entropy(sizes: Iterable<number>, n: number): number {
  let h = 0
  for (const size of sizes) if (size > 0) h -= (size / n) * Math.log(size / n)
  return h
}

/**
 * Normalised mutual information, MI / mean(H(gold), H(pred)) — scikit-learn's default
 * (average_method='arithmetic'). Like scikit-learn, two single-cluster labelings score 1.
 */
export function nmi(gold: readonly ClusterLabel[], pred: readonly ClusterLabel[]): number {
  const { n, goldSizes, predSizes, cells } = contingency(gold, pred)
  if (n === 0) return 1
  if (goldSizes.size === 1 && predSizes.size === 1) return 1
  let mi = 0
  for (const [p, row] of cells) {
    for (const [g, count] of row) {
      mi += (count / n) * Math.log((n * count) / (goldSizes.get(g)! * predSizes.get(p)!))
    }
  }
  if (mi <= 0) return 0
  const normaliser = (entropy(goldSizes.values(), n) + entropy(predSizes.values(), n)) / 2
  return Math.min(1, mi / normaliser)
}

/** Adjusted Rand index via the pair confusion matrix, as scikit-learn computes it. */
export function adjustedRandIndex(gold: readonly ClusterLabel[], pred: readonly ClusterLabel[]): number {
  const { n, goldSizes, predSizes, cells } = contingency(gold, pred)
  const pairs = (m: number) => (m * (m - 1)) / 2
  let sameBoth = 0
  for (const row of cells.values()) for (const count of row.values()) sameBoth += pairs(count)
  let sameGold = 0
  for (const size of goldSizes.values()) sameGold += pairs(size)
  let samePred = 0
  for (const size of predSizes.values()) samePred += pairs(size)
  const tp = sameBoth
  const fn = sameGold - sameBoth
  const fp = samePred - sameBoth
  const tn = pairs(n) - tp - fn - fp
  if (fn === 0 && fp === 0) return 1
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
}

/** Purity: each predicted cluster is credited with its most frequent gold class. */
export function purity(gold: readonly ClusterLabel[], pred: readonly ClusterLabel[]): number {
  const { n, cells } = contingency(gold, pred)
  if (n === 0) return Number.NaN
  let credited = 0
  for (const row of cells.values()) credited += Math.max(...row.values())
  return credited / n
}

// ---------------------------------------------------------------------------
// Text overlap

/**
 * rouge-score's tokeniser (lowercase, anything but letters/digits splits tokens), widened from
 * ASCII [a-z0-9] to Unicode letters, digits and combining marks so that non-English text is not
 * erased. No stemming: rouge-score's default is use_stemmer=False; Porter stemming is not offered.
 */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((token) => token.length > 0)
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= tokens.length; i++) {
    // \u0001 cannot occur inside a token, so joined n-grams never collide.
    const gram = tokens.slice(i, i + n).join('\u0001')
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

function clippedOverlap(a: Map<string, number>, b: Map<string, number>): number {
  let overlap = 0
  for (const [gram, count] of a) overlap += Math.min(count, b.get(gram) ?? 0)
  return overlap
}

function total(counts: Map<string, number>): number {
  let sum = 0
  for (const count of counts.values()) sum += count
  return sum
}

/** ROUGE-N F1 (rouge-score semantics: clipped n-gram overlap; 0 when either side has no n-grams). */
export function rougeN(candidate: string, reference: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`)
  const candidateGrams = countNgrams(rougeTokens(candidate), n)
  const referenceGrams = countNgrams(rougeTokens(reference), n)
  const overlap = clippedOverlap(candidateGrams, referenceGrams)
  const precision = overlap / Math.max(total(candidateGrams), 1)
  const recall = overlap / Math.max(total(referenceGrams), 1)
  return harmonicF1(precision, recall)
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  // One rolling row: summaries are short, but dialogs can be a few thousand tokens.
  let previous = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0)
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1])
    }
    previous = current
  }
  return previous[b.length]
}

/** ROUGE-L F1 over the whole text (rouge-score's `rougeL`, not the sentence-split `rougeLsum`). */
export function rougeL(candidate: string, reference: string): number {
  const candidateTokens = rougeTokens(candidate)
  const referenceTokens = rougeTokens(reference)
  if (candidateTokens.length === 0 || referenceTokens.length === 0) return 0
  const lcs = longestCommonSubsequence(candidateTokens, referenceTokens)
  return harmonicF1(lcs / candidateTokens.length, lcs / referenceTokens.length)
}

export type RougeScores = { rouge1: number; rouge2: number; rouge_l: number }

/**
 * ROUGE-1/2/L against several references, taking for each metric independently the best F1 over
 * the references — what rouge-score's `score_multi` does. Taking the best rather than the mean
 * rewards matching any one valid summary, which is the point of having several (TweetSumm and
 * DialogSum ship three per dialog).
 */
export function rougeMulti(candidate: string, references: readonly string[]): RougeScores {
  if (references.length === 0) throw new Error('rougeMulti needs at least one reference')
  const best = { rouge1: 0, rouge2: 0, rouge_l: 0 }
  for (const reference of references) {
    best.rouge1 = Math.max(best.rouge1, rougeN(candidate, reference, 1))
    best.rouge2 = Math.max(best.rouge2, rougeN(candidate, reference, 2))
    best.rouge_l = Math.max(best.rouge_l, rougeL(candidate, reference))
  }
  return best
}

export type ChrFOptions = { charOrder?: number; beta?: number }

/** Per order n (1..charOrder): [candidate n-grams, reference n-grams, matched n-grams]. */
type ChrFStatistics = Array<[number, number, number]>

function characterNgrams(chars: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join('')
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

function chrFStatistics(candidate: string, reference: string, charOrder: number): ChrFStatistics {
  // sacrebleu's default (whitespace=False) deletes all whitespace before extracting n-grams.
  // Array.from splits by code point as Python does, so emoji and astral characters count once.
  const candidateChars = Array.from(candidate.replace(/\s+/gu, ''))
  const referenceChars = Array.from(reference.replace(/\s+/gu, ''))
  const stats: ChrFStatistics = []
  for (let n = 1; n <= charOrder; n++) {
    const c = characterNgrams(candidateChars, n)
    const r = characterNgrams(referenceChars, n)
    stats.push([total(c), total(r), clippedOverlap(c, r)])
  }
  return stats
}

function chrFFromStatistics(stats: ChrFStatistics, beta: number): number {
  // sacrebleu ≥2 default (eps_smoothing=False): average precision and recall over the orders that
  // exist on both sides ("effective order"), then one F-beta of those averages.
  let precisionSum = 0
  let recallSum = 0
  let effectiveOrder = 0
  for (const [candidateCount, referenceCount, matched] of stats) {
    if (candidateCount > 0 && referenceCount > 0) {
      precisionSum += matched / candidateCount
      recallSum += matched / referenceCount
      effectiveOrder++
    }
  }
  if (effectiveOrder === 0) return 0
  const precision = precisionSum / effectiveOrder
  const recall = recallSum / effectiveOrder
  if (precision + recall === 0) return 0
  const betaSquared = beta * beta
  return ((1 + betaSquared) * precision * recall) / (betaSquared * precision + recall)
}

function chrFSettings(options: ChrFOptions) {
  const charOrder = options.charOrder ?? 6
  const beta = options.beta ?? 2
  if (!Number.isInteger(charOrder) || charOrder < 1) throw new RangeError(`charOrder must be a positive integer`)
  return { charOrder, beta }
}

function bestReferenceStatistics(
  candidate: string,
  references: readonly string[],
  charOrder: number,
  beta: number,
): ChrFStatistics {
  if (references.length === 0) throw new Error('chrF needs at least one reference')
  // sacrebleu ≥2 with several references keeps the statistics of the best-scoring one.
  let best = chrFStatistics(candidate, references[0], charOrder)
  let bestScore = chrFFromStatistics(best, beta)
  for (const reference of references.slice(1)) {
    const stats = chrFStatistics(candidate, reference, charOrder)
    const score = chrFFromStatistics(stats, beta)
    if (score > bestScore) {
      best = stats
      bestScore = score
    }
  }
  return best
}

/**
 * Sentence-level chrF as sacrebleu defines it (character n-grams up to `charOrder`, whitespace
 * removed, case-sensitive, F-beta with recall weighted `beta` times). sacrebleu prints 0–100;
 * this returns 0–1 like every other metric here.
 */
export function chrF(candidate: string, reference: string | readonly string[], options: ChrFOptions = {}): number {
  const { charOrder, beta } = chrFSettings(options)
  const references = typeof reference === 'string' ? [reference] : reference
  return chrFFromStatistics(bestReferenceStatistics(candidate, references, charOrder, beta), beta)
}

/**
 * Corpus-level chrF (sacrebleu's `corpus_score`): statistics are summed over all pairs before
 * one F-beta, which weights long texts more than the mean of sentence scores does.
 */
export function corpusChrF(
  candidates: readonly string[],
  references: ReadonlyArray<string | readonly string[]>,
  options: ChrFOptions = {},
): number {
  if (candidates.length !== references.length) {
    throw new Error(`candidates and references differ in length (${candidates.length} vs ${references.length})`)
  }
  const { charOrder, beta } = chrFSettings(options)
  const sums: ChrFStatistics = Array.from({ length: charOrder }, () => [0, 0, 0])
  candidates.forEach((candidate, k) => {
    const reference = references[k]
    const stats = bestReferenceStatistics(candidate, typeof reference === 'string' ? [reference] : reference, charOrder, beta)
    stats.forEach((order, i) => order.forEach((value, j) => (sums[i][j] += value)))
  })
  return chrFFromStatistics(sums, beta)
}

/**
 * Best score among k candidates for one reference (oracle / best-of-k, e.g. for k reply drafts):
 * the score and the index of the candidate that reached it (-1 when there are no candidates).
 */
export function bestOfK<Reference>(
  candidates: readonly string[],
  reference: Reference,
  metric: (candidate: string, reference: Reference) => number,
): { score: number; index: number } {
  let best = { score: Number.NaN, index: -1 }
  candidates.forEach((candidate, index) => {
    const score = metric(candidate, reference)
    if (best.index === -1 || score > best.score) best = { score, index }
  })
  return best
}
