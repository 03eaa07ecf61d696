// The one place an EMBEDDINGS spec becomes an Embedder. `reason` is logged at start-up and shown
// in /ready, so whoever runs the service can see which model indexes their data, and why.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
// The model-backed embedders (transformers.js with ONNX Runtime, TensorFlow.js for USE, the openai
// client) are imported only when a spec chooses them: `builtin` starts without loading any of them.
import { createBuiltinEmbedder } from './builtin.ts'
import type { Embedder, EmbeddingsOptions } from './embedder.ts'
import type { OpenAIEmbedderOptions } from './openai.ts'

/** Where the Docker image (or an operator) puts a transformers.js model for 'auto' to find. */
export const BAKED_MODEL_SUBDIR = 'embedder'

export const VALID_EMBEDDINGS_SPECS = [
  'auto',
  'builtin',
  'transformers:<hub id, e.g. Xenova/multilingual-e5-small, or model folder path>',
  'openai:<model, e.g. text-embedding-3-small>',
  'use (offline Universal Sentence Encoder lite, English only)',
]

/** What only the caller knows: the safety layer's redaction and the audit hook for remote calls. */
export type RemoteEmbedderHooks = Pick<OpenAIEmbedderOptions, 'redact' | 'onCall' | 'timeoutMs' | 'maxRetries'>

export interface CreatedEmbedder {
  embedder: Embedder
  reason: string
}

export async function createEmbedder(options: EmbeddingsOptions, hooks: RemoteEmbedderHooks = {}): Promise<CreatedEmbedder> {
  const spec = options.spec.trim()
  if (spec === 'builtin') {
    return { embedder: createBuiltinEmbedder(), reason: 'EMBEDDINGS=builtin: offline hashed n-gram embedder, no model weights' }
  }
  if (spec === 'auto') return createAutoEmbedder(options.modelsDir)
  if (spec === 'use') {
    const { createUseEmbedder } = await import('./universal-sentence-encoder.ts')
    const embedder = await createUseEmbedder()
    return { embedder, reason: `EMBEDDINGS=use: offline Universal Sentence Encoder lite ${embedder.id} (${embedder.dimension} dims, English only)` }
  }

  const [provider, ...rest] = spec.split(':')
  const model = rest.join(':').trim()
  if (provider === 'transformers' && model) {
    const { createTransformersEmbedder } = await import('./transformers.ts')
    const embedder = await createTransformersEmbedder({ model, modelsDir: options.modelsDir })
    return { embedder, reason: `EMBEDDINGS=${spec}: local transformers.js model ${embedder.id} (${embedder.dimension} dims)` }
  }
  if (provider === 'openai' && model) {
    if (!options.baseURL && !options.apiKey) {
      throw new Error(`EMBEDDINGS=${spec} needs EMBEDDINGS_API_KEY (or LLM_API_KEY), or EMBEDDINGS_BASE_URL for a local OpenAI-compatible server`)
    }
    const { createOpenAIEmbedder } = await import('./openai.ts')
    const embedder = await createOpenAIEmbedder({ baseURL: options.baseURL, apiKey: options.apiKey, model, ...hooks })
    const where = options.baseURL ? new URL(options.baseURL).host : 'api.openai.com'
    return { embedder, reason: `EMBEDDINGS=${spec}: remote embeddings from ${where} (${embedder.dimension} dims), inputs redacted` }
  }
  throw new Error(`unknown EMBEDDINGS spec "${options.spec}"; valid forms: ${VALID_EMBEDDINGS_SPECS.join(' | ')}`)
}

async function createAutoEmbedder(modelsDir: string): Promise<CreatedEmbedder> {
  const folder = join(modelsDir, BAKED_MODEL_SUBDIR)
  if (!isTransformersFolder(folder)) {
    return {
      embedder: createBuiltinEmbedder(),
      reason: `EMBEDDINGS=auto: no model folder at ${folder} (tokenizer.json + onnx/), using the offline builtin embedder`,
    }
  }
  try {
    const { createTransformersEmbedder } = await import('./transformers.ts')
    const embedder = await createTransformersEmbedder({ model: folder, modelsDir })
    return { embedder, reason: `EMBEDDINGS=auto: found model folder ${folder}, using ${embedder.id} (${embedder.dimension} dims)` }
  } catch (error) {
    // auto promises a working service; an explicit transformers: spec fails loudly instead.
    const message = error instanceof Error ? error.message : String(error)
    return {
      embedder: createBuiltinEmbedder(),
      reason: `EMBEDDINGS=auto: model folder ${folder} failed to load (${message}), using the offline builtin embedder`,
    }
  }
}

function isTransformersFolder(folder: string): boolean {
  return existsSync(join(folder, 'tokenizer.json')) && existsSync(join(folder, 'onnx'))
}
