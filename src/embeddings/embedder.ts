// The one contract every embedding provider implements. Vectors of two ids are never mixed in the
// store, so `id` must change whenever the vectors a provider produces would change.

/** e5/bge-style models embed questions and stored passages differently. */
export type EmbedKind = 'query' | 'passage'

export interface EmbedOptions {
  kind?: EmbedKind
  signal?: AbortSignal
}

export interface Embedder {
  /** Stable model id stored next to every vector, e.g. 'builtin:hash-ngram-v1'. */
  readonly id: string
  readonly dimension: number
  /**
   * One L2-normalised vector per input, in input order. A text with no usable content (empty,
   * only a URL) yields an all-zero vector rather than NaNs, so cosine scores stay finite.
   */
  embed(texts: string[], opts?: EmbedOptions): Promise<Float32Array[]>
  close?(): Promise<void>
}

export interface EmbeddingsOptions {
  /** 'builtin' | 'transformers:<hub id or folder>' | 'openai:<model>' | 'auto' */
  spec: string
  baseURL?: string
  apiKey?: string
  modelsDir: string
}

/** In place; leaves an all-zero (or non-finite) vector as zeros. */
export function l2Normalise(vector: Float32Array): Float32Array {
  let sumOfSquares = 0
  for (let i = 0; i < vector.length; i++) sumOfSquares += vector[i] * vector[i]
  if (!Number.isFinite(sumOfSquares) || sumOfSquares === 0) {
    vector.fill(0)
    return vector
  }
  const scale = 1 / Math.sqrt(sumOfSquares)
  for (let i = 0; i < vector.length; i++) vector[i] *= scale
  return vector
}

/** Dot product; equals cosine similarity for the normalised vectors an Embedder returns. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`vector dimensions differ: ${a.length} vs ${b.length}`)
  let dot = 0
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i]
  return dot
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('embedding aborted')
}
