// Theme clustering that finds the number of themes itself and scales to a week of messages:
//   1. spherical k-means (k-means++ seeded, on a sample, then one full assignment) into at most
//      `maxMicroClusters` micro-clusters — the only step that touches every vector;
//   2. average-linkage agglomeration of the micro-clusters under a cosine distance threshold. With
//      unit vectors the mean pairwise cosine of two groups is the dot product of their mean vectors,
//      so linkage over micro-cluster sums is exact average linkage over the underlying messages;
//   3. groups smaller than `minClusterSize`, and messages far from their group, become noise (-1).
// Vectors must be L2-normalised (cosine geometry); all-zero vectors (texts without content) are noise.

import { seededRandom } from '../../seeded-random.ts'

export interface ClusterOptions {
  /** Groups smaller than this are noise. Default: 1% of the non-empty messages, at least 5. */
  minClusterSize?: number
  /** Merge while 1 − (mean pairwise cosine between two groups) is at most this. */
  distanceThreshold?: number
  seed?: number
  maxMicroClusters?: number
  /** A message outside every large group joins the nearest one when at least this close to its centroid. */
  strayJoinSimilarity?: number
  /** At most this many spherical k-means passes from the agglomerated groups' centroids (fewer once nothing moves). */
  refineIterations?: number
  /** Batches larger than this are clustered on a seeded sample of this size, then assigned in one pass. */
  maxSample?: number
}

export interface ClusterResult {
  labels: Int32Array
  centroids: Float32Array[]
  k: number
}

// Defaults measured on airline_dev negative tweets with the built-in embedder (scripts/measure-themes.ts).
export const DEFAULT_DISTANCE_THRESHOLD = 0.75
export const DEFAULT_MAX_MICRO_CLUSTERS = 200
export const DEFAULT_SEED = 42
/**
 * Messages the themes are found on; the rest are assigned to them. A theme of 1% of the batch (the
 * smallest kept) still has 50 sampled members, and linkage time no longer grows with the week.
 */
export const DEFAULT_MAX_SAMPLE = 5_000
const DEFAULT_MIN_CLUSTER_SHARE = 0.01
const DEFAULT_MIN_CLUSTER_FLOOR = 5
/** A message whose cosine to its theme's centroid is below this is noise, not a weak member. */
const MIN_MEMBER_SIMILARITY = 0.05
/** A message left in a too-small group joins the nearest theme when at least this close to its centroid. */
export const DEFAULT_STRAY_JOIN_SIMILARITY = 0.2
/** Lloyd iterations run on a sample of this many points per micro-cluster, then one pass over all. */
const SAMPLE_POINTS_PER_CENTRE = 20
const LLOYD_ITERATIONS = 5
/** k-means++ seeding is sequential over the centres, so it looks at a smaller (random) sample still. */
const SEEDING_POINTS_PER_CENTRE = 8

/** The smallest theme of a batch of `messages` non-empty messages: 1% of them, at least 5. */
export function defaultMinClusterSize(messages: number): number {
  return Math.max(DEFAULT_MIN_CLUSTER_FLOOR, Math.ceil(DEFAULT_MIN_CLUSTER_SHARE * messages))
}

export function clusterVectors(vectors: Float32Array[], opts: ClusterOptions = {}): ClusterResult {
  const n = vectors.length
  const labels = new Int32Array(n).fill(-1)
  const usable: number[] = []
  for (let i = 0; i < n; i++) if (hasContent(vectors[i])) usable.push(i)
  if (usable.length === 0) return { labels, centroids: [], k: 0 }

  const dimension = vectors[usable[0]].length
  const minClusterSize = opts.minClusterSize ?? defaultMinClusterSize(usable.length)
  const threshold = opts.distanceThreshold ?? DEFAULT_DISTANCE_THRESHOLD
  // Seeded so the same week and seed give the same themes.
  const random = seededRandom(opts.seed ?? DEFAULT_SEED)
  const maxMicro = Math.max(1, opts.maxMicroClusters ?? DEFAULT_MAX_MICRO_CLUSTERS)

  const all = usable.map((i) => vectors[i])
  // A large batch is clustered on a seeded random sample; every message then goes to its nearest
  // theme in one pass, so the cost beyond the sample grows with messages × themes only.
  const sampleSize = Math.max(1, opts.maxSample ?? DEFAULT_MAX_SAMPLE)
  const sampled = all.length > sampleSize ? sampleIndices(all.length, sampleSize, random).sort((a, b) => a - b) : null
  const points = sampled ? sampled.map((p) => all[p]) : all
  const sampleMinSize = sampled ? Math.max(2, Math.round((minClusterSize * points.length) / all.length)) : minClusterSize
  const microOf = points.length <= maxMicro ? points.map((_, i) => i) : microClusters(points, maxMicro, random)
  const groupOfMicro = averageLinkage(points, microOf, dimension, 1 - threshold)

  const groupOfPoint = microOf.map((micro) => groupOfMicro[micro])
  const strayJoin = opts.strayJoinSimilarity ?? DEFAULT_STRAY_JOIN_SIMILARITY
  let { centroids, finalLabels } = keepLargeGroups(points, groupOfPoint, dimension, sampleMinSize, strayJoin)
  for (let pass = 0; pass < (opts.refineIterations ?? 0) && centroids.length > 0; pass++) {
    const previous = finalLabels
    ;({ centroids, finalLabels } = reassign(points, centroids, dimension, sampleMinSize, strayJoin))
    if (sameLabels(previous, finalLabels)) break // converged: further passes change nothing
  }
  if (sampled && centroids.length > 0) ({ centroids, finalLabels } = reassign(all, centroids, dimension, minClusterSize, strayJoin))
  else if (sampled) finalLabels = new Int32Array(all.length).fill(-1)
  for (let p = 0; p < all.length; p++) labels[usable[p]] = finalLabels[p]
  return { labels, centroids, k: centroids.length }
}

function hasContent(vector: Float32Array): boolean {
  for (let i = 0; i < vector.length; i++) if (vector[i] !== 0) return Number.isFinite(vector[i])
  return false
}

/** Spherical k-means; returns the micro-cluster index of each point (empty micro-clusters never referenced). */
function microClusters(points: Float32Array[], k: number, random: () => number): number[] {
  const sampleSize = Math.min(points.length, k * SAMPLE_POINTS_PER_CENTRE)
  const sample = sampleIndices(points.length, sampleSize, random).map((i) => points[i])
  let centres = kMeansPlusPlus(sample.slice(0, k * SEEDING_POINTS_PER_CENTRE), k, random)
  for (let iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
    const assignment = sample.map((point) => nearest(point, centres))
    centres = meanDirections(sample, assignment, centres)
  }
  return points.map((point) => nearest(point, centres))
}

function kMeansPlusPlus(points: Float32Array[], k: number, random: () => number): Float32Array[] {
  const centres = [points[Math.floor(random() * points.length)]]
  const distance = new Float64Array(points.length).fill(Infinity)
  while (centres.length < Math.min(k, points.length)) {
    const latest = centres[centres.length - 1]
    let total = 0
    for (let i = 0; i < points.length; i++) {
      const d = Math.max(0, 1 - dot(points[i], latest))
      if (d < distance[i]) distance[i] = d
      total += distance[i] * distance[i]
    }
    if (total === 0) break // fewer distinct points than k
    let target = random() * total
    let chosen = points.length - 1
    for (let i = 0; i < points.length; i++) {
      target -= distance[i] * distance[i]
      if (target <= 0) {
        chosen = i
        break
      }
    }
    centres.push(points[chosen])
  }
  return centres
}

function nearest(point: Float32Array, centres: Float32Array[]): number {
  // Four centres per pass over the point: each point value is loaded once for four products,
  // which is most of the clustering time at 50,000 messages.
  let best = 0
  let bestScore = -Infinity
  const dimension = point.length
  let c = 0
  for (; c + 3 < centres.length; c += 4) {
    const c0 = centres[c]
    const c1 = centres[c + 1]
    const c2 = centres[c + 2]
    const c3 = centres[c + 3]
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    for (let d = 0; d < dimension; d++) {
      const x = point[d]
      s0 += x * c0[d]
      s1 += x * c1[d]
      s2 += x * c2[d]
      s3 += x * c3[d]
    }
    if (s0 > bestScore) (bestScore = s0), (best = c)
    if (s1 > bestScore) (bestScore = s1), (best = c + 1)
    if (s2 > bestScore) (bestScore = s2), (best = c + 2)
    if (s3 > bestScore) (bestScore = s3), (best = c + 3)
  }
  for (; c < centres.length; c++) {
    const score = dot(point, centres[c])
    if (score > bestScore) (bestScore = score), (best = c)
  }
  return best
}

function meanDirections(points: Float32Array[], assignment: number[], previous: Float32Array[]): Float32Array[] {
  const sums = previous.map((centre) => new Float32Array(centre.length))
  const counts = new Int32Array(previous.length)
  for (let i = 0; i < points.length; i++) {
    addInto(sums[assignment[i]], points[i])
    counts[assignment[i]]++
  }
  // An emptied centre keeps its place rather than vanishing, so indices stay stable.
  return sums.map((sum, c) => (counts[c] === 0 ? previous[c] : normalised(sum)))
}

/**
 * Average linkage over micro-clusters, merging the most similar pair while its mean pairwise cosine
 * is at least `minSimilarity`. Returns the group index of each micro-cluster.
 */
function averageLinkage(points: Float32Array[], microOf: number[], dimension: number, minSimilarity: number): number[] {
  let microCount = 0
  for (const micro of microOf) if (micro >= microCount) microCount = micro + 1
  const sums: Array<Float64Array | null> = Array.from({ length: microCount }, () => new Float64Array(dimension))
  const sizes = new Float64Array(microCount)
  for (let p = 0; p < points.length; p++) {
    const sum = sums[microOf[p]]!
    const point = points[p]
    for (let d = 0; d < dimension; d++) sum[d] += point[d]
    sizes[microOf[p]]++
  }
  const alive: number[] = []
  for (let c = 0; c < microCount; c++) {
    if (sizes[c] > 0) alive.push(c)
    else sums[c] = null
  }

  const parent = Array.from({ length: microCount }, (_, c) => c)
  const similarity = new Float64Array(microCount * microCount).fill(-Infinity)
  const linkage = (a: number, b: number) => dot64(sums[a]!, sums[b]!) / (sizes[a] * sizes[b])
  for (let i = 0; i < alive.length; i++) {
    for (let j = i + 1; j < alive.length; j++) {
      const a = alive[i]
      const b = alive[j]
      similarity[a * microCount + b] = similarity[b * microCount + a] = linkage(a, b)
    }
  }

  const active = new Set(alive)
  while (active.size > 1) {
    let bestA = -1
    let bestB = -1
    let best = -Infinity
    for (const a of active) {
      const row = a * microCount
      for (const b of active) {
        if (b > a && similarity[row + b] > best) {
          best = similarity[row + b]
          bestA = a
          bestB = b
        }
      }
    }
    if (best < minSimilarity) break
    const merged = sums[bestA]!
    const absorbed = sums[bestB]!
    for (let d = 0; d < dimension; d++) merged[d] += absorbed[d]
    sizes[bestA] += sizes[bestB]
    sums[bestB] = null
    active.delete(bestB)
    parent[bestB] = bestA
    for (const other of active) {
      if (other === bestA) continue
      similarity[bestA * microCount + other] = similarity[other * microCount + bestA] = linkage(bestA, other)
    }
  }

  const root = (c: number): number => (parent[c] === c ? c : (parent[c] = root(parent[c])))
  return Array.from({ length: microCount }, (_, c) => root(c))
}

/**
 * Numbers large groups 0..k−1 by size (largest first). Members of small groups join the closest large
 * group when they are near enough to it, else they are noise, as are members far from their own group.
 */
function keepLargeGroups(
  points: Float32Array[],
  groupOfPoint: number[],
  dimension: number,
  minClusterSize: number,
  strayJoinSimilarity: number,
): { centroids: Float32Array[]; finalLabels: Int32Array } {
  const members = new Map<number, number[]>()
  groupOfPoint.forEach((group, p) => {
    const list = members.get(group)
    if (list) list.push(p)
    else members.set(group, [p])
  })
  const kept: Array<{ centroid: Float32Array; members: number[] }> = []
  const strays: number[] = []
  for (const list of members.values()) {
    const centroid = list.length >= minClusterSize ? centroidOf(points, list, dimension) : null
    const close = centroid ? list.filter((p) => dot(points[p], centroid) >= MIN_MEMBER_SIMILARITY) : []
    if (centroid && close.length >= minClusterSize) {
      kept.push({ centroid, members: close })
      for (const p of list) if (dot(points[p], centroid) < MIN_MEMBER_SIMILARITY) strays.push(p)
    } else {
      strays.push(...list)
    }
  }
  for (const p of strays) {
    let best = -1
    let bestSimilarity = strayJoinSimilarity
    kept.forEach((group, g) => {
      const similarity = dot(points[p], group.centroid)
      if (similarity >= bestSimilarity) {
        bestSimilarity = similarity
        best = g
      }
    })
    if (best >= 0) kept[best].members.push(p)
  }
  kept.sort((a, b) => b.members.length - a.members.length)
  const finalLabels = new Int32Array(points.length).fill(-1)
  kept.forEach((group, label) => {
    for (const p of group.members) finalLabels[p] = label
  })
  return { centroids: kept.map((group) => centroidOf(points, group.members, dimension)), finalLabels }
}

/**
 * One spherical k-means pass from the groups' centroids: the agglomeration decides how many themes
 * and roughly where; each message then goes to the centroid it is closest to (or noise when it is
 * close to none), which fixes the members the micro-clusters put on the wrong side of a border.
 */
function reassign(
  points: Float32Array[],
  centroids: Float32Array[],
  dimension: number,
  minClusterSize: number,
  strayJoinSimilarity: number,
): { centroids: Float32Array[]; finalLabels: Int32Array } {
  const groups: number[][] = centroids.map(() => [])
  for (let p = 0; p < points.length; p++) {
    const best = nearest(points[p], centroids)
    if (dot(points[p], centroids[best]) >= strayJoinSimilarity) groups[best].push(p)
  }
  const kept = groups.filter((members) => members.length >= minClusterSize).sort((a, b) => b.length - a.length)
  const finalLabels = new Int32Array(points.length).fill(-1)
  kept.forEach((members, label) => {
    for (const p of members) finalLabels[p] = label
  })
  return { centroids: kept.map((members) => centroidOf(points, members, dimension)), finalLabels }
}

function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function centroidOf(points: Float32Array[], indices: number[], dimension: number): Float32Array {
  const sum = new Float32Array(dimension)
  for (const p of indices) addInto(sum, points[p])
  return normalised(sum)
}

function sampleIndices(n: number, size: number, random: () => number): number[] {
  const indices = Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i))
    ;[indices[i], indices[j]] = [indices[j], indices[i]]
  }
  return indices.slice(0, size)
}

function addInto(target: Float32Array, source: Float32Array): void {
  for (let d = 0; d < target.length; d++) target[d] += source[d]
}

/** Scales the vector to unit length in place (a zero vector stays zero). */
export function normalised(vector: Float32Array): Float32Array {
  let norm = 0
  for (let d = 0; d < vector.length; d++) norm += vector[d] * vector[d]
  if (norm === 0) return vector
  const scale = 1 / Math.sqrt(norm)
  for (let d = 0; d < vector.length; d++) vector[d] *= scale
  return vector
}

function dot(a: Float32Array, b: Float32Array): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  const n = a.length
  let d = 0
  for (; d + 3 < n; d += 4) {
    s0 += a[d] * b[d]
    s1 += a[d + 1] * b[d + 1]
    s2 += a[d + 2] * b[d + 2]
    s3 += a[d + 3] * b[d + 3]
  }
  for (; d < n; d++) s0 += a[d] * b[d]
  return s0 + s1 + s2 + s3
}

function dot64(a: Float64Array, b: Float64Array): number {
  let sum = 0
  for (let d = 0; d < a.length; d++) sum += a[d] * b[d]
  return sum
}
