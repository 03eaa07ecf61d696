import { describe, expect, it } from 'vitest'
import { clusterVectors } from '../../src/chains/themes/cluster.ts'

/** Unit vectors scattered around `topics` orthogonal directions, plus optional isolated outliers. */
function syntheticWeek(perTopic: number[], dimension = 64, seed = 1, spread = 0.35): { vectors: Float32Array[]; truth: number[] } {
  let state = seed
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296)
  const vectors: Float32Array[] = []
  const truth: number[] = []
  perTopic.forEach((count, topic) => {
    for (let i = 0; i < count; i++) {
      const v = new Float32Array(dimension)
      v[topic] = 1
      for (let d = 0; d < dimension; d++) v[d] += spread * (random() - 0.5)
      vectors.push(normalise(v))
      truth.push(topic)
    }
  })
  return { vectors, truth }
}

function normalise(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v)
  return v.map((x) => x / norm)
}

/** Every true topic maps to exactly one found label and no label mixes topics. */
function expectSamePartition(labels: Int32Array, truth: number[]): void {
  const labelOfTopic = new Map<number, number>()
  const topicOfLabel = new Map<number, number>()
  truth.forEach((topic, i) => {
    const label = labels[i]
    expect(label).toBeGreaterThanOrEqual(0)
    expect(labelOfTopic.get(topic) ?? label).toBe(label)
    expect(topicOfLabel.get(label) ?? topic).toBe(topic)
    labelOfTopic.set(topic, label)
    topicOfLabel.set(label, topic)
  })
}

describe('clusterVectors', () => {
  it('finds the number of themes itself on exact (small) input', () => {
    const { vectors, truth } = syntheticWeek([30, 20, 12])
    const { labels, centroids, k } = clusterVectors(vectors)
    expect(k).toBe(3)
    expect(centroids).toHaveLength(3)
    expectSamePartition(labels, truth)
    // Labels are ordered by size, largest first.
    expect(labels[0]).toBe(0)
    expect(labels[30]).toBe(1)
  })

  it('finds the themes through micro-clusters when the input is larger than maxMicroClusters', () => {
    const { vectors, truth } = syntheticWeek([400, 300, 200, 100], 64, 3)
    const { labels, k } = clusterVectors(vectors, { maxMicroClusters: 40, seed: 7 })
    expect(k).toBe(4)
    expectSamePartition(labels, truth)
  })

  it('marks small groups and empty vectors as noise', () => {
    const { vectors, truth } = syntheticWeek([40, 40, 2])
    vectors.push(new Float32Array(64))
    const { labels, k } = clusterVectors(vectors, { minClusterSize: 5 })
    expect(k).toBe(2)
    expect(labels[vectors.length - 1]).toBe(-1)
    truth.forEach((topic, i) => {
      if (topic === 2) expect(labels[i]).toBe(-1)
      else expect(labels[i]).toBeGreaterThanOrEqual(0)
    })
  })

  it('keeps the centroids unit length and is deterministic for a seed', () => {
    const { vectors } = syntheticWeek([120, 90, 60], 32, 5)
    const first = clusterVectors(vectors, { maxMicroClusters: 20, seed: 11 })
    const second = clusterVectors(vectors, { maxMicroClusters: 20, seed: 11 })
    expect(Array.from(second.labels)).toEqual(Array.from(first.labels))
    for (const centroid of first.centroids) expect(Math.hypot(...centroid)).toBeCloseTo(1, 5)
  })

  it('merges less under a tighter distance threshold', () => {
    const { vectors } = syntheticWeek([30, 30, 30], 64, 9)
    expect(clusterVectors(vectors, { distanceThreshold: 0.01, minClusterSize: 1 }).k).toBeGreaterThan(3)
    expect(clusterVectors(vectors, { distanceThreshold: 1.5 }).k).toBe(1)
  })

  it('returns nothing for no input', () => {
    expect(clusterVectors([])).toEqual({ labels: new Int32Array(0), centroids: [], k: 0 })
  })
})

describe('clusterVectors noise and refinement', () => {
  it('lets a message outside every large group join the nearest one only when close enough', () => {
    const { vectors } = syntheticWeek([30, 30], 16, 5)
    const outlier = new Float32Array(16)
    outlier[0] = 0.3
    outlier[15] = 1
    const all = [...vectors, normalise(outlier)]
    const strict = clusterVectors(all, { minClusterSize: 10, strayJoinSimilarity: 0.9 })
    const loose = clusterVectors(all, { minClusterSize: 10, strayJoinSimilarity: 0.1 })
    expect(strict.labels[all.length - 1]).toBe(-1)
    expect(loose.labels[all.length - 1]).toBeGreaterThanOrEqual(0)
  })

  it('keeps clean topics intact through k-means refinement passes', () => {
    const { vectors, truth } = syntheticWeek([40, 30, 20], 32, 9)
    const { labels, k } = clusterVectors(vectors, { refineIterations: 3 })
    expect(k).toBe(3)
    expectSamePartition(labels, truth)
  })
})

describe('clusterVectors on a sample of a large batch', () => {
  it('finds the themes on the sample and assigns every other message to its nearest one', () => {
    const { vectors, truth } = syntheticWeek([600, 400, 250], 48, 13)
    const sampled = clusterVectors(vectors, { maxSample: 300, maxMicroClusters: 40, seed: 3 })
    expect(sampled.k).toBe(3)
    expectSamePartition(sampled.labels, truth)
    // The same batch clustered whole gives the same partition.
    const whole = clusterVectors(vectors, { maxMicroClusters: 40, seed: 3 })
    expect(Array.from(sampled.labels)).toEqual(Array.from(whole.labels))
  })

  it('keeps a theme that is too small in the whole batch out, even when the sample holds enough of it', () => {
    const { vectors, truth } = syntheticWeek([500, 480, 20], 48, 17)
    const { labels, k } = clusterVectors(vectors, { maxSample: 200, minClusterSize: 40, maxMicroClusters: 30, seed: 5 })
    expect(k).toBe(2)
    truth.forEach((topic, i) => expect(labels[i] >= 0).toBe(topic !== 2))
  })
})
