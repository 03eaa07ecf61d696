// Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM). This is the one
// embedder that sends customer text out of the process, so every input passes through `redact`
// first and every call is reported through `onCall` for the audit trail.
import OpenAI from 'openai'
import { l2Normalise, throwIfAborted, type EmbedOptions, type Embedder } from './embedder.ts'

export const OPENAI_MAX_INPUTS_PER_REQUEST = 96
export const DEFAULT_OPENAI_EMBEDDINGS_TIMEOUT_MS = 20_000
export const DEFAULT_OPENAI_EMBEDDINGS_MAX_RETRIES = 2
const DIMENSION_PROBE_TEXT = 'dimension probe'

/** Published output sizes, so the common models need no probe request at start-up. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
}

export interface OpenAICallInfo {
  model: string
  inputs: number
  tokens?: number
  latencyMs: number
  ok: boolean
  error?: string
}

export interface OpenAIEmbedderOptions {
  baseURL?: string
  apiKey?: string
  model: string
  /** Asks text-embedding-3 models for shorter vectors; also tells us the size of unknown models. */
  dimensions?: number
  redact?: (text: string) => string
  onCall?: (info: OpenAICallInfo) => void
  timeoutMs?: number
  maxRetries?: number
}

/**
 * Async because a model of unknown size (e.g. an Ollama model) is asked once, with a fixed
 * probe text, how long its vectors are.
 */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const client = new OpenAI({
    baseURL: options.baseURL,
    // Local OpenAI-compatible servers accept any key, but the client refuses to start without one.
    apiKey: options.apiKey ?? 'not-needed',
    timeout: options.timeoutMs ?? DEFAULT_OPENAI_EMBEDDINGS_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_OPENAI_EMBEDDINGS_MAX_RETRIES,
  })
  const redact = options.redact ?? ((text: string) => text)

  async function request(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const started = performance.now()
    try {
      const response = await client.embeddings.create(
        {
          model: options.model,
          input: texts.map(redact),
          ...(options.dimensions ? { dimensions: options.dimensions } : {}),
          // Explicit floats: several OpenAI-compatible servers do not implement base64.
          encoding_format: 'float',
        },
        { signal },
      )
      const vectors = orderByIndex(response.data, texts.length)
      options.onCall?.({
        model: options.model,
        inputs: texts.length,
        tokens: response.usage?.total_tokens,
        latencyMs: Math.round(performance.now() - started),
        ok: true,
      })
      return vectors
    } catch (error) {
      options.onCall?.({
        model: options.model,
        inputs: texts.length,
        latencyMs: Math.round(performance.now() - started),
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      })
      throw error
    }
  }

  const dimension =
    options.dimensions ?? KNOWN_DIMENSIONS[options.model] ?? (await request([DIMENSION_PROBE_TEXT]))[0].length

  return {
    id: `openai:${options.model}${options.dimensions ? `@${options.dimensions}` : ''}`,
    dimension,
    async embed(texts: string[], opts?: EmbedOptions): Promise<Float32Array[]> {
      const vectors: Float32Array[] = texts.map(() => new Float32Array(dimension))
      // The API rejects empty strings; an empty text keeps its zero vector instead.
      const positions = texts.flatMap((text, i) => (text.trim() === '' ? [] : [i]))
      for (let start = 0; start < positions.length; start += OPENAI_MAX_INPUTS_PER_REQUEST) {
        throwIfAborted(opts?.signal)
        const batch = positions.slice(start, start + OPENAI_MAX_INPUTS_PER_REQUEST)
        const embedded = await request(batch.map((i) => texts[i]), opts?.signal)
        embedded.forEach((vector, j) => {
          if (vector.length !== dimension) {
            throw new Error(`embedding model ${options.model} returned ${vector.length} dimensions, expected ${dimension}`)
          }
          vectors[batch[j]] = vector
        })
      }
      return vectors
    },
  }
}

/** The API labels each vector with its input's index and does not promise to keep the order. */
function orderByIndex(data: Array<{ index: number; embedding: number[] | string }>, expected: number): Float32Array[] {
  if (data.length !== expected) throw new Error(`embeddings response has ${data.length} vectors for ${expected} inputs`)
  const ordered: Float32Array[] = new Array(expected)
  for (const item of data) {
    if (typeof item.embedding === 'string') throw new Error('embeddings response is base64 although floats were requested')
    if (item.index < 0 || item.index >= expected || ordered[item.index]) {
      throw new Error(`embeddings response has an invalid or repeated index ${item.index}`)
    }
    ordered[item.index] = l2Normalise(Float32Array.from(item.embedding))
  }
  return ordered
}
